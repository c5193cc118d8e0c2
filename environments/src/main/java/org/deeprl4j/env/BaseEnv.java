package org.deeprl4j.env;

import java.util.OptionalLong;

/**
 * Base class for environments: owns the random generator, enforces call order and checks
 * actions against the action space, so subclasses implement only the dynamics in
 * {@link #doReset()} and {@link #doStep(Object)}.
 */
public abstract class BaseEnv<O, A> implements Env<O, A>, java.io.Serializable {
    /** The environment's own generator; seeded only through {@link #reset(long)}. */
    protected Rng rng;
    private final EpisodeGuard guard = new EpisodeGuard(getClass().getSimpleName());

    @Override
    public final Reset<O> reset(OptionalLong seed) {
        guard.beforeReset();
        if (seed.isPresent()) {
            if (rng == null) {
                rng = new Rng(seed.getAsLong());
            } else {
                rng.reseed(seed.getAsLong());
            }
        } else if (rng == null) {
            rng = Rng.fromEntropy();
        }
        Reset<O> r = doReset();
        guard.afterReset();
        return r;
    }

    @Override
    public final Step<O> step(A action) {
        guard.beforeStep();
        if (!actionSpace().contains(action)) {
            throw new InvalidActionException(action, actionSpace());
        }
        Step<O> s = doStep(action);
        guard.afterStep(s.terminated(), s.truncated());
        return s;
    }

    @Override
    public final void close() {
        if (guard.close()) {
            onClose();
        }
    }

    /** Starts an episode using {@link #rng}. */
    protected abstract Reset<O> doReset();

    /** Applies a valid action. */
    protected abstract Step<O> doStep(A action);

    /** Releases resources; called once. */
    protected void onClose() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(obs=" + observationSpace() + ", action=" + actionSpace() + ")";
    }
}
