package org.deeprl4j.replay;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A minibatch of {@code B} transitions from a {@link RolloutBuffer} (SB3's
 * {@code RolloutBufferSamples}); every array is FLOAT and freshly allocated for this batch (the
 * caller owns it). Advantages are raw: normalizing them per minibatch is the algorithm's choice
 * ({@link Advantages#normalize}).
 *
 * @param observations {@code [B, obsDim]} observations the actions were taken in
 * @param actions {@code [B, actDim]} actions taken; a discrete action is one float
 * @param oldValues {@code [B, 1]} value estimates recorded during the rollout
 * @param oldLogProbs {@code [B, 1]} log-probabilities of the actions under the rollout policy
 * @param advantages {@code [B, 1]} GAE(lambda) advantages
 * @param returns {@code [B, 1]} TD(lambda) returns, {@code advantages + oldValues}
 * @param indices flat rollout indices of the rows, {@code step * numEnvs + env}
 */
public record RolloutBatch(
        INDArray observations,
        INDArray actions,
        INDArray oldValues,
        INDArray oldLogProbs,
        INDArray advantages,
        INDArray returns,
        int[] indices) {

    /** Number of transitions in this batch. */
    public int batchSize() {
        return indices.length;
    }
}
