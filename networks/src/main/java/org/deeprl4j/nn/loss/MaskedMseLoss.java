package org.deeprl4j.nn.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Squared error {@code l(d) = d^2} summed over masked-in outputs and averaged over the batch (see
 * {@link MaskedElementwiseLoss}). With a one-hot mask on the taken action this equals PyTorch's
 * {@code F.mse_loss(q[range(B), a], target)} as in CleanRL's {@code dqn.py}; with a single output
 * it is plain {@code F.mse_loss}.
 */
public final class MaskedMseLoss extends MaskedElementwiseLoss {
    private static final long serialVersionUID = 1L;

    @Override
    protected INDArray elementLoss(INDArray diff) {
        return diff.muli(diff);
    }

    @Override
    protected INDArray elementDerivative(INDArray diff) {
        return diff.muli(2.0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskedMseLoss;
    }

    @Override
    public int hashCode() {
        return MaskedMseLoss.class.hashCode();
    }

    @Override
    public String toString() {
        return "MaskedMseLoss()";
    }
}
