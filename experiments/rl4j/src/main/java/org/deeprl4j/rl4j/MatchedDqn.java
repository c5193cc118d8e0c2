package org.deeprl4j.rl4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeplearning4j.rl4j.learning.configuration.QLearningConfiguration;
import org.deeplearning4j.rl4j.network.configuration.DQNDenseNetworkConfiguration;
import org.deeprl4j.agents.dqn.DqnConfig;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;
import org.nd4j.linalg.learning.config.Adam;

/**
 * DQN hyperparameters that both deeprl4j's {@code DqnAgent} and RL4J's
 * {@code QLearningDiscreteDense} can express, starting from deeprl4j's zoo preset for the env
 * ({@code configs/dqn.yml}). Where RL4J 1.0.0-M1.1 cannot express a zoo setting, deeprl4j is moved
 * to the nearest setting RL4J has, so both train the same way; {@link #mismatches()} lists the
 * changes and what still differs.
 *
 * <p>RL4J's semantics, read from its source: it does one gradient step per env step as soon as its
 * replay holds one batch (no {@code learning_starts}, no {@code train_freq}), syncs the target net
 * every {@code targetDqnUpdateFreq} gradient steps, anneals epsilon as
 * {@code max(minEpsilon, 1 - (step - updateStart) / epsilonNbStep)}, and trains an MSE loss
 * (divided by the number of actions) on targets clamped to {@code Q(s,a) +- errorClamp}.
 *
 * @param envId           the env both train on
 * @param zoo             deeprl4j's preset for the env
 * @param config          the matched deeprl4j config
 * @param steps           env steps per training run
 * @param maxEpisodeSteps the env's time limit, RL4J's {@code maxEpochStep}
 */
public record MatchedDqn(String envId, DqnConfig zoo, DqnConfig config, long steps, int maxEpisodeSteps) {
    public MatchedDqn {
        Objects.requireNonNull(envId, "envId");
        Objects.requireNonNull(zoo, "zoo");
        Objects.requireNonNull(config, "config");
        if (steps <= 0 || steps > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("steps must be in [1, " + Integer.MAX_VALUE + "] (RL4J counts in int), got "
                    + steps);
        }
        if (maxEpisodeSteps <= 0) {
            throw new IllegalArgumentException("maxEpisodeSteps must be positive, got " + maxEpisodeSteps);
        }
    }

    /**
     * The matched settings for {@code envId}, which must have a time limit (RL4J's
     * {@code maxEpochStep} replaces it).
     */
    public static MatchedDqn forEnv(String envId, long steps) {
        EnvSpec spec = Envs.spec(envId);
        if (spec.maxEpisodeSteps() == null) {
            throw new IllegalArgumentException(envId + " has no time limit; the RL4J comparison needs one for maxEpochStep");
        }
        DqnConfig zoo = (DqnConfig) TrainRunner.resolveConfig(job(envId, steps, Map.of()));
        return new MatchedDqn(envId, zoo, (DqnConfig) TrainRunner.resolveConfig(job(envId, steps, overrides(zoo))),
                steps, spec.maxEpisodeSteps());
    }

    private static TrainJob job(String envId, long steps, Map<String, Object> overrides) {
        return new TrainJob("dqn", envId, 0, steps, Path.of("."), overrides, Map.of(), 0, 1);
    }

    /** The zoo settings RL4J cannot express, replaced by the nearest ones it can. */
    private static Map<String, Object> overrides(DqnConfig zoo) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("train_freq", 1);                       // RL4J: one gradient step per env step
        o.put("gradient_steps", 1);
        o.put("learning_starts", zoo.batchSize());    // RL4J: trains once its replay holds one batch
        o.put("target_update_interval", gradientStepsPerTargetSync(zoo)); // = env steps once train_freq is 1
        o.put("max_grad_norm", 0.0);                  // RL4J: no gradient clipping
        o.put("loss", "huber");                       // RL4J: MSE on clamped targets, see rl4jLearning()
        o.put("optimizer", "adam");                   // DQNFactoryStdDense's default updater
        o.put("optimizer_eps", 1e-8);                 // ND4J Adam's default epsilon
        o.put("activation", "relu");                  // DQNFactoryStdDense's hidden activation
        o.put("weight_init", "xavier");               // DQNFactoryStdDense's WeightInit.XAVIER, every layer
        o.put("tau", 1.0);                            // RL4J: hard target copies
        o.put("exploration_initial_eps", 1.0);        // RL4J's epsilon starts at 1
        o.put("double_dqn", false);
        o.put("dueling", false);
        o.put("prioritized", false);
        o.put("n_step", 1);
        o.put("num_envs", 1);
        // DQNFactoryStdDense has layers of one width: keep the zoo's depth at its first width
        o.put("net_arch", Collections.nCopies(zoo.netArch().size(), zoo.netArch().get(0)));
        return o;
    }

    /**
     * Gradient steps between two target syncs under the zoo's schedule. SB3 counts
     * {@code target_update_interval} in env steps, but gradient steps come in rounds of
     * {@code gradient_steps} every {@code train_freq} env steps, so the target changes once per
     * {@code max(1, target_update_interval / train_freq)} rounds: for CartPole (10, 256, 128) once
     * per 128 gradient steps. With one gradient step per env step, keeping this number (not the
     * literal 10) keeps the zoo's ratio of updates to target syncs, which is what stability depends on.
     */
    static int gradientStepsPerTargetSync(DqnConfig zoo) {
        double rounds = Math.max(1.0, (double) zoo.targetUpdateInterval() / zoo.trainFreq());
        return (int) Math.max(1, Math.round(zoo.resolvedGradientSteps() * rounds));
    }

    /**
     * RL4J's epsilon steps: it reaches {@code minEpsilon} at {@code (1 - minEpsilon) * epsilonNbStep}
     * steps, so this puts that point where deeprl4j's schedule reaches its final epsilon
     * ({@code exploration_fraction * steps}): both follow the same line.
     */
    public int rl4jEpsilonSteps() {
        double end = config.explorationFraction() * steps;
        return (int) Math.max(1, Math.round(end / (1 - config.explorationFinalEps())));
    }

    /** RL4J's learning configuration for one run. */
    public QLearningConfiguration rl4jLearning(long seed) {
        return QLearningConfiguration.builder()
                .seed(seed)
                .maxEpochStep(maxEpisodeSteps)   // RL4J bootstraps through episodes cut here, like TimeLimit truncation
                .maxStep((int) steps)            // RL4J stops at the first episode end at or after this
                .gamma(config.gamma())
                .rewardFactor(1.0)
                .expRepMaxSize(config.bufferSize())
                .batchSize(config.batchSize())
                .targetDqnUpdateFreq(config.targetUpdateInterval()) // in gradient steps = env steps after warm-up
                .updateStart(0)                  // in M1.1 this only delays epsilon annealing; ours anneals from step 0
                // MSE / nActions with targets clamped to Q +- 1: for 2 actions the gradient equals Huber(1)'s
                .errorClamp(1.0)
                .minEpsilon(config.explorationFinalEps())
                .epsilonNbStep(rl4jEpsilonSteps())
                .doubleDQN(config.doubleDqn())
                .build();
    }

    /** RL4J's network: {@code net_arch.size()} ReLU layers of {@code net_arch[0]} units, Adam. */
    public DQNDenseNetworkConfiguration rl4jNetwork() {
        return DQNDenseNetworkConfiguration.builder()
                .numLayers(config.netArch().size())
                .numHiddenNodes(config.netArch().get(0))
                .updater(new Adam(config.learningRate()))
                .l2(0)
                .listeners(List.of()) // no ScoreIterationListener logging every few iterations
                .build();
    }

    /** The settings both use, and every difference from the zoo preset or between the libraries. */
    public List<String> mismatches() {
        List<String> m = new ArrayList<>();
        if (zoo.trainFreq() != 1 || zoo.resolvedGradientSteps() != 1) {
            m.add("train_freq " + zoo.trainFreq() + " / gradient_steps " + zoo.gradientSteps()
                    + " (zoo) -> 1 / 1 for both: RL4J trains once per env step");
        }
        if (zoo.learningStarts() != config.learningStarts()) {
            m.add("learning_starts " + zoo.learningStarts() + " (zoo) -> " + config.learningStarts()
                    + " for both: RL4J trains as soon as its replay holds one batch");
        }
        if (zoo.targetUpdateInterval() != config.targetUpdateInterval()) {
            m.add("target_update_interval " + zoo.targetUpdateInterval() + " env steps (zoo; with train_freq "
                    + zoo.trainFreq() + " that is one sync per " + config.targetUpdateInterval()
                    + " gradient steps) -> " + config.targetUpdateInterval() + " for both");
        }
        if (zoo.maxGradNorm() != 0) {
            m.add("max_grad_norm " + zoo.maxGradNorm() + " -> off for both: RL4J has no gradient clipping");
        }
        if (!zoo.netArch().equals(config.netArch())) {
            m.add("net_arch " + zoo.netArch() + " -> " + config.netArch() + ": RL4J layers have one width");
        }
        if (!zoo.loss().equals(config.loss())) {
            m.add("loss " + zoo.loss() + " -> huber (RL4J's clamped MSE)");
        }
        m.add("loss: deeprl4j Huber(1); RL4J MSE/nActions on targets clamped to Q +- 1 (errorClamp 1), "
                + "the same gradient for 2 actions");
        m.add("epsilon 1 -> " + config.explorationFinalEps() + " over " + config.explorationFraction()
                + " of training; RL4J "
                + "epsilonNbStep " + rl4jEpsilonSteps() + " puts its end at the same step");
        m.add("target net: deeprl4j copies every " + config.targetUpdateInterval() + " env steps, RL4J every "
                + config.targetUpdateInterval() + " gradient steps (one per env step after warm-up)");
        m.add("weight init: Xavier for both (zoo: PyTorch's uniform); deeprl4j seeded per repetition, RL4J with its "
                + "fixed seed 12345 (the same initial net every repetition)");
        m.add("time limit " + maxEpisodeSteps
                + ": deeprl4j TimeLimit truncation, RL4J maxEpochStep; both bootstrap through it");
        m.add("RL4J stops only at an episode end, so it runs up to " + (maxEpisodeSteps - 1)
                + " steps past the budget (throughput counts its real steps)");
        return m;
    }
}
