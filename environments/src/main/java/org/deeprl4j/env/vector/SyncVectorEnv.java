package org.deeprl4j.env.vector;

import java.util.List;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;

/**
 * A vector environment that steps its sub-environments one after another on the caller's thread
 * (Gymnasium's {@code SyncVectorEnv}). The best choice for cheap environments such as classic
 * control, where handing work to other threads costs more than the steps themselves.
 *
 * <pre>{@code
 * try (VectorEnv env = new SyncVectorEnv(Collections.nCopies(8, () -> Envs.make("CartPole-v1")))) {
 *     float[] obs = env.reset(42);              // [8 * 4], reused
 *     VectorStep step = env.step(actions);      // int[8]
 * }
 * }</pre>
 *
 * <p>See {@link VectorEnv} for the buffer, autoreset and error contracts.
 */
public final class SyncVectorEnv extends AbstractVectorEnv {

    /** A vector environment over one environment per factory, with {@link AutoresetMode#NEXT_STEP}. */
    public SyncVectorEnv(List<? extends Supplier<? extends Env<?, ?>>> factories) {
        this(factories, AutoresetMode.NEXT_STEP);
    }

    /** A vector environment over one environment per factory, with the given autoreset mode. */
    public SyncVectorEnv(List<? extends Supplier<? extends Env<?, ?>>> factories, AutoresetMode autoresetMode) {
        super(factories, autoresetMode);
    }

    @Override
    void runAll() {
        runRange(0, numEnvs());
    }

    @Override
    void stopWorkers() {
        // no threads
    }
}
