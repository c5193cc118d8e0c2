package org.deeprl4j.env.wrappers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;

class RunningMeanStdTest {

    private static double[][] stream(long seed, int n, int dim) {
        Rng rng = new Rng(seed);
        double[][] xs = new double[n][dim];
        for (double[] x : xs) {
            for (int i = 0; i < dim; i++) {
                x[i] = 5 * i - 3 + (i + 1) * 2.5 * rng.nextGaussian();
            }
        }
        return xs;
    }

    /** Two-pass mean and population variance per column: {mean, var}. */
    private static double[][] twoPass(double[][] xs) {
        int dim = xs[0].length;
        double[] mean = new double[dim];
        double[] var = new double[dim];
        for (double[] x : xs) {
            for (int i = 0; i < dim; i++) {
                mean[i] += x[i] / xs.length;
            }
        }
        for (double[] x : xs) {
            for (int i = 0; i < dim; i++) {
                var[i] += (x[i] - mean[i]) * (x[i] - mean[i]) / xs.length;
            }
        }
        return new double[][] {mean, var};
    }

    @Test
    void withoutPriorMatchesTwoPassStatistics() {
        double[][] xs = stream(1, 2000, 3);
        RunningMeanStd rms = new RunningMeanStd(3, 0.0);
        for (double[] x : xs) {
            rms.update(x);
        }
        double[][] ref = twoPass(xs);
        assertArrayEquals(ref[0], rms.mean(), 1e-9);
        assertArrayEquals(ref[1], rms.var(), 1e-9);
        assertEquals(2000.0, rms.count());
    }

    @Test
    void defaultPriorMatchesDirectPooledComputation() {
        double[][] xs = stream(2, 1500, 2);
        RunningMeanStd rms = new RunningMeanStd(2);
        for (double[] x : xs) {
            rms.update(x);
        }
        // pool the prior (mean 0, var 1, count c0) with the two-pass statistics of the data
        double c0 = RunningMeanStd.DEFAULT_INITIAL_COUNT;
        double n = xs.length;
        double[][] ref = twoPass(xs);
        for (int i = 0; i < 2; i++) {
            double m = ref[0][i];
            double mean = n * m / (c0 + n);
            double var = (c0 * 1.0 + n * ref[1][i] + m * m * c0 * n / (c0 + n)) / (c0 + n);
            assertEquals(mean, rms.mean(i), 1e-9);
            assertEquals(var, rms.var(i), 1e-9);
        }
        assertEquals(c0 + n, rms.count(), 1e-9);
    }

    @Test
    void matchesGymnasiumBitForBit() {
        // reference: Gymnasium's RunningMeanStd (update_mean_var_count_from_moments) run with numpy
        RunningMeanStd rms = new RunningMeanStd(2);
        rms.update(new double[] {2.0, -1.5});
        rms.update(new float[] {0.25f, 10.0f});
        rms.update(new double[] {-3.0, 0.5});
        assertArrayEquals(new double[] {-0.24999166694443553, 2.999900003333223}, rms.mean(), 0.0);
        assertArrayEquals(new double[] {4.291559031296182, 25.166161117963075}, rms.var(), 0.0);
        assertEquals(3.0000999999999998, rms.count(), 0.0);
    }

    @Test
    void batchUpdatesAgreeWithSingleUpdates() {
        double[][] xs = stream(3, 300, 2);
        RunningMeanStd single = new RunningMeanStd(2);
        RunningMeanStd batched = new RunningMeanStd(2);
        for (double[] x : xs) {
            single.update(x);
        }
        for (int start = 0; start < xs.length; start += 64) {
            double[][] chunk = java.util.Arrays.copyOfRange(xs, start, Math.min(xs.length, start + 64));
            batched.updateBatch(chunk);
        }
        assertArrayEquals(single.mean(), batched.mean(), 1e-9);
        assertArrayEquals(single.var(), batched.var(), 1e-9);
        assertEquals(single.count(), batched.count(), 1e-9);
    }

    @Test
    void savedStateRestoresExactlyAndIsACopy() {
        double[][] xs = stream(4, 100, 2);
        RunningMeanStd a = new RunningMeanStd(2);
        for (int i = 0; i < 50; i++) {
            a.update(xs[i]);
        }
        RunningMeanStd.State saved = a.state();
        saved.mean()[0] = 1e6; // accessors return copies
        RunningMeanStd b = new RunningMeanStd(2);
        b.setState(saved);
        assertEquals(saved, b.state());
        for (int i = 50; i < 100; i++) {
            a.update(xs[i]);
            b.update(xs[i]);
        }
        assertEquals(a.state(), b.state());
        assertNotEquals(saved, a.state());
    }

    @Test
    void rejectsBadInput() {
        RunningMeanStd rms = new RunningMeanStd(2);
        assertThrows(IllegalArgumentException.class, () -> rms.update(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> rms.update(1.0));
        assertThrows(IllegalArgumentException.class, () -> rms.setState(new RunningMeanStd(3).state()));
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd(0));
        assertThrows(IllegalArgumentException.class, () -> new RunningMeanStd.State(new double[] {0}, new double[] {-1}, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new RunningMeanStd.State(new double[] {0}, new double[] {1}, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> rms.updateBatch(new double[0][]));
    }
}
