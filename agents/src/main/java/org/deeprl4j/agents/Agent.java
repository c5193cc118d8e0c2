package org.deeprl4j.agents;

import java.util.Map;

/**
 * A learning agent: the three calls the environment loop ({@link Trainer}) makes on every vector
 * step. Exploration lives in the behaviour policy ({@link #behaviourPolicy()}), evaluation uses
 * {@link #greedyPolicy()}.
 */
public interface Agent {
    /** The policy used while collecting experience (with exploration). */
    Policy behaviourPolicy();

    /** The policy used for evaluation and deployment (no exploration). */
    Policy greedyPolicy();

    /** Records one vector step's transitions. */
    void observe(Transitions transitions, long step);

    /**
     * Called after every {@link #observe}; trains when the agent's schedule says so.
     *
     * @param step global env step count after this vector step
     * @return metrics of this update, namespaced like {@code losses/td_loss}; empty when it did not train
     */
    Map<String, Double> update(long step);
}
