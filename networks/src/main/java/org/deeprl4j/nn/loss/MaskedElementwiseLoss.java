package org.deeprl4j.nn.loss;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Base of losses that sum an elementwise function of {@code d = output - label} over outputs,
 * weighted by a per-output mask: for example i,
 * {@code score_i = sum_j m_ij * l(output_ij - label_ij)}, and the minibatch score is the mean of
 * score_i over the batch (DL4J divides by the batch size). The gradient is exactly the derivative
 * of that score: {@code m_ij * l'(d_ij)}, back-propagated through the output activation.
 *
 * <p>The mask is {@code [batch, nOut]} (per output, e.g. 1 on the taken action and 0 elsewhere,
 * or an importance-sampling weight instead of 1), {@code [batch, 1]} (per example) or absent (all
 * ones). Masked-out labels must still be finite (0 * NaN is NaN). Unlike DL4J's {@code LossL2}
 * and {@code LossMSE}, which multiply the gradient by the mask twice (harmless for 0/1 masks,
 * wrong for weights) and whose MSE divides by nOut, these losses apply the mask once.
 */
public abstract class MaskedElementwiseLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    /** Elementwise loss l(d); may overwrite and return {@code diff}. */
    protected abstract INDArray elementLoss(INDArray diff);

    /** Elementwise derivative l'(d); may overwrite and return {@code diff}. */
    protected abstract INDArray elementDerivative(INDArray diff);

    private static INDArray diff(INDArray labels, INDArray preOutput, IActivation activationFn) {
        if (!labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("labels shape " + Arrays.toString(labels.shape())
                    + " does not match output shape " + Arrays.toString(preOutput.shape()));
        }
        INDArray output = activationFn.getActivation(preOutput.dup(), true);
        return output.subi(labels.castTo(output.dataType())); // [batch, nOut]
    }

    private static void applyMask(INDArray values, INDArray mask) {
        if (mask == null) {
            return;
        }
        INDArray m = mask.castTo(values.dataType());
        if (m.equalShapes(values)) {
            values.muli(m);
        } else if (m.rank() == 2 && m.size(0) == values.size(0) && m.size(1) == 1) {
            values.muliColumnVector(m);
        } else {
            throw new IllegalArgumentException("mask shape " + Arrays.toString(mask.shape()) + " must be [batch, nOut] "
                    + Arrays.toString(values.shape()) + " or [batch, 1]");
        }
    }

    private INDArray maskedLoss(INDArray diff, INDArray mask) {
        INDArray l = elementLoss(diff);
        applyMask(l, mask);
        return l; // [batch, nOut]
    }

    private INDArray maskedGradient(INDArray diff, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray dLda = elementDerivative(diff);
        applyMask(dLda, mask);
        return activationFn.backprop(preOutput.dup(), dLda).getFirst(); // [batch, nOut]
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray l = maskedLoss(diff(labels, preOutput, activationFn), mask);
        double score = l.sumNumber().doubleValue();
        return average ? score / l.size(0) : score;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return maskedLoss(diff(labels, preOutput, activationFn), mask).sum(true, 1); // [batch, 1]
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return maskedGradient(diff(labels, preOutput, activationFn), preOutput, activationFn, mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
                                                          IActivation activationFn, INDArray mask, boolean average) {
        INDArray d = diff(labels, preOutput, activationFn);
        INDArray grad = maskedGradient(d.dup(), preOutput, activationFn, mask);
        INDArray l = maskedLoss(d, mask);
        double score = l.sumNumber().doubleValue();
        return new Pair<>(average ? score / l.size(0) : score, grad);
    }

    @Override
    public String name() {
        return toString();
    }
}
