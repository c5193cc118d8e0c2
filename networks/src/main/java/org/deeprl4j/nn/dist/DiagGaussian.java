package org.deeprl4j.nn.dist;

import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of diagonal Gaussians over {@code d}-dimensional actions with means {@code mu [batch, d]}
 * and log standard deviations {@code s [batch, d]} ({@code sigma = exp(s)}), as
 * {@code torch.distributions.Normal(mu, sigma)} with log-probs and entropies summed over the last
 * dimension (CleanRL's continuous PPO, SB3's {@code DiagGaussianDistribution}). Unbounded: clip or
 * rescale sampled actions to the action space with a wrapper, and compute log-probs of the unclipped
 * samples. Actions are row-major {@code double[batch * d]}. Double precision, immutable.
 *
 * <p>Gradient convention of {@link #backward}: as {@link Categorical#backward}, with outputs
 * {@code dL/dmu} and {@code dL/ds}, each {@code [batch, d]}. For a state-independent log-std (one
 * vector broadcast over the batch) the network sums {@code dL/ds} over the rows.
 */
public final class DiagGaussian {
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int batch;
    private final int d;
    private final double[] mu; // [batch * d]
    private final double[] logStd; // [batch * d]
    private final DataType dataType;

    /**
     * @param mean   {@code [batch, d]}, finite
     * @param logStd {@code [batch, d]}, finite
     */
    public DiagGaussian(INDArray mean, INDArray logStd) {
        this(Rows.toDoubles(mean, "mean", -1, -1), Rows.toDoubles(logStd, "logStd", mean.size(0), mean.size(1)),
                (int) mean.size(0), (int) mean.size(1), mean.dataType());
    }

    private DiagGaussian(double[] mu, double[] logStd, int batch, int d, DataType dataType) {
        this.mu = mu;
        this.logStd = logStd;
        this.batch = batch;
        this.d = d;
        this.dataType = dataType;
    }

    /**
     * The same distributions from row-major float buffers, e.g. outputs of
     * {@link org.deeprl4j.nn.fast.FastNet}: equal to {@code new DiagGaussian(mean, logStd)} on
     * {@code [batch, d]} FLOAT arrays of these values.
     *
     * @param mean   at least {@code batch * d} values, finite
     * @param logStd at least {@code batch * d} values, finite
     */
    public static DiagGaussian of(float[] mean, float[] logStd, int batch, int d) {
        return new DiagGaussian(Rows.toDoubles(mean, "mean", batch, d), Rows.toDoubles(logStd, "logStd", batch, d),
                batch, d, DataType.FLOAT);
    }

    /** Number of rows. */
    public int batchSize() {
        return batch;
    }

    /** Action dimension. */
    public int dim() {
        return d;
    }

    /** {@code sum_j log N(a_j; mu_j, sigma_j)} per row. */
    public double[] logProb(double[] actions) {
        Rows.checkValues(actions, "actions", batch * d);
        double[] out = new double[batch];
        for (int i = 0; i < batch; i++) {
            double sum = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                double z = (actions[j] - mu[j]) * Math.exp(-logStd[j]); // standardized action
                sum += -0.5 * z * z - logStd[j] - HALF_LOG_2PI;
            }
            out[i] = sum;
        }
        return out;
    }

    /** Entropy {@code sum_j (0.5 + 0.5 log(2 pi) + s_j)} per row, in nats. */
    public double[] entropy() {
        double[] out = new double[batch];
        for (int i = 0; i < batch; i++) {
            double sum = 0;
            for (int j = i * d; j < (i + 1) * d; j++) {
                sum += 0.5 + HALF_LOG_2PI + logStd[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** {@code mu + sigma * eps} with {@code eps = rng.nextGaussian()} drawn in row-major order. */
    public double[] sample(RandomGenerator rng) {
        double[] out = new double[batch * d];
        for (int j = 0; j < out.length; j++) {
            out[j] = mu[j] + Math.exp(logStd[j]) * rng.nextGaussian();
        }
        return out;
    }

    /** The means, row-major: the greedy action. */
    public double[] mode() {
        return mu.clone();
    }

    /**
     * {@code {dL/dmu, dL/ds}}, each {@code [batch, d]}, from per-row {@code dLogProb[i] = dL/dlogProb_i}
     * (of {@code actions}) and {@code dEntropy[i] = dL/dH_i}:
     * {@code dlogp/dmu = (a - mu) / sigma^2}, {@code dlogp/ds = ((a - mu) / sigma)^2 - 1},
     * {@code dH/ds = 1}. Either may be null; actions may be null when dLogProb is.
     */
    public INDArray[] backward(double[] actions, double[] dLogProb, double[] dEntropy) {
        Rows.checkLength(dLogProb, "dLogProb", batch);
        Rows.checkLength(dEntropy, "dEntropy", batch);
        if (dLogProb != null) {
            Rows.checkValues(actions, "actions", batch * d);
        }
        double[] gMu = new double[batch * d];
        double[] gS = new double[batch * d];
        for (int i = 0; i < batch; i++) {
            for (int j = i * d; j < (i + 1) * d; j++) {
                if (dLogProb != null) {
                    double invStd = Math.exp(-logStd[j]);
                    double z = (actions[j] - mu[j]) * invStd;
                    gMu[j] = dLogProb[i] * z * invStd;
                    gS[j] = dLogProb[i] * (z * z - 1);
                }
                if (dEntropy != null) {
                    gS[j] += dEntropy[i];
                }
            }
        }
        return new INDArray[] {Rows.matrix(gMu, batch, d, dataType), Rows.matrix(gS, batch, d, dataType)};
    }
}
