package org.deeprl4j.replay;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of {@code B} transitions sampled from a {@link ReplayBuffer}; every array is FLOAT and
 * freshly allocated for this batch (the caller owns it). The TD target of row {@code i} is
 * {@code rewards[i] + discounts[i] * (1 - dones[i]) * V(nextObservations[i])}.
 *
 * @param observations {@code [B, obsDim]} observations at the start of each window
 * @param actions {@code [B, actDim]} actions taken; a discrete action is one float
 * @param rewards {@code [B, 1]} n-step discounted reward sums {@code sum_{k<K} gamma^k r_{t+k}}
 * @param nextObservations {@code [B, obsDim]} observations at the end of each window
 * @param dones {@code [B, 1]} 1.0 when the window ended in a terminal state (terminated), 0.0
 *     otherwise; a truncated episode is not terminal
 * @param discounts {@code [B, 1]} {@code gamma^K}, {@code K} = number of real steps in the window
 * @param weights {@code [B, 1]} importance-sampling weights; all 1 for uniform replay
 * @param indices buffer slots of the rows, for {@link ReplayBuffer#updatePriorities}
 */
public record ReplayBatch(
        INDArray observations,
        INDArray actions,
        INDArray rewards,
        INDArray nextObservations,
        INDArray dones,
        INDArray discounts,
        INDArray weights,
        int[] indices) {

    /** Number of transitions in this batch. */
    public int batchSize() {
        return indices.length;
    }
}
