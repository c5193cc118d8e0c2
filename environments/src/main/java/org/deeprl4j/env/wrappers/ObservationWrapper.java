package org.deeprl4j.env.wrappers;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/**
 * A wrapper that transforms every observation, possibly into another type and space
 * (Gymnasium's {@code gymnasium.ObservationWrapper}).
 *
 * <p>{@link #observation(Object)} is applied to the first observation of {@link #reset} and to
 * the observation of every {@link #step}; reward, flags and info pass through unchanged.
 * Subclasses also declare the new {@link #observationSpace()}. {@link #close()} closes the inner
 * environment once, however often it is called.
 *
 * @param <O> observation type seen by the caller
 * @param <A> action type (unchanged)
 * @param <InnerO> observation type of the wrapped environment
 */
public abstract class ObservationWrapper<O, A, InnerO> implements Env<O, A>, java.io.Serializable {
    /** The wrapped environment. */
    protected final Env<InnerO, A> env;
    private boolean closed;

    protected ObservationWrapper(Env<InnerO, A> env) {
        if (env == null) {
            throw new IllegalArgumentException("cannot wrap a null environment");
        }
        this.env = env;
    }

    /** The environment directly inside this wrapper. */
    public Env<InnerO, A> inner() {
        return env;
    }

    /** Maps an observation of the wrapped environment to this wrapper's observation. */
    protected abstract O observation(InnerO observation);

    @Override
    public abstract Space<O> observationSpace();

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        Reset<InnerO> r = env.reset(seed);
        return new Reset<>(observation(r.observation()), r.info());
    }

    @Override
    public Step<O> step(A action) {
        Step<InnerO> s = env.step(action);
        return new Step<>(observation(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            env.close();
        }
    }

    @Override
    public Env<?, ?> unwrapped() {
        return env.unwrapped();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + env + ">";
    }
}
