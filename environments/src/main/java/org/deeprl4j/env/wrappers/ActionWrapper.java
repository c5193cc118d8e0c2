package org.deeprl4j.env.wrappers;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/**
 * A wrapper that transforms every action before it reaches the wrapped environment, possibly from
 * another type and space (Gymnasium's {@code gymnasium.ActionWrapper}).
 *
 * <p>{@link #step} first checks the action against this wrapper's {@link #actionSpace()}
 * (throwing {@link InvalidActionException} naming that space), then passes
 * {@link #action(Object)} of it to the inner environment. Subclasses declare the new
 * {@link #actionSpace()}. {@link #close()} closes the inner environment once.
 *
 * @param <O> observation type (unchanged)
 * @param <A> action type accepted from the caller
 * @param <InnerA> action type of the wrapped environment
 */
public abstract class ActionWrapper<O, A, InnerA> implements Env<O, A>, java.io.Serializable {
    /** The wrapped environment. */
    protected final Env<O, InnerA> env;
    private boolean closed;

    protected ActionWrapper(Env<O, InnerA> env) {
        if (env == null) {
            throw new IllegalArgumentException("cannot wrap a null environment");
        }
        this.env = env;
    }

    /** The environment directly inside this wrapper. */
    public Env<O, InnerA> inner() {
        return env;
    }

    /** Maps a valid action of this wrapper's space to an action of the wrapped environment. */
    protected abstract InnerA action(A action);

    @Override
    public abstract Space<A> actionSpace();

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        return env.reset(seed);
    }

    @Override
    public Step<O> step(A action) {
        if (!actionSpace().contains(action)) {
            throw new InvalidActionException(action, actionSpace());
        }
        return env.step(action(action));
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
