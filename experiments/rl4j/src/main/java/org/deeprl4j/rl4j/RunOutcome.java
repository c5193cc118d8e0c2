package org.deeprl4j.rl4j;

import org.deeprl4j.agents.EvalResult;

/**
 * What one training run of the RL4J comparison measured.
 *
 * @param steps      env steps taken (RL4J finishes its last episode past the budget)
 * @param seconds    wall time of the training loop (network construction and evaluation excluded)
 * @param evaluation greedy returns after training
 */
public record RunOutcome(long steps, double seconds, EvalResult evaluation) {
    /** Env steps per second of training. */
    public double stepsPerSecond() {
        return seconds > 0 ? steps / seconds : Double.NaN;
    }
}
