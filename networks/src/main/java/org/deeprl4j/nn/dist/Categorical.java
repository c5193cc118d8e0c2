package org.deeprl4j.nn.dist;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A batch of categorical distributions over {@code n} classes given by logits {@code [batch, n]}
 * ({@code p = softmax(logits)} per row), as {@code torch.distributions.Categorical(logits=...)}.
 * Computed in double precision on a copy of the logits (Java arrays: a few small loops beat a chain
 * of native ND4J calls at RL batch sizes). Immutable.
 *
 * <p>Gradient convention of {@link #backward}: for a scalar loss L that depends on the log-probs and
 * entropies of the rows, the caller passes {@code dLogProb[i] = dL/dlogProb_i} and
 * {@code dEntropy[i] = dL/dH_i} (including any 1/batch of a mean and the sign: L is the loss to
 * minimize), and gets {@code dL/dlogits [batch, n]}, ready for
 * {@link org.deeprl4j.nn.Network#stepExternal}.
 */
public final class Categorical {
    private final int batch;
    private final int n;
    private final double[] logp; // [batch * n] log-softmax, row-major
    private final DataType dataType;

    /** @param logits {@code [batch, n]}, finite */
    public Categorical(INDArray logits) {
        this(Rows.toDoubles(logits, "logits", -1, -1), (int) logits.size(0), (int) logits.size(1), 0,
                (int) logits.size(1), logits.dataType());
    }

    /**
     * The same distributions from logits in a row-major float buffer, e.g. an output of
     * {@link org.deeprl4j.nn.fast.FastNet}: equal to {@code new Categorical(logits as [batch, n])}.
     *
     * @param logits at least {@code batch * n} values, row-major {@code [batch, n]}, finite
     */
    public static Categorical ofLogits(float[] logits, int batch, int n) {
        return new Categorical(Rows.toDoubles(logits, "logits", batch, n), batch, n, 0, n, DataType.FLOAT);
    }

    /** Rows of columns {@code [offset, offset + n)} of a row-major {@code [batch, stride]} buffer. */
    Categorical(double[] values, int batch, int stride, int offset, int n, DataType dataType) {
        this.batch = batch;
        this.n = n;
        this.dataType = dataType;
        this.logp = new double[batch * n];
        for (int i = 0; i < batch; i++) {
            int in = i * stride + offset;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                max = Math.max(max, values[in + k]);
            }
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += Math.exp(values[in + k] - max);
            }
            double lse = max + Math.log(sum); // log-sum-exp of row i
            for (int k = 0; k < n; k++) {
                logp[i * n + k] = values[in + k] - lse;
            }
        }
    }

    /** Number of rows. */
    public int batchSize() {
        return batch;
    }

    /** Number of classes. */
    public int numClasses() {
        return n;
    }

    /** Probabilities {@code [batch, n]} in the logits' data type. */
    public INDArray probs() {
        double[] p = new double[logp.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp(logp[j]);
        }
        return Rows.matrix(p, batch, n, dataType);
    }

    /** {@code log p_i(actions[i])} per row. */
    public double[] logProb(int[] actions) {
        checkActions(actions);
        double[] out = new double[batch];
        for (int i = 0; i < batch; i++) {
            out[i] = logp[i * n + actions[i]];
        }
        return out;
    }

    /** Entropy {@code -sum_k p_k log p_k} per row, in nats. */
    public double[] entropy() {
        double[] out = new double[batch];
        for (int i = 0; i < batch; i++) {
            out[i] = rowEntropy(i);
        }
        return out;
    }

    private double rowEntropy(int i) {
        double h = 0;
        for (int k = 0; k < n; k++) {
            double lp = logp[i * n + k];
            h -= lp == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lp) * lp;
        }
        return h;
    }

    /** One class per row, drawn by inverse CDF with one {@code rng.nextDouble()} per row, in row order. */
    public int[] sample(RandomGenerator rng) {
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            double u = rng.nextDouble();
            double cum = 0;
            int pick = -1;
            for (int k = 0; k < n; k++) {
                double p = Math.exp(logp[i * n + k]);
                if (p > 0) {
                    pick = k; // the last class with p > 0 absorbs rounding of the cumulative sum
                    cum += p;
                    if (u < cum) {
                        break;
                    }
                }
            }
            out[i] = pick;
        }
        return out;
    }

    /** The most probable class per row (the first on ties), for greedy evaluation. */
    public int[] mode() {
        int[] out = new int[batch];
        for (int i = 0; i < batch; i++) {
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (logp[i * n + k] > logp[i * n + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * {@code dL/dlogits [batch, n]} from {@code dL/dlogProb(actions)} and {@code dL/dentropy} per
     * row: {@code dLogProb[i] (onehot(a_i) - p_i) - dEntropy[i] p_i (log p_i + H_i)}.
     *
     * @param actions  the actions whose log-probs L uses (may be null when dLogProb is null)
     * @param dLogProb per-row {@code dL/dlogProb}, or null for none
     * @param dEntropy per-row {@code dL/dH}, or null for none
     */
    public INDArray backward(int[] actions, double[] dLogProb, double[] dEntropy) {
        double[] g = new double[batch * n];
        backwardInto(actions, dLogProb, dEntropy, g, n, 0);
        return Rows.matrix(g, batch, n, dataType);
    }

    /** Adds this distribution's logits gradient into columns {@code [offset, offset + n)} of {@code g}. */
    void backwardInto(int[] actions, double[] dLogProb, double[] dEntropy, double[] g, int stride, int offset) {
        Rows.checkLength(dLogProb, "dLogProb", batch);
        Rows.checkLength(dEntropy, "dEntropy", batch);
        if (dLogProb != null) {
            checkActions(actions);
        }
        for (int i = 0; i < batch; i++) {
            double h = dEntropy == null ? 0 : rowEntropy(i);
            for (int k = 0; k < n; k++) {
                double lp = logp[i * n + k];
                double p = Math.exp(lp);
                double v = 0;
                if (dLogProb != null) {
                    v += dLogProb[i] * ((k == actions[i] ? 1 : 0) - p);
                }
                if (dEntropy != null && p > 0) {
                    v -= dEntropy[i] * p * (lp + h); // dH/dz_k = -p_k (log p_k + H)
                }
                g[i * stride + offset + k] += v;
            }
        }
    }

    private void checkActions(int[] actions) {
        if (actions == null || actions.length != batch) {
            throw new IllegalArgumentException("actions must have length " + batch + ", got "
                    + (actions == null ? "null" : actions.length));
        }
        for (int i = 0; i < batch; i++) {
            if (actions[i] < 0 || actions[i] >= n) {
                throw new IllegalArgumentException("action " + actions[i] + " at row " + i + " is outside [0, "
                        + n + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "Categorical[batch=" + batch + ", n=" + n + ", first row logp="
                + Arrays.toString(Arrays.copyOf(logp, n)) + "]";
    }
}
