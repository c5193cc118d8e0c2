package org.deeprl4j.env.wrappers;

import java.util.function.DoubleUnaryOperator;
import org.deeprl4j.env.Env;

/**
 * Applies a function to every reward (Gymnasium's {@code TransformReward}), e.g.
 * {@code new TransformReward<>(env, r -> Math.signum(r))} for reward clipping as in Atari DQN.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public class TransformReward<O, A> extends RewardWrapper<O, A> {
    private final DoubleUnaryOperator function;

    /**
     * @param env the environment to wrap
     * @param function applied to each reward the wrapped environment returns
     */
    public TransformReward(Env<O, A> env, DoubleUnaryOperator function) {
        super(env);
        if (function == null) {
            throw new IllegalArgumentException("TransformReward needs a reward function, got null");
        }
        this.function = function;
    }

    @Override
    protected double reward(double reward) {
        return function.applyAsDouble(reward);
    }
}
