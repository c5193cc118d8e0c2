package org.deeprl4j.nn;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.layers.LossLayer;
import org.deeprl4j.nn.loss.MaskedHuberLoss;
import org.deeprl4j.nn.loss.MaskedMseLoss;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The masked losses of {@link org.deeprl4j.nn.loss} in plain Java, for {@code Network.fit} on the
 * plain-Java training path: {@code score = sum_ij m_ij l(y_ij - label_ij) / B} and its gradient
 * with respect to the output y, {@code m_ij l'(y_ij - label_ij) / B} (DL4J divides its summed
 * gradient by the batch size B in the updater; here the mean is taken first). MSE:
 * {@code l = d^2}; Huber: {@code 0.5 d^2} within delta, {@code delta (|d| - delta / 2)} outside.
 */
final class FastFitLoss {
    private final double huberDelta; // 0 = MSE

    private FastFitLoss(double huberDelta) {
        this.huberDelta = huberDelta;
    }

    /** The loss of a graph whose single output is a {@code LossLayer} with a masked MSE or Huber loss. */
    static Optional<FastFitLoss> of(ComputationGraph graph) {
        if (graph.getNumOutputArrays() != 1) {
            return Optional.empty();
        }
        GraphVertex v = graph.getVertex(graph.getConfiguration().getNetworkOutputs().get(0));
        if (!v.hasLayer() || v.getLayer().getClass() != LossLayer.class) {
            return Optional.empty();
        }
        ILossFunction fn = ((org.deeplearning4j.nn.conf.layers.LossLayer) v.getLayer().conf().getLayer()).getLossFn();
        if (fn instanceof MaskedMseLoss) {
            return Optional.of(new FastFitLoss(0));
        }
        if (fn instanceof MaskedHuberLoss h) {
            return Optional.of(new FastFitLoss(h.getDelta()));
        }
        return Optional.empty();
    }

    /**
     * Writes {@code dL/dy} into {@code grad} and returns the score.
     *
     * @param y      outputs {@code [n, w]} row-major
     * @param labels {@code [n * w]}
     * @param mask   {@code [n * w]}, {@code [n]} (per row) or null (all ones)
     */
    double gradient(float[] y, float[] labels, float[] mask, int n, int w, float[] grad) {
        if (mask != null && mask.length != n * w && mask.length != n) {
            throw new IllegalArgumentException("label mask must be [" + n + ", " + w + "] or [" + n + ", 1], got "
                    + mask.length + " values");
        }
        double score = 0;
        float invN = 1f / n;
        float delta = (float) huberDelta;
        for (int e = 0; e < n * w; e++) {
            float m = mask == null ? 1f : mask.length == n ? mask[e / w] : mask[e];
            float d = y[e] - labels[e];
            double l;
            float dl;
            if (huberDelta == 0) {
                l = (double) d * d;
                dl = 2f * d;
            } else {
                float a = Math.abs(d);
                float c = Math.min(a, delta);
                l = (double) c * (a - 0.5 * c); // 0.5 d^2 within delta, delta (|d| - delta / 2) outside
                dl = Math.max(-delta, Math.min(delta, d));
            }
            score += m * l;
            grad[e] = m * dl * invN;
        }
        return score / n;
    }

    @Override
    public String toString() {
        return huberDelta == 0 ? "MSE" : "Huber(" + huberDelta + ")";
    }
}
