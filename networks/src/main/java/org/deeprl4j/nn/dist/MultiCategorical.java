package org.deeprl4j.nn.dist;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Independent categorical distributions per dimension of a MultiDiscrete action space
 * ({@code nvec[d]} choices in dimension d), from concatenated logits {@code [batch, sum(nvec)]}
 * (dimension d in the columns after those of dimensions 0..d-1), as CleanRL's
 * {@code ppo_multidiscrete.py}: the log-prob of an action is the sum over dimensions, and so is the
 * entropy. Actions are row-major {@code int[batch * dims]}. Gradient convention as {@link Categorical}.
 */
public final class MultiCategorical {
    private final int batch;
    private final int[] nvec;
    private final int total;
    private final Categorical[] dims;
    private final DataType dataType;

    /**
     * @param logits {@code [batch, sum(nvec)]}, finite
     * @param nvec   choices per dimension, each positive
     */
    public MultiCategorical(INDArray logits, int[] nvec) {
        if (nvec == null || nvec.length == 0 || Arrays.stream(nvec).anyMatch(k -> k <= 0)) {
            throw new IllegalArgumentException("nvec must be non-empty with positive entries, got "
                    + Arrays.toString(nvec));
        }
        this.nvec = nvec.clone();
        this.total = Arrays.stream(nvec).sum();
        double[] v = Rows.toDoubles(logits, "logits", -1, total);
        this.batch = (int) logits.size(0);
        this.dataType = logits.dataType();
        this.dims = new Categorical[nvec.length];
        int offset = 0;
        for (int d = 0; d < nvec.length; d++) {
            dims[d] = new Categorical(v, batch, total, offset, nvec[d], dataType);
            offset += nvec[d];
        }
    }

    /** Number of rows. */
    public int batchSize() {
        return batch;
    }

    /** Choices per dimension (a copy). */
    public int[] nvec() {
        return nvec.clone();
    }

    /** The distribution of dimension d alone. */
    public Categorical dimension(int d) {
        return dims[d];
    }

    /** {@code sum_d log p_d(actions[i, d])} per row; actions row-major {@code [batch * dims]}. */
    public double[] logProb(int[] actions) {
        int[][] cols = columns(actions);
        double[] out = new double[batch];
        for (int d = 0; d < dims.length; d++) {
            double[] lp = dims[d].logProb(cols[d]);
            for (int i = 0; i < batch; i++) {
                out[i] += lp[i];
            }
        }
        return out;
    }

    /** Sum of the per-dimension entropies, per row. */
    public double[] entropy() {
        double[] out = new double[batch];
        for (Categorical c : dims) {
            double[] h = c.entropy();
            for (int i = 0; i < batch; i++) {
                out[i] += h[i];
            }
        }
        return out;
    }

    /** Row-major {@code [batch * dims]} samples; dimension 0 of all rows first, then dimension 1, ... */
    public int[] sample(RandomGenerator rng) {
        int[][] cols = new int[dims.length][];
        for (int d = 0; d < dims.length; d++) {
            cols[d] = dims[d].sample(rng);
        }
        return interleave(cols);
    }

    /** The most probable choice of every dimension, row-major {@code [batch * dims]}. */
    public int[] mode() {
        int[][] cols = new int[dims.length][];
        for (int d = 0; d < dims.length; d++) {
            cols[d] = dims[d].mode();
        }
        return interleave(cols);
    }

    /**
     * {@code dL/dlogits [batch, sum(nvec)]}: each dimension's block gets the {@link Categorical}
     * gradient with the same per-row {@code dLogProb} and {@code dEntropy} (both are sums over
     * dimensions). Either may be null.
     */
    public INDArray backward(int[] actions, double[] dLogProb, double[] dEntropy) {
        int[][] cols = dLogProb == null ? new int[dims.length][] : columns(actions);
        double[] g = new double[batch * total];
        int offset = 0;
        for (int d = 0; d < dims.length; d++) {
            dims[d].backwardInto(cols[d], dLogProb, dEntropy, g, total, offset);
            offset += nvec[d];
        }
        return Rows.matrix(g, batch, total, dataType);
    }

    private int[][] columns(int[] actions) {
        if (actions == null || actions.length != batch * dims.length) {
            throw new IllegalArgumentException("actions must have length batch * dims = " + batch * dims.length
                    + ", got " + (actions == null ? "null" : actions.length));
        }
        int[][] cols = new int[dims.length][batch];
        for (int i = 0; i < batch; i++) {
            for (int d = 0; d < dims.length; d++) {
                cols[d][i] = actions[i * dims.length + d];
            }
        }
        return cols;
    }

    private int[] interleave(int[][] cols) {
        int[] out = new int[batch * dims.length];
        for (int i = 0; i < batch; i++) {
            for (int d = 0; d < dims.length; d++) {
                out[i * dims.length + d] = cols[d][i];
            }
        }
        return out;
    }
}
