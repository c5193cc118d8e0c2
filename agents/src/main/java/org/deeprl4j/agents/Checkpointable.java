package org.deeprl4j.agents;

import java.io.IOException;

/**
 * An agent whose complete training state can be written to a checkpoint and read back, so a run
 * continues bit for bit: network parameters and optimizer state, replay or rollout buffer, every
 * random generator, counters. Schedules are functions of the step, so the step restores them.
 */
public interface Checkpointable {
    /** Writes the state into named sections of {@code out}. */
    void saveState(StateBundle out) throws IOException;

    /**
     * Restores a state written by {@link #saveState} into an agent built with the same config and
     * spaces.
     *
     * @throws IOException if a section is missing, truncated or belongs to another configuration
     */
    void loadState(StateBundle in) throws IOException;
}
