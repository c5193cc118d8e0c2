package org.deeprl4j.agents;

/**
 * Writes a checkpoint when the training loop says one is due: the loop's {@link TrainerState}
 * plus whatever the sink owns (agent state, env state, output files). Called between vector
 * steps, after {@link Agent#update}, on the training thread.
 */
@FunctionalInterface
public interface CheckpointSink {
    void checkpoint(TrainerState state);
}
