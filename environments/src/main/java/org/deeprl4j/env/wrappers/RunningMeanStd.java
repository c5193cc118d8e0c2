package org.deeprl4j.env.wrappers;

import java.util.Arrays;

/**
 * Running per-element mean and (population) variance of a stream of vectors, with float64
 * accumulators (Gymnasium's and SB3's {@code RunningMeanStd}).
 *
 * <p>Updates use the parallel algorithm of Chan et al. (the batch form of Welford's method,
 * <a href="https://en.wikipedia.org/wiki/Algorithms_for_calculating_variance#Parallel_algorithm">
 * Wikipedia</a>) with the same operation order as Gymnasium's
 * {@code update_mean_var_count_from_moments}, so the numbers agree with it in float64. As there,
 * the statistics start at mean 0, variance 1 and a pseudo-count of {@value #DEFAULT_INITIAL_COUNT}
 * (a prior that keeps the first normalizations finite). The whole state can be saved with
 * {@link #state()} and restored exactly with {@link #setState(State)}.
 *
 * <p>Not thread-safe.
 */
public final class RunningMeanStd implements java.io.Serializable {
    /** Gymnasium's and SB3's initial pseudo-count ({@code epsilon=1e-4}). */
    public static final double DEFAULT_INITIAL_COUNT = 1e-4;

    /**
     * A saved state: per-element mean and variance and the (pseudo-)count of samples seen.
     * Arrays are copied in and out, and compared by content.
     */
    public record State(double[] mean, double[] var, double count) {
        public State {
            if (mean == null || var == null || mean.length == 0 || mean.length != var.length) {
                throw new IllegalArgumentException("RunningMeanStd.State needs mean and var of equal, non-zero length, got "
                        + Arrays.toString(mean) + " and " + Arrays.toString(var));
            }
            if (!(count >= 0) || Double.isInfinite(count)) {
                throw new IllegalArgumentException("RunningMeanStd.State count must be finite and >= 0, got " + count);
            }
            for (int i = 0; i < var.length; i++) {
                if (!(var[i] >= 0) || Double.isInfinite(var[i]) || !Double.isFinite(mean[i])) {
                    throw new IllegalArgumentException("RunningMeanStd.State element " + i
                            + " is invalid: mean=" + mean[i] + " var=" + var[i]);
                }
            }
            mean = mean.clone();
            var = var.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] var() {
            return var.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof State s && Arrays.equals(s.mean, mean) && Arrays.equals(s.var, var)
                    && Double.compare(s.count, count) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(var)) + Double.hashCode(count);
        }

        @Override
        public String toString() {
            return "State[mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(var) + ", count=" + count + "]";
        }
    }

    private final double[] mean;
    private final double[] var;
    private double count;

    /** Statistics of vectors of {@code size} elements, starting from Gymnasium's prior. */
    public RunningMeanStd(int size) {
        this(size, DEFAULT_INITIAL_COUNT);
    }

    /**
     * @param size number of elements per sample, positive
     * @param initialCount pseudo-count of the prior (mean 0, variance 1); 0 gives the plain
     *     statistics of the samples
     */
    public RunningMeanStd(int size, double initialCount) {
        if (size <= 0) {
            throw new IllegalArgumentException("RunningMeanStd size must be positive, got " + size);
        }
        if (!(initialCount >= 0) || Double.isInfinite(initialCount)) {
            throw new IllegalArgumentException("initialCount must be finite and >= 0, got " + initialCount);
        }
        mean = new double[size];
        var = new double[size];
        Arrays.fill(var, 1.0);
        count = initialCount;
    }

    public int size() {
        return mean.length;
    }

    /** Adds one sample (a batch of one: batch variance 0, batch count 1). */
    public void update(double[] x) {
        checkSize(x.length);
        double total = count + 1;
        for (int i = 0; i < mean.length; i++) {
            combine(i, x[i], 0.0, 1, total);
        }
        count = total;
    }

    /** Adds one float32 sample, widened to float64. */
    public void update(float[] x) {
        checkSize(x.length);
        double total = count + 1;
        for (int i = 0; i < mean.length; i++) {
            combine(i, x[i], 0.0, 1, total);
        }
        count = total;
    }

    /** Adds one scalar sample; only for statistics of size 1. */
    public void update(double x) {
        checkSize(1);
        double total = count + 1;
        combine(0, x, 0.0, 1, total);
        count = total;
    }

    /** Adds a batch of samples, {@code [batch, size]}, via its mean and population variance. */
    public void updateBatch(double[][] batch) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("RunningMeanStd.updateBatch needs at least one sample");
        }
        int n = mean.length;
        double[] bMean = new double[n];
        double[] bVar = new double[n];
        for (double[] row : batch) {
            checkSize(row.length);
            for (int i = 0; i < n; i++) {
                bMean[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            bMean[i] /= batch.length;
        }
        for (double[] row : batch) {
            for (int i = 0; i < n; i++) {
                double d = row[i] - bMean[i];
                bVar[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            bVar[i] /= batch.length;
        }
        updateFromMoments(bMean, bVar, batch.length);
    }

    /** Merges statistics of another batch given by its mean, population variance and count. */
    public void updateFromMoments(double[] batchMean, double[] batchVar, double batchCount) {
        checkSize(batchMean.length);
        checkSize(batchVar.length);
        if (!(batchCount > 0) || Double.isInfinite(batchCount)) {
            throw new IllegalArgumentException("batchCount must be finite and positive, got " + batchCount);
        }
        double total = count + batchCount;
        for (int i = 0; i < mean.length; i++) {
            combine(i, batchMean[i], batchVar[i], batchCount, total);
        }
        count = total;
    }

    // Same operation order as Gymnasium's update_mean_var_count_from_moments.
    private void combine(int i, double batchMean, double batchVar, double batchCount, double total) {
        double delta = batchMean - mean[i];
        double ma = var[i] * count;
        double mb = batchVar * batchCount;
        double m2 = ma + mb + delta * delta * count * batchCount / total;
        mean[i] = mean[i] + delta * batchCount / total;
        var[i] = m2 / total;
    }

    private void checkSize(int n) {
        if (n != mean.length) {
            throw new IllegalArgumentException("RunningMeanStd of size " + mean.length + " got a sample of size " + n);
        }
    }

    public double mean(int i) {
        return mean[i];
    }

    public double var(int i) {
        return var[i];
    }

    /** A copy of the per-element means. */
    public double[] mean() {
        return mean.clone();
    }

    /** A copy of the per-element population variances. */
    public double[] var() {
        return var.clone();
    }

    /** Samples seen plus the initial pseudo-count. */
    public double count() {
        return count;
    }

    /** The full state, for checkpoints. */
    public State state() {
        return new State(mean, var, count);
    }

    /** Restores a state saved with {@link #state()}; sizes must match. */
    public void setState(State state) {
        if (state == null) {
            throw new IllegalArgumentException("RunningMeanStd.setState needs a state, got null");
        }
        checkSize(state.mean.length);
        System.arraycopy(state.mean, 0, mean, 0, mean.length);
        System.arraycopy(state.var, 0, var, 0, var.length);
        count = state.count;
    }

    @Override
    public String toString() {
        return "RunningMeanStd(mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(var) + ", count=" + count + ")";
    }
}
