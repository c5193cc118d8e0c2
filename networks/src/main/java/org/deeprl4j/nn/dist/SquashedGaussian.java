package org.deeprl4j.nn.dist;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The tanh-squashed Gaussian policy of SAC (Haarnoja et al. 2018, appendix C), exactly as CleanRL's
 * {@code sac_continuous_action.py} {@code Actor.get_action}: {@code x = mu + sigma * eps},
 * {@code y = tanh(x)}, action {@code a = y * scale + bias} (per dimension, from the action bounds:
 * {@code scale = (high - low) / 2}, {@code bias = (high + low) / 2}), and
 * {@code log pi(a) = sum_j [log N(x_j; mu_j, sigma_j) - log(scale_j (1 - y_j^2) + 1e-6)]}.
 * Inputs {@code mu, s = log sigma [batch, d]} (the SAC actor's outputs); double precision.
 *
 * <p>Samples are reparameterized ({@link #rsample}): the returned {@link Sample} keeps eps and gives
 * the gradients of the actor loss with respect to mu and s through both the log-prob and the action,
 * for {@code L = mean_i (alpha log pi(a_i) - Q(s_i, a_i))}: pass {@code dLogProb[i] = alpha / batch}
 * and {@code dAction = -dQ/da / batch} (the critic's input gradient).
 */
public final class SquashedGaussian {
    /** Added inside the log of the tanh Jacobian, as CleanRL and SB3. */
    public static final double JACOBIAN_EPS = 1e-6;
    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int batch;
    private final int d;
    private final double[] mu; // [batch * d]
    private final double[] logStd; // [batch * d]
    private final double[] scale; // [d]
    private final double[] bias; // [d]
    private final DataType dataType;

    /**
     * @param mean        {@code [batch, d]}, finite
     * @param logStd      {@code [batch, d]}, finite
     * @param actionScale per-dimension {@code (high - low) / 2}, positive
     * @param actionBias  per-dimension {@code (high + low) / 2}, finite
     */
    public SquashedGaussian(INDArray mean, INDArray logStd, double[] actionScale, double[] actionBias) {
        this(Rows.toDoubles(mean, "mean", -1, -1), Rows.toDoubles(logStd, "logStd", mean.size(0), mean.size(1)),
                (int) mean.size(0), (int) mean.size(1), actionScale, actionBias, mean.dataType());
    }

    /**
     * The same distributions from row-major float buffers, e.g. outputs of
     * {@link org.deeprl4j.nn.fast.FastNet}: equal to the INDArray constructor on {@code [batch, d]}
     * FLOAT arrays of these values.
     *
     * @param mean   at least {@code batch * d} values, finite
     * @param logStd at least {@code batch * d} values, finite
     */
    public static SquashedGaussian of(float[] mean, float[] logStd, int batch, int d, double[] actionScale,
                                      double[] actionBias) {
        return new SquashedGaussian(Rows.toDoubles(mean, "mean", batch, d), Rows.toDoubles(logStd, "logStd", batch, d),
                batch, d, actionScale, actionBias, DataType.FLOAT);
    }

    private SquashedGaussian(double[] mu, double[] logStd, int batch, int d, double[] actionScale, double[] actionBias,
                             DataType dataType) {
        this.mu = mu;
        this.batch = batch;
        this.d = d;
        this.logStd = logStd;
        Rows.checkValues(actionScale, "actionScale", d);
        Rows.checkValues(actionBias, "actionBias", d);
        for (int j = 0; j < d; j++) {
            if (!(actionScale[j] > 0)) {
                throw new IllegalArgumentException("actionScale[" + j + "] must be positive, got " + actionScale[j]);
            }
        }
        this.scale = actionScale.clone();
        this.bias = actionBias.clone();
        this.dataType = dataType;
    }

    /** Action bounds {@code [-1, 1]} in every dimension (scale 1, bias 0). */
    public static SquashedGaussian unitBounds(INDArray mean, INDArray logStd) {
        int d = (int) mean.size(1);
        double[] one = new double[d];
        Arrays.fill(one, 1.0);
        return new SquashedGaussian(mean, logStd, one, new double[d]);
    }

    /** The deterministic (evaluation) action {@code tanh(mu) * scale + bias}, row-major. */
    public double[] mode() {
        double[] out = new double[batch * d];
        for (int j = 0; j < out.length; j++) {
            out[j] = Math.tanh(mu[j]) * scale[j % d] + bias[j % d];
        }
        return out;
    }

    /** A reparameterized sample with {@code eps = rng.nextGaussian()} drawn in row-major order. */
    public Sample rsample(RandomGenerator rng) {
        double[] eps = new double[batch * d];
        for (int j = 0; j < eps.length; j++) {
            eps[j] = rng.nextGaussian();
        }
        return new Sample(eps);
    }

    /** The reparameterized sample for given standard-normal noise {@code eps}, row-major {@code [batch * d]}. */
    public Sample rsample(double[] eps) {
        Rows.checkValues(eps, "eps", batch * d);
        return new Sample(eps.clone());
    }

    /** One reparameterized sample per row: actions, log-probs and the gradients through them. */
    public final class Sample {
        private final double[] eps; // [batch * d]
        private final double[] y; // tanh(x) [batch * d]
        private final double[] actions; // [batch * d]
        private final double[] logProb; // [batch]

        private Sample(double[] eps) {
            this.eps = eps;
            this.y = new double[batch * d];
            this.actions = new double[batch * d];
            this.logProb = new double[batch];
            for (int i = 0; i < batch; i++) {
                double lp = 0;
                for (int j = i * d; j < (i + 1) * d; j++) {
                    y[j] = Math.tanh(mu[j] + Math.exp(logStd[j]) * eps[j]);
                    actions[j] = y[j] * scale[j % d] + bias[j % d];
                    // log N(x; mu, sigma) with (x - mu) / sigma = eps, minus the log-det of the squashing
                    lp += -0.5 * eps[j] * eps[j] - logStd[j] - HALF_LOG_2PI
                            - Math.log(scale[j % d] * (1 - y[j] * y[j]) + JACOBIAN_EPS);
                }
                logProb[i] = lp;
            }
        }

        /** Actions within the bounds, row-major {@code [batch * d]} (a copy). */
        public double[] actions() {
            return actions.clone();
        }

        /** Actions as a {@code [batch, d]} array of the means' data type, e.g. a critic input. */
        public INDArray actionArray() {
            return Rows.matrix(actions, batch, d, dataType);
        }

        /** {@code log pi(a)} per row (a copy). */
        public double[] logProb() {
            return logProb.clone();
        }

        /** The noise of this sample (a copy). */
        public double[] eps() {
            return eps.clone();
        }

        /**
         * {@code {dL/dmu, dL/ds}}, each {@code [batch, d]}, for a loss L of this sample's log-probs and
         * actions, through the reparameterization {@code x = mu + exp(s) eps}:
         * {@code dlogp_i/dmu_ij = c_ij}, {@code dlogp_i/ds_ij = -1 + c_ij sigma_ij eps_ij} with
         * {@code c = 2 y scale (1 - y^2) / (scale (1 - y^2) + 1e-6)}, and
         * {@code da_ij/dmu_ij = scale_j (1 - y_ij^2)}, {@code da_ij/ds_ij = scale_j (1 - y_ij^2) sigma_ij eps_ij}.
         *
         * @param dLogProb per-row {@code dL/dlogpi}, or null
         * @param dAction  {@code dL/da [batch, d]}, e.g. from {@code Network.inputGradients} of the critic, or null
         */
        public INDArray[] backward(double[] dLogProb, INDArray dAction) {
            Rows.checkLength(dLogProb, "dLogProb", batch);
            double[] da = dAction == null ? null : Rows.toDoubles(dAction, "dAction", batch, d);
            double[] gMu = new double[batch * d];
            double[] gS = new double[batch * d];
            for (int i = 0; i < batch; i++) {
                for (int j = i * d; j < (i + 1) * d; j++) {
                    double sc = scale[j % d];
                    double oneMinusY2 = 1 - y[j] * y[j];
                    double sigmaEps = Math.exp(logStd[j]) * eps[j]; // dx/ds
                    if (dLogProb != null) {
                        double c = 2 * y[j] * sc * oneMinusY2 / (sc * oneMinusY2 + JACOBIAN_EPS); // dlogp/dx
                        gMu[j] += dLogProb[i] * c;
                        gS[j] += dLogProb[i] * (c * sigmaEps - 1);
                    }
                    if (da != null) {
                        double dadx = sc * oneMinusY2;
                        gMu[j] += da[j] * dadx;
                        gS[j] += da[j] * dadx * sigmaEps;
                    }
                }
            }
            return new INDArray[] {Rows.matrix(gMu, batch, d, dataType), Rows.matrix(gS, batch, d, dataType)};
        }
    }
}
