package org.deeprl4j.nn.dist;

import static org.deeprl4j.nn.dist.CategoricalTest.matrix;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;
import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link DiagGaussian} and {@link SquashedGaussian} against hand-computed values and finite differences. */
class GaussianTest {
    private static final double H = 1e-6;
    private static final double[][] MU = {{0.3, -1.1}, {1.5, 0.2}, {-0.4, 2.2}};
    private static final double[][] LOG_STD = {{-0.5, 0.1}, {0.4, -1.3}, {0.0, -0.2}};
    private static final double[] SCALE = {2.0, 0.5};
    private static final double[] BIAS = {0.0, 1.0};

    @Test
    void diagGaussianHandComputedValues() {
        DiagGaussian g = new DiagGaussian(matrix(new double[][] {{0, 1}}), matrix(new double[][] {{0, Math.log(2)}}));
        // N(1; 0, 1) and N(2; 1, 2): -0.5 - 0.5 log(2 pi) and -0.5 * 0.25 - log 2 - 0.5 log(2 pi)
        double expected = -1.4189385332046727 + (-0.125 - Math.log(2) - 0.9189385332046727);
        assertEquals(expected, g.logProb(new double[] {1, 2})[0], 1e-12);
        assertEquals(2 * 1.4189385332046727 + Math.log(2), g.entropy()[0], 1e-12);
        assertArrayEquals(new double[] {0, 1}, g.mode());
    }

    @Test
    void diagGaussianBackwardMatchesFiniteDifferences() {
        double[] actions = {0.1, -0.7, 2.0, 0.0, -1.0, 1.9};
        double[] dLogProb = {0.6, -1.2, 0.3};
        double[] dEntropy = {-0.4, 0.8, 0.1};
        INDArray[] g = new DiagGaussian(matrix(MU), matrix(LOG_STD)).backward(actions, dLogProb, dEntropy);
        ToDoubleFunction<double[][][]> loss = p -> {
            DiagGaussian d = new DiagGaussian(matrix(p[0]), matrix(p[1]));
            return dot(dLogProb, d.logProb(actions)) + dot(dEntropy, d.entropy());
        };
        checkGradient(loss, g);
    }

    @Test
    void diagGaussianSamplesHaveTheRightMoments() {
        int n = 20000;
        double[][] mu = new double[n][];
        double[][] s = new double[n][];
        for (int i = 0; i < n; i++) {
            mu[i] = new double[] {1.5, -2};
            s[i] = new double[] {Math.log(0.5), Math.log(3)};
        }
        double[] x = new DiagGaussian(matrix(mu), matrix(s)).sample(new Rng(11));
        double[] mean = new double[2];
        double[] sq = new double[2];
        for (int i = 0; i < x.length; i++) {
            mean[i % 2] += x[i] / n;
            sq[i % 2] += x[i] * x[i] / n;
        }
        assertEquals(1.5, mean[0], 0.02);
        assertEquals(-2, mean[1], 0.1);
        assertEquals(0.5, Math.sqrt(sq[0] - mean[0] * mean[0]), 0.01);
        assertEquals(3, Math.sqrt(sq[1] - mean[1] * mean[1]), 0.06);
        assertThrows(IllegalArgumentException.class,
                () -> new DiagGaussian(matrix(MU), matrix(new double[][] {{0, 0}})));
    }

    @Test
    void squashedGaussianHandComputedValues() {
        SquashedGaussian g = new SquashedGaussian(matrix(new double[][] {{0, 0.5}}), matrix(new double[][] {{0, -1}}),
                SCALE, BIAS);
        SquashedGaussian.Sample s = g.rsample(new double[] {0, 0});
        // eps = 0: x = mu, a = tanh(mu) * scale + bias; log N(mu; mu, sigma) = -log sigma - 0.5 log(2 pi)
        double y = Math.tanh(0.5);
        assertArrayEquals(new double[] {0, y * 0.5 + 1}, s.actions(), 1e-12);
        double expected = -0.9189385332046727 - Math.log(2.000001)
                + (1 - 0.9189385332046727 - Math.log(0.5 * (1 - y * y) + 1e-6));
        assertEquals(expected, s.logProb()[0], 1e-12);
        assertArrayEquals(s.actions(), g.mode(), 1e-12);
        assertEquals(y * 0.5 + 1, s.actionArray().getDouble(0, 1), 1e-12);
    }

    @Test
    void squashedGaussianMatchesTheChangeOfVariablesFormula() {
        double[] eps = {0.3, -1.7, 0.9, 0.05, -0.6, 2.4};
        SquashedGaussian.Sample s = new SquashedGaussian(matrix(MU), matrix(LOG_STD), SCALE, BIAS).rsample(eps);
        double[] a = s.actions();
        for (int i = 0; i < 3; i++) {
            double lp = 0;
            for (int j = 0; j < 2; j++) {
                double sigma = Math.exp(LOG_STD[i][j]);
                double x = MU[i][j] + sigma * eps[i * 2 + j];
                double normal = -0.5 * Math.pow((x - MU[i][j]) / sigma, 2) - Math.log(sigma)
                        - 0.5 * Math.log(2 * Math.PI);
                lp += normal - Math.log(SCALE[j] * (1 - Math.pow(Math.tanh(x), 2)) + 1e-6);
                assertEquals(Math.tanh(x) * SCALE[j] + BIAS[j], a[i * 2 + j], 1e-12);
                assertTrue(a[i * 2 + j] >= BIAS[j] - SCALE[j] && a[i * 2 + j] <= BIAS[j] + SCALE[j]);
            }
            assertEquals(lp, s.logProb()[i], 1e-10);
        }
        assertArrayEquals(eps, s.eps());
    }

    @Test
    void squashedGaussianBackwardMatchesFiniteDifferences() {
        double[] eps = {0.3, -1.7, 0.9, 0.05, -0.6, 2.4};
        double[] dLogProb = {0.2 / 3, 0.2 / 3, 0.2 / 3}; // alpha / batch
        double[][] dA = {{-0.5, 1.1}, {0.7, -0.2}, {0.05, 0.9}}; // -dQ/da / batch
        INDArray[] g = new SquashedGaussian(matrix(MU), matrix(LOG_STD), SCALE, BIAS).rsample(eps)
                .backward(dLogProb, matrix(dA));
        ToDoubleFunction<double[][][]> loss = p -> {
            SquashedGaussian.Sample s = new SquashedGaussian(matrix(p[0]), matrix(p[1]), SCALE, BIAS).rsample(eps);
            double[] a = s.actions();
            double sum = dot(dLogProb, s.logProb());
            for (int j = 0; j < a.length; j++) {
                sum += dA[j / 2][j % 2] * a[j];
            }
            return sum;
        };
        checkGradient(loss, g);
        // one part at a time: nothing but the action path, nothing but the log-prob path
        INDArray[] onlyAction = new SquashedGaussian(matrix(MU), matrix(LOG_STD), SCALE, BIAS).rsample(eps)
                .backward(null, matrix(dA));
        INDArray[] onlyLogProb = new SquashedGaussian(matrix(MU), matrix(LOG_STD), SCALE, BIAS).rsample(eps)
                .backward(dLogProb, null);
        assertEquals(g[0], onlyAction[0].add(onlyLogProb[0]));
        assertEquals(g[1], onlyAction[1].add(onlyLogProb[1]));
        // the log-prob of the Gaussian part alone has d/ds = -1: with y ~ 0 only that term remains
        INDArray[] flat = SquashedGaussian.unitBounds(matrix(new double[][] {{0}}), matrix(new double[][] {{0.7}}))
                .rsample(new double[] {0}).backward(new double[] {1}, null);
        assertEquals(0, flat[0].getDouble(0, 0), 1e-12);
        assertEquals(-1, flat[1].getDouble(0, 0), 1e-12);
    }

    @Test
    void squashedGaussianRejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> new SquashedGaussian(matrix(MU), matrix(LOG_STD), new double[] {1, -1}, BIAS));
        assertThrows(IllegalArgumentException.class,
                () -> new SquashedGaussian(matrix(MU), matrix(LOG_STD), new double[] {1}, new double[] {0}));
        SquashedGaussian g = new SquashedGaussian(matrix(MU), matrix(LOG_STD), SCALE, BIAS);
        assertThrows(IllegalArgumentException.class, () -> g.rsample(new double[] {0, Double.NaN, 0, 0, 0, 0}));
        SquashedGaussian.Sample s = g.rsample(new Rng(5));
        assertThrows(IllegalArgumentException.class, () -> s.backward(new double[] {1}, null));
        assertThrows(IllegalArgumentException.class, () -> s.backward(null, matrix(new double[][] {{1, 2}})));
        assertEquals(6, s.actions().length);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Compares {mu, logStd} gradients with central differences of loss({mu, logStd}). */
    private static void checkGradient(ToDoubleFunction<double[][][]> loss, INDArray[] analytic) {
        double[][][] p = {copy(MU), copy(LOG_STD)};
        double maxAbs = 0;
        for (int which = 0; which < 2; which++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 2; j++) {
                    double v = p[which][i][j];
                    p[which][i][j] = v + H;
                    double plus = loss.applyAsDouble(p);
                    p[which][i][j] = v - H;
                    double minus = loss.applyAsDouble(p);
                    p[which][i][j] = v;
                    double numeric = (plus - minus) / (2 * H);
                    assertEquals(numeric, analytic[which].getDouble(i, j), 1e-7 + 1e-6 * Math.abs(numeric),
                            (which == 0 ? "mu" : "logStd") + "[" + i + "][" + j + "]");
                    maxAbs = Math.max(maxAbs, Math.abs(numeric));
                }
            }
        }
        assertTrue(maxAbs > 0.1, "gradient is not trivially small");
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
