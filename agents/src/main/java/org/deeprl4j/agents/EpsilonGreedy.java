package org.deeprl4j.agents;

import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Discrete;

/**
 * Epsilon-greedy exploration around a greedy policy: each env independently takes a uniformly
 * random action with probability epsilon. When every env explores, the greedy forward pass is
 * skipped (it is the expensive part).
 */
public final class EpsilonGreedy implements Policy {
    private final Policy greedy;
    private final Schedule epsilon;
    private final long totalSteps;
    private final Discrete actions;
    private final Rng rng;
    private boolean[] explore = new boolean[0];
    private double lastEpsilon;

    /**
     * @param greedy the policy to follow when not exploring
     * @param epsilon exploration probability over training progress
     * @param totalSteps steps that make progress 1
     * @param actions the discrete action space to sample from
     * @param rng the exploration generator (a split of the root seed)
     */
    public EpsilonGreedy(Policy greedy, Schedule epsilon, long totalSteps, Discrete actions, Rng rng) {
        this.greedy = greedy;
        this.epsilon = epsilon;
        this.totalSteps = Math.max(1, totalSteps);
        this.actions = actions;
        this.rng = rng;
    }

    @Override
    public void act(float[] observations, int n, long step, float[] actionsOut) {
        if (explore.length != n) {
            explore = new boolean[n];
        }
        lastEpsilon = epsilon.value(Math.min(1.0, (double) step / totalSteps));
        boolean anyGreedy = false;
        for (int i = 0; i < n; i++) {
            explore[i] = rng.nextDouble() < lastEpsilon;
            anyGreedy |= !explore[i];
        }
        if (anyGreedy) {
            greedy.act(observations, n, step, actionsOut);
        }
        for (int i = 0; i < n; i++) {
            if (explore[i]) {
                actionsOut[i] = actions.sample(rng);
            }
        }
    }

    /** Epsilon used by the last {@link #act} call. */
    public double lastEpsilon() {
        return lastEpsilon;
    }
}
