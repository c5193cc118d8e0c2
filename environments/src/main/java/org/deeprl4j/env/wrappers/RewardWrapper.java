package org.deeprl4j.env.wrappers;

import org.deeprl4j.env.Env;
import org.deeprl4j.env.Step;

/**
 * A wrapper that transforms every reward returned by {@link #step} (Gymnasium's
 * {@code gymnasium.RewardWrapper}); observations, flags and info pass through unchanged.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public abstract class RewardWrapper<O, A> extends Wrapper<O, A> {

    protected RewardWrapper(Env<O, A> env) {
        super(env);
    }

    /** Maps the wrapped environment's reward to this wrapper's reward. */
    protected abstract double reward(double reward);

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        return new Step<>(s.observation(), reward(s.reward()), s.terminated(), s.truncated(), s.info());
    }
}
