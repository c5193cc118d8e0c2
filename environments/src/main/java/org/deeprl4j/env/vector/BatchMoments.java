package org.deeprl4j.env.vector;

import java.util.Arrays;

/** Batch mean and population variance (numpy's {@code mean}/{@code var}, float64) and finiteness checks for {@link VecNormalize}. */
final class BatchMoments {
    private BatchMoments() {
    }

    /** Per-column mean and population variance of {@code n} rows of {@code mean.length} floats ({@code [n * d]}, row-major). */
    static void ofRows(float[] rows, int n, double[] mean, double[] var) {
        int d = mean.length;
        Arrays.fill(mean, 0.0);
        Arrays.fill(var, 0.0);
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                mean[i] += rows[r * d + i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= n;
        }
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < d; i++) {
                double dev = rows[r * d + i] - mean[i];
                var[i] += dev * dev;
            }
        }
        for (int i = 0; i < d; i++) {
            var[i] /= n;
        }
    }

    /** Mean into {@code mean[0]} and population variance into {@code var[0]} of {@code values}. */
    static void of(double[] values, double[] mean, double[] var) {
        double m = 0;
        for (double v : values) {
            m += v;
        }
        m /= values.length;
        double s = 0;
        for (double v : values) {
            s += (v - m) * (v - m);
        }
        mean[0] = m;
        var[0] = s / values.length;
    }

    static boolean allFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
