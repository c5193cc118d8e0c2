package org.deeprl4j.env.testing;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * Repeat the observation: Stable-Baselines3's {@code IdentityEnv}, a sanity check for discrete
 * agents ({@code stable_baselines3/common/envs/identity_env.py}).
 *
 * <h2>Action space</h2>
 * {@code Discrete(n)}: the agent's guess of the current observation.
 *
 * <h2>Observation space</h2>
 * {@code Discrete(n)}: a value drawn uniformly from the action space; it carries no information
 * about the past, so the optimal policy is to echo it.
 *
 * <h2>Rewards</h2>
 * 1 when the action equals the observation the agent acted on, else 0.
 *
 * <h2>Starting state</h2>
 * A uniform draw from {@code Discrete(n)} using the environment's generator; after every step a new
 * draw becomes the next observation.
 *
 * <h2>Episode end</h2>
 * The episode is <em>truncated</em> ({@code truncated = true, terminated = false}) after
 * {@code ep_length} steps, as in SB3's Gymnasium-era version: the task has no terminal state,
 * the cut is a time limit, so agents should bootstrap from the last observation. (SB3's older
 * gym-0.21 version returned {@code done = True}, which Gymnasium would read as termination.)
 * No TimeLimit wrapper is needed.
 *
 * <h2>Arguments</h2>
 * {@code n} (int, default 2, at least 1): number of values. SB3 defaults to 1, which makes every
 * action optimal; 2 keeps the default task learnable but non-trivial.
 * {@code ep_length} (int, default 100, at least 1): steps per episode.
 *
 * <p>The optimal return is {@link #optimalReturn()} = {@code ep_length}; a uniformly random
 * policy earns {@code ep_length / n} in expectation.
 */
public final class IdentityEnv extends BaseEnv<Integer, Integer> {
    private final Discrete space;
    private final int epLength;
    private int state;
    private int currentStep;

    /** An environment with {@code n = 2} and {@code ep_length = 100}. */
    public IdentityEnv() {
        this(Kwargs.empty("IdentityEnv"));
    }

    /** Reads {@code n} and {@code ep_length}; rejects unknown keywords and out-of-range values. */
    public IdentityEnv(Kwargs kwargs) {
        int n = kwargs.getInt("n", 2);
        this.epLength = kwargs.getInt("ep_length", 100);
        kwargs.checkAllUsed();
        if (n < 1) {
            throw new IllegalArgumentException("IdentityEnv: n must be >= 1, got " + n);
        }
        if (epLength < 1) {
            throw new IllegalArgumentException("IdentityEnv: ep_length must be >= 1, got " + epLength);
        }
        this.space = new Discrete(n);
    }

    @Override
    public Space<Integer> observationSpace() {
        return space;
    }

    @Override
    public Space<Integer> actionSpace() {
        return space;
    }

    /** Steps per episode. */
    public int epLength() {
        return epLength;
    }

    /** The best achievable undiscounted return of an episode: one point per step. */
    public double optimalReturn() {
        return epLength;
    }

    @Override
    protected Reset<Integer> doReset() {
        currentStep = 0;
        state = space.sample(rng);
        return Reset.of(state);
    }

    @Override
    protected Step<Integer> doStep(Integer action) {
        double reward = action == state ? 1.0 : 0.0;
        state = space.sample(rng);
        currentStep++;
        return Step.of(state, reward, false, currentStep >= epLength);
    }
}
