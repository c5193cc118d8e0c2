package org.deeprl4j.agents;

/**
 * Maps a batch of observations to actions. Observations arrive flattened
 * ({@code [n * obsDim]} row-major); actions are written flattened ({@code [n * actDim]}, one float
 * per env for discrete actions).
 */
@FunctionalInterface
public interface Policy {
    /**
     * @param observations {@code [n * obsDim]}
     * @param n number of observations in the batch
     * @param step global env step (for schedules such as epsilon)
     * @param actionsOut receives {@code [n * actDim]} actions
     */
    void act(float[] observations, int n, long step, float[] actionsOut);
}
