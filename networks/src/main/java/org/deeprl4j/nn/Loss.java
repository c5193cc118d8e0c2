package org.deeprl4j.nn;

import org.deeprl4j.nn.loss.MaskedHuberLoss;
import org.deeprl4j.nn.loss.MaskedMseLoss;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Regression loss of a network output, applied per output with the label mask and averaged over
 * the batch (see {@link org.deeprl4j.nn.loss.MaskedElementwiseLoss}).
 */
public enum Loss {
    /** Squared error; CleanRL's DQN ({@code F.mse_loss}). */
    MSE,
    /** Huber with delta 1, i.e. PyTorch {@code smooth_l1_loss}; SB3's DQN. */
    HUBER;

    /** A new DL4J loss function implementing this loss. */
    public ILossFunction lossFunction() {
        return this == MSE ? new MaskedMseLoss() : new MaskedHuberLoss(1.0);
    }
}
