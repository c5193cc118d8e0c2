package org.deeprl4j.env.wrappers;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/**
 * An environment that forwards everything to an inner one with the same observation and action
 * types; subclasses override what they change (Gymnasium's {@code gymnasium.Wrapper}).
 */
public class Wrapper<O, A> implements Env<O, A>, java.io.Serializable {
    protected final Env<O, A> env;

    public Wrapper(Env<O, A> env) {
        if (env == null) {
            throw new IllegalArgumentException("cannot wrap a null environment");
        }
        this.env = env;
    }

    /** The environment directly inside this wrapper. */
    public Env<O, A> inner() {
        return env;
    }

    @Override
    public Space<O> observationSpace() {
        return env.observationSpace();
    }

    @Override
    public Space<A> actionSpace() {
        return env.actionSpace();
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        return env.reset(seed);
    }

    @Override
    public Step<O> step(A action) {
        return env.step(action);
    }

    @Override
    public void close() {
        env.close();
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
