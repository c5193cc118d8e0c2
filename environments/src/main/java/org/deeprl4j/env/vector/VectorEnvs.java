package org.deeprl4j.env.vector;

import java.util.Collections;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;

/**
 * Creates vector environments from registered ids (Gymnasium's {@code gymnasium.make_vec}).
 *
 * <pre>{@code
 * VectorEnv env = VectorEnvs.make("CartPole-v1", 8, false);   // SyncVectorEnv, NEXT_STEP
 * }</pre>
 */
public final class VectorEnvs {
    private VectorEnvs() {
    }

    /**
     * {@code numEnvs} copies of {@link Envs#make(String) Envs.make(envId)} (time limit applied),
     * in a {@link ThreadedVectorEnv} with default threads when {@code threaded}, else a
     * {@link SyncVectorEnv}; autoreset {@link AutoresetMode#NEXT_STEP}.
     */
    public static VectorEnv make(String envId, int numEnvs, boolean threaded) {
        return make(envId, Map.of(), numEnvs, threaded, AutoresetMode.NEXT_STEP);
    }

    /** Like {@link #make(String, int, boolean)} with keyword arguments and an autoreset mode. */
    public static VectorEnv make(String envId, Map<String, ?> kwargs, int numEnvs, boolean threaded,
                                 AutoresetMode autoresetMode) {
        if (numEnvs < 1) {
            throw new IllegalArgumentException("numEnvs must be positive, got " + numEnvs);
        }
        Map<String, ?> kw = kwargs == null ? Map.of() : Map.copyOf(kwargs);
        Supplier<Env<?, ?>> factory = () -> Envs.make(envId, kw);
        var factories = Collections.nCopies(numEnvs, factory);
        return threaded
                ? new ThreadedVectorEnv(factories, autoresetMode, ThreadedVectorEnv.defaultThreads(numEnvs))
                : new SyncVectorEnv(factories, autoresetMode);
    }
}
