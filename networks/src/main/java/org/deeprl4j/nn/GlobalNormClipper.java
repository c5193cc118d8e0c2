package org.deeprl4j.nn;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Clips the gradient of a whole {@link ComputationGraph} by its global L2 norm, as
 * {@code torch.nn.utils.clip_grad_norm_}. DL4J's own {@code GradientNormalization} modes work per
 * layer, so this runs as a listener: DL4J calls {@code onGradientCalculation} after back-propagation
 * and before the updater (the order inside {@code BaseOptimizer.gradientAndScore}).
 */
final class GlobalNormClipper extends BaseTrainingListener {
    /** Added to the norm before dividing, as PyTorch does. */
    static final double EPS = 1e-6;

    private final double maxNorm;
    private double lastNorm = Double.NaN;

    GlobalNormClipper(double maxNorm) {
        this.maxNorm = maxNorm;
    }

    @Override
    public void onGradientCalculation(Model model) {
        INDArray grad = ((ComputationGraph) model).getFlattenedGradients(); // [1, numParams] view
        // At this point DL4J's gradient is the sum over the minibatch: the updater divides it by
        // the batch size afterwards. Clipping is linear, so scale the sum by the factor computed
        // from the norm of the mean gradient (the one PyTorch would see).
        double norm = grad.norm2Number().doubleValue() / model.batchSize();
        lastNorm = norm;
        double coef = coefficient(norm);
        if (coef < 1.0) {
            grad.muli(coef);
        }
    }

    /** The factor a gradient of global norm {@code norm} is multiplied by (applied only when below 1). */
    double coefficient(double norm) {
        return maxNorm / (norm + EPS);
    }

    /** Records the norm of a step clipped elsewhere (the plain-Java training path). */
    void record(double norm) {
        lastNorm = norm;
    }

    /** Global norm of the mean gradient of the last step, before clipping. */
    double lastNorm() {
        return lastNorm;
    }
}
