package org.deeprl4j.rl4j;

import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.ArrayObservationSpace;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.deeprl4j.env.Rng;

/**
 * A trivial RL4J MDP for tests: the observation is {@code [+1]} or {@code [-1]} at random; action 1
 * on {@code +1} or action 0 on {@code -1} earns 1, anything else 0. Episodes end (done) after
 * {@link #LENGTH} steps, so the best return is {@code LENGTH} and a random policy earns half.
 */
class SignMdp implements MDP<Box, Integer, DiscreteSpace> {
    static final int LENGTH = 20;
    private final long seed;
    private final Rng rng;
    private final DiscreteSpace actions = new DiscreteSpace(2);
    private double sign;
    private int steps;
    private boolean done;

    SignMdp(long seed) {
        this.seed = seed;
        this.rng = new Rng(seed);
    }

    @Override
    public ObservationSpace<Box> getObservationSpace() {
        return new ArrayObservationSpace<>(new int[] {1});
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actions;
    }

    @Override
    public Box reset() {
        steps = 0;
        done = false;
        sign = rng.nextInt(2) == 0 ? -1 : 1;
        return new Box(sign);
    }

    @Override
    public StepReply<Box> step(Integer action) {
        double reward = (action == 1) == (sign > 0) ? 1 : 0;
        sign = rng.nextInt(2) == 0 ? -1 : 1;
        done = ++steps >= LENGTH;
        return new StepReply<>(new Box(sign), reward, done, null);
    }

    @Override
    public boolean isDone() {
        return done;
    }

    @Override
    public void close() {
    }

    @Override
    public MDP<Box, Integer, DiscreteSpace> newInstance() {
        return new SignMdp(seed + 1);
    }
}
