package org.deeprl4j.experiments.bench;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeprl4j.experiments.Presets;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;

/**
 * One configuration of the {@code train} suite: an algorithm and the hyperparameters it trains
 * CartPole-v1 with, compared only with the peers that were measured with the same settings (a ratio
 * against a peer that ran other settings would mislead).
 *
 * <p>The hyperparameters are the embedded rl-baselines3-zoo preset plus {@code overrides}, resolved
 * and validated by {@link TrainRunner#resolveConfig} exactly as {@code deeprl4j train --set k=v}
 * resolves them. The CleanRL variants override every key their script sets, so the zoo preset
 * underneath does not leak into them.
 *
 * @param name         name in the table and for {@code --variant}, e.g. {@code ppo-cleanrl}
 * @param algo         algorithm name ({@code dqn}, {@code ppo})
 * @param settings     short description of the settings, shown in the throughput row's note
 * @param overrides    config keys over the zoo preset (snake_case, the types YAML gives)
 * @param defaultSteps step budget without {@code --steps}/{@code --quick}; null = the preset's {@code n_timesteps}
 * @param quickSteps   step budget with {@code --quick}
 * @param peers        reference figures measured with the same settings
 */
public record TrainVariant(String name, String algo, String settings, Map<String, Object> overrides, Long defaultSteps,
                           long quickSteps, List<Reference> peers) {
    public TrainVariant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(algo, "algo");
        Objects.requireNonNull(settings, "settings");
        overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
        peers = List.copyOf(peers);
        if (defaultSteps != null && defaultSteps <= 0) {
            throw new IllegalArgumentException("default steps must be positive, got " + defaultSteps);
        }
        if (quickSteps <= 0) {
            throw new IllegalArgumentException("quick steps must be positive, got " + quickSteps);
        }
    }

    /** CleanRL's {@code total_timesteps} default in {@code dqn.py} and {@code ppo.py}. */
    public static final long CLEANRL_TOTAL_TIMESTEPS = 500_000;

    /**
     * DQN with the zoo's CartPole-v1 hyperparameters; quick: two training rounds after its 1,000
     * learning-start steps.
     */
    public static final TrainVariant DQN = new TrainVariant("dqn", "dqn", "rl-baselines3-zoo hyperparameters", Map.of(),
            null, 1_500, List.of(Reference.SB3_DQN_STEPS));

    /** PPO with the zoo's CartPole-v1 hyperparameters; quick: eight rollouts of 8 x 32 steps. */
    public static final TrainVariant PPO = new TrainVariant("ppo", "ppo", "rl-baselines3-zoo hyperparameters", Map.of(),
            null, 2_048, List.of(Reference.SB3_PPO_STEPS, Reference.SB3_PPO_TIME));

    /**
     * DQN with CleanRL {@code dqn.py}'s defaults. Quick: 12,000 steps, the 10,000 learning-start
     * steps (cheap: acting only) and then 200 gradient steps, so the budget exercises training.
     */
    public static final TrainVariant DQN_CLEANRL = new TrainVariant("dqn-cleanrl", "dqn",
            "CleanRL dqn.py defaults ([120, 84] relu, MSE, Adam 2.5e-4, batch 128, train every 10, target every 500, "
                    + "no grad clipping)",
            ordered("learning_rate", 2.5e-4, "buffer_size", 10_000, "learning_starts", 10_000, "batch_size", 128,
                    "tau", 1.0, "gamma", 0.99, "train_freq", 10, "gradient_steps", 1, "target_update_interval", 500,
                    "exploration_fraction", 0.5, "exploration_initial_eps", 1.0, "exploration_final_eps", 0.05,
                    "max_grad_norm", 0.0, // CleanRL does not clip gradients
                    "net_arch", List.of(120, 84), "activation", "relu", "loss", "mse", "optimizer", "adam",
                    "optimizer_eps", 1e-8, // torch.optim.Adam's default eps
                    "double_dqn", false, "dueling", false, "prioritized", false, "n_step", 1, "num_envs", 1),
            CLEANRL_TOTAL_TIMESTEPS, 12_000, List.of(Reference.CLEANRL_DQN_STEPS));

    /**
     * PPO with CleanRL {@code ppo.py}'s defaults: 4 envs x 128 steps, 4 epochs of 4 minibatches,
     * learning rate 2.5e-4 annealed linearly to 0 ({@code anneal_lr}), value clipping with the
     * surrogate's 0.2 ({@code clip_vloss}), separate 64x64 tanh actor and critic. Quick: four rollouts.
     */
    public static final TrainVariant PPO_CLEANRL = new TrainVariant("ppo-cleanrl", "ppo",
            "CleanRL ppo.py defaults (4 envs x 128 steps, 4 epochs x 4 minibatches, lr 2.5e-4 linear, ent 0.01, "
                    + "value clipping 0.2)",
            ordered("num_envs", 4, "n_steps", 128, "batch_size", 128, // num_minibatches 4 of the 512-step rollout
                    "n_epochs", 4, "learning_rate", 2.5e-4, "lr_schedule", "linear", "gamma", 0.99, "gae_lambda", 0.95,
                    "clip_range", 0.2, "clip_range_schedule", "constant", "clip_range_vf", 0.2,
                    "normalize_advantage", true, "ent_coef", 0.01,
                    // CleanRL: loss = ... + vf_coef * 0.5 * mean((V - R)^2) with vf_coef 0.5; ours (SB3's
                    // form) has no 0.5 inside, so the same loss needs vf_coef 0.25
                    "vf_coef", 0.25, "max_grad_norm", 0.5, "target_kl", 0.0, "net_arch", List.of(64, 64),
                    "activation", "tanh", "shared_body", false),
            CLEANRL_TOTAL_TIMESTEPS, 2_048, List.of(Reference.CLEANRL_PPO_STEPS, Reference.CLEANRL_PPO_TIME));

    /** Every variant, in table order. */
    public static final List<TrainVariant> ALL = List.of(DQN, PPO, DQN_CLEANRL, PPO_CLEANRL);

    /** The names of {@link #ALL}, in order. */
    public static List<String> names() {
        return ALL.stream().map(TrainVariant::name).toList();
    }

    /**
     * The variant called {@code name}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the valid ones
     */
    public static TrainVariant named(String name) {
        for (TrainVariant v : ALL) {
            if (v.name().equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("no train benchmark variant '" + name + "'; available: " + String.join(", ", names()));
    }

    /** {@link #settings()} without its parenthesized details, e.g. {@code CleanRL ppo.py defaults}. */
    public String shortSettings() {
        int paren = settings.indexOf(" (");
        return paren < 0 ? settings : settings.substring(0, paren);
    }

    /** Step budget without {@code --steps} or {@code --quick}. */
    public long defaultBudget() {
        return defaultSteps != null ? defaultSteps : Presets.of(algo, TrainSuite.ENV_ID).nTimesteps();
    }

    /** The job {@code deeprl4j train --algo ALGO --env CartPole-v1 --seed S --steps N --set ...} describes. */
    public TrainJob job(long seed, long steps) {
        // the output folder is never written: the suite drives the Trainer itself
        return new TrainJob(algo, TrainSuite.ENV_ID, seed, steps, Path.of(System.getProperty("java.io.tmpdir")), overrides,
                Map.of(), 0, 1);
    }

    /** The algorithm's config record these settings resolve to (validated; throws for a bad key or value). */
    public Record resolvedConfig() {
        return TrainRunner.resolveConfig(job(0, 1));
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
