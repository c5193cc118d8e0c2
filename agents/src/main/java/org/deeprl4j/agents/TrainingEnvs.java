package org.deeprl4j.agents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.vector.AutoresetMode;
import org.deeprl4j.env.vector.SyncVectorEnv;
import org.deeprl4j.env.vector.ThreadedVectorEnv;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.env.wrappers.FlattenObservation;

/**
 * Builds the environments agents train and evaluate on: registered envs, with non-Box observations
 * flattened (Discrete one-hot, Gymnasium's {@code FlattenObservation}), vectorized for the
 * {@link Trainer} (auto-reset in SAME_STEP mode).
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
        if (numEnvs <= 0) {
            throw new IllegalArgumentException("num_envs must be positive, got " + numEnvs);
        }
        make(envId, kwargs).close(); // fail fast on a bad id or kwargs, before any thread starts
        List<Supplier<Env<?, ?>>> factories = new ArrayList<>();
        for (int i = 0; i < numEnvs; i++) {
            factories.add(() -> make(envId, kwargs));
        }
        return threaded ? new ThreadedVectorEnv(factories, AutoresetMode.SAME_STEP, ThreadedVectorEnv.defaultThreads(numEnvs))
                : new SyncVectorEnv(factories, AutoresetMode.SAME_STEP);
    }
}
