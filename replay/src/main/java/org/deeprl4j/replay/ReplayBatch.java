package org.deeprl4j.replay;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of {@code B} transitions sampled from a {@link ReplayBuffer}. The TD target of row
 * {@code i} is {@code rewards[i] + discounts[i] * (1 - dones[i]) * V(nextObservations[i])}.
 *
 * <p>Every field is held as a row-major float array freshly allocated for this batch (the caller
 * owns it; the {@code ...Data()} accessors return it without copying). The INDArray accessors make
 * a FLOAT INDArray of that data on first use (a copy, kept for later calls): learners that compute
 * on Java arrays (DQN on the plain-Java training path) never pay ND4J's per-array cost, which is
 * several microseconds per array.
 */
public final class ReplayBatch {
    private final int obsDim;
    private final int actDim;
    private final float[] observations;     // [B * obsDim]
    private final float[] actions;          // [B * actDim]
    private final float[] rewards;          // [B]
    private final float[] nextObservations; // [B * obsDim]
    private final float[] dones;            // [B]
    private final float[] discounts;        // [B]
    private final float[] weights;          // [B]
    private final int[] indices;
    private final INDArray[] views = new INDArray[7];

    /**
     * @param observations {@code [B, obsDim]} observations at the start of each window
     * @param actions {@code [B, actDim]} actions taken; a discrete action is one float
     * @param rewards {@code [B]} n-step discounted reward sums {@code sum_{k<K} gamma^k r_{t+k}}
     * @param nextObservations {@code [B, obsDim]} observations at the end of each window
     * @param dones {@code [B]} 1.0 when the window ended in a terminal state (terminated), 0.0
     *     otherwise; a truncated episode is not terminal
     * @param discounts {@code [B]} {@code gamma^K}, {@code K} = number of real steps in the window
     * @param weights {@code [B]} importance-sampling weights; all 1 for uniform replay
     * @param indices buffer slots of the rows, for {@link ReplayBuffer#updatePriorities}
     */
    ReplayBatch(int obsDim, int actDim, float[] observations, float[] actions, float[] rewards,
                float[] nextObservations, float[] dones, float[] discounts, float[] weights, int[] indices) {
        int b = indices.length;
        if (observations.length != b * obsDim || nextObservations.length != b * obsDim
                || actions.length != b * actDim || rewards.length != b || dones.length != b
                || discounts.length != b || weights.length != b) {
            throw new IllegalArgumentException("batch arrays do not match " + b + " rows of obsDim "
                    + obsDim + " and actDim " + actDim);
        }
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.observations = observations;
        this.actions = actions;
        this.rewards = rewards;
        this.nextObservations = nextObservations;
        this.dones = dones;
        this.discounts = discounts;
        this.weights = weights;
        this.indices = indices;
    }

    /** Number of transitions in this batch. */
    public int batchSize() {
        return indices.length;
    }

    /** Buffer slots of the rows, for {@link ReplayBuffer#updatePriorities}. */
    public int[] indices() {
        return indices;
    }

    /** {@code [B, obsDim]} observations at the start of each window. */
    public INDArray observations() {
        return view(0, observations, obsDim);
    }

    /** {@code [B, actDim]} actions taken; a discrete action is one float. */
    public INDArray actions() {
        return view(1, actions, actDim);
    }

    /** {@code [B, 1]} n-step discounted reward sums. */
    public INDArray rewards() {
        return view(2, rewards, 1);
    }

    /** {@code [B, obsDim]} observations at the end of each window. */
    public INDArray nextObservations() {
        return view(3, nextObservations, obsDim);
    }

    /** {@code [B, 1]} 1.0 for a window that ended in a terminal state, else 0.0. */
    public INDArray dones() {
        return view(4, dones, 1);
    }

    /** {@code [B, 1]} {@code gamma^K}, K = real steps in the window. */
    public INDArray discounts() {
        return view(5, discounts, 1);
    }

    /** {@code [B, 1]} importance-sampling weights; all 1 for uniform replay. */
    public INDArray weights() {
        return view(6, weights, 1);
    }

    /** {@link #observations()} as its row-major {@code [B * obsDim]} array (not a copy). */
    public float[] observationsData() {
        return observations;
    }

    /** {@link #actions()} as its row-major {@code [B * actDim]} array (not a copy). */
    public float[] actionsData() {
        return actions;
    }

    /** {@link #rewards()} as its {@code [B]} array (not a copy). */
    public float[] rewardsData() {
        return rewards;
    }

    /** {@link #nextObservations()} as its row-major {@code [B * obsDim]} array (not a copy). */
    public float[] nextObservationsData() {
        return nextObservations;
    }

    /** {@link #dones()} as its {@code [B]} array (not a copy). */
    public float[] donesData() {
        return dones;
    }

    /** {@link #discounts()} as its {@code [B]} array (not a copy). */
    public float[] discountsData() {
        return discounts;
    }

    /** {@link #weights()} as its {@code [B]} array (not a copy). */
    public float[] weightsData() {
        return weights;
    }

    private INDArray view(int k, float[] data, int cols) {
        if (views[k] == null) {
            views[k] = Nd4j.create(data, new long[] {indices.length, cols}, DataType.FLOAT); // [B, cols], a copy
        }
        return views[k];
    }
}
