package org.deeprl4j.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.FrozenNormalizeObservation;
import org.deeprl4j.env.vector.NormalizeSettings;
import org.deeprl4j.env.vector.SyncVectorEnv;
import org.deeprl4j.env.vector.ThreadedVectorEnv;
import org.deeprl4j.env.vector.VecNormalize;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.wrappers.FlattenObservation;

/**
 * Builds the environments agents train and evaluate on: registered envs, with non-Box observations
 * flattened (Discrete one-hot, Gymnasium's {@code FlattenObservation}), vectorized for the
 * {@link Trainer} (auto-reset in SAME_STEP mode), optionally behind a {@link VecNormalize}
 * (rl-baselines3-zoo's {@code normalize}); evaluation envs of a normalized training env apply its
 * observation statistics, frozen.
 */
public final class TrainingEnvs {
    private TrainingEnvs() {
    }

    /** One env as agents see it. */
    public static Env<?, ?> make(String envId, Map<String, ?> kwargs) {
        Env<?, ?> env = Envs.make(envId, kwargs);
        return env.observationSpace() instanceof Box<?> ? env : new FlattenObservation<>(env);
    }

    /** {@code numEnvs} copies in a vector env; threaded when asked (worth it only for slow envs). */
    public static VectorEnv vector(String envId, Map<String, ?> kwargs, int numEnvs, boolean threaded) {
        return vector(envId, kwargs, numEnvs, threaded, null);
    }

    /**
     * Like {@link #vector(String, Map, int, boolean)}, wrapped in a {@link VecNormalize} with
     * {@code normalize} unless it is null. Episode statistics (monitor, episode records) stay raw.
     */
    public static VectorEnv vector(String envId, Map<String, ?> kwargs, int numEnvs, boolean threaded,
                                   NormalizeSettings normalize) {
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("num_envs must be positive, got " + numEnvs);
        }
        make(envId, kwargs).close(); // fail fast on a bad id or kwargs, before any thread starts
        List<Supplier<Env<?, ?>>> factories = new ArrayList<>();
        for (int i = 0; i < numEnvs; i++) {
            factories.add(() -> make(envId, kwargs));
        }
        VectorEnv env = threaded
                ? new ThreadedVectorEnv(factories, AutoresetMode.SAME_STEP, ThreadedVectorEnv.defaultThreads(numEnvs))
                : new SyncVectorEnv(factories, AutoresetMode.SAME_STEP);
        if (normalize == null) {
            return env;
        }
        try {
            return new VecNormalize(env, normalize);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /** The {@link VecNormalize} a training env is (none for a plain vector env). */
    public static Optional<VecNormalize> normalizer(VectorEnv env) {
        return env instanceof VecNormalize v ? Optional.of(v) : Optional.empty();
    }

    /**
     * An evaluation env for agents trained on {@code trainingEnv}: {@link #make}, and when the
     * training env normalizes observations, a {@link FrozenNormalizeObservation} that applies its
     * current statistics without updating them (SB3's {@code sync_envs_normalization}). Rewards
     * stay raw.
     */
    public static Env<?, ?> evalEnv(String envId, Map<String, ?> kwargs, VectorEnv trainingEnv) {
        Env<?, ?> env = make(envId, kwargs);
        Optional<VecNormalize> norm = normalizer(trainingEnv).filter(v -> v.settings().normObs());
        return norm.isPresent() ? frozen(env, norm.get()) : env;
    }

    private static <O, A> Env<O, A> frozen(Env<O, A> env, VecNormalize source) {
        try {
            return new FrozenNormalizeObservation<>(env, source);
        } catch (RuntimeException e) {
            env.close();
            throw e;
        }
    }
}
