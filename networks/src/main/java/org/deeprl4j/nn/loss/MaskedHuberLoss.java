package org.deeprl4j.nn.loss;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Huber loss {@code l(d) = 0.5 d^2} if {@code |d| < delta}, else {@code delta (|d| - 0.5 delta)},
 * summed over masked-in outputs and averaged over the batch (see {@link MaskedElementwiseLoss}).
 * With delta = 1 and a one-hot mask on the taken action it equals PyTorch's
 * {@code F.smooth_l1_loss(q[range(B), a], target)} (beta 1) used by SB3's DQN; its derivative is
 * {@code clip(d, -delta, delta)}.
 */
public final class MaskedHuberLoss extends MaskedElementwiseLoss {
    private static final long serialVersionUID = 1L;

    private final double delta;

    /** Huber loss with delta 1 (PyTorch {@code smooth_l1_loss} with beta 1). */
    public MaskedHuberLoss() {
        this(1.0);
    }

    /**
     * @param delta positive threshold between the quadratic and the linear part
     */
    public MaskedHuberLoss(@JsonProperty("delta") double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber delta must be positive and finite, got " + delta);
        }
        this.delta = delta;
    }

    /** The threshold between the quadratic and the linear part. */
    public double getDelta() {
        return delta;
    }

    @Override
    protected INDArray elementLoss(INDArray diff) {
        INDArray a = Transforms.abs(diff, false); // |d|
        INDArray c = Transforms.min(a, delta, true); // min(|d|, delta)
        // c * (|d| - c/2) = 0.5 d^2 when |d| < delta, delta * (|d| - delta/2) otherwise
        return a.subi(c.mul(0.5)).muli(c);
    }

    @Override
    protected INDArray elementDerivative(INDArray diff) {
        return Transforms.max(Transforms.min(diff, delta, false), -delta, false);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaskedHuberLoss h && Double.compare(delta, h.delta) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(delta);
    }

    @Override
    public String toString() {
        return "MaskedHuberLoss(delta=" + delta + ")";
    }
}
