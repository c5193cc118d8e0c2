package org.deeprl4j.nn.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class CategoricalTest {
    private static final double H = 1e-6;

    static INDArray matrix(double[][] rows) {
        return Nd4j.createFromArray(rows); // [rows, cols] float64
    }

    @Test
    void handComputedLogProbsEntropyAndProbs() {
        // row 0: probabilities 1/6, 2/6, 3/6; row 1: the same logits shifted by 5 (softmax is shift-invariant)
        double l2 = Math.log(2);
        double l3 = Math.log(3);
        Categorical c = new Categorical(matrix(new double[][] {{0, l2, l3}, {5, 5 + l2, 5 + l3}}));
        assertArrayEquals(new double[] {Math.log(0.5), Math.log(1.0 / 6)}, c.logProb(new int[] {2, 0}), 1e-12);
        assertArrayEquals(new double[] {1.0114042647073518, 1.0114042647073518}, c.entropy(), 1e-12);
        assertArrayEquals(new double[] {1.0 / 6, 2.0 / 6, 0.5}, c.probs().getRow(1).toDoubleVector(), 1e-12);
        assertArrayEquals(new int[] {2, 2}, c.mode());
        assertEquals(2, c.batchSize());
        assertEquals(3, c.numClasses());
        // uniform logits: entropy log n, first index on ties
        Categorical u = new Categorical(matrix(new double[][] {{1, 1, 1, 1}}));
        assertEquals(Math.log(4), u.entropy()[0], 1e-12);
        assertArrayEquals(new int[] {0}, u.mode());
    }

    @Test
    void backwardMatchesFiniteDifferences() {
        double[][] logits = {{0.3, -1.2, 2.0, 0.1}, {-0.5, 0.4, 0.0, 3.1}, {1.0, 1.0, -2.0, 0.5}};
        int[] actions = {2, 0, 3};
        double[] dLogProb = {-0.7, 0.4, 1.3};
        double[] dEntropy = {0.2, -0.9, 0.5};
        double[] analytic = new Categorical(matrix(logits)).backward(actions, dLogProb, dEntropy)
                .dup('c').reshape(12).toDoubleVector();
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 4; k++) {
                double v = logits[i][k];
                logits[i][k] = v + H;
                double plus = loss(logits, actions, dLogProb, dEntropy);
                logits[i][k] = v - H;
                double minus = loss(logits, actions, dLogProb, dEntropy);
                logits[i][k] = v;
                assertEquals((plus - minus) / (2 * H), analytic[i * 4 + k], 1e-8, "row " + i + " class " + k);
            }
        }
        // each part alone; a row's logits gradient of log p(a) sums to 0
        INDArray onlyLogProb = new Categorical(matrix(logits)).backward(actions, dLogProb, null);
        assertEquals(0, onlyLogProb.getRow(0).sumNumber().doubleValue(), 1e-12);
        assertEquals(-0.7 * (1 - Math.exp(new Categorical(matrix(logits)).logProb(actions)[0])),
                onlyLogProb.getDouble(0, 2), 1e-12);
        INDArray onlyEntropy = new Categorical(matrix(logits)).backward(null, null, dEntropy);
        assertEquals(0, onlyEntropy.getRow(1).sumNumber().doubleValue(), 1e-12);
    }

    /** L = sum_i dLogProb_i log p_i(a_i) + dEntropy_i H_i: its gradient is what backward returns. */
    private static double loss(double[][] logits, int[] actions, double[] dLogProb, double[] dEntropy) {
        Categorical c = new Categorical(matrix(logits));
        double[] lp = c.logProb(actions);
        double[] h = c.entropy();
        double sum = 0;
        for (int i = 0; i < lp.length; i++) {
            sum += dLogProb[i] * lp[i] + dEntropy[i] * h[i];
        }
        return sum;
    }

    @Test
    void samplesFollowTheProbabilitiesAndAreReproducible() {
        int n = 20000;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new double[] {0, Math.log(2), Math.log(3), -50};
        }
        Categorical c = new Categorical(matrix(rows));
        int[] s = c.sample(new Rng(3));
        int[] counts = new int[4];
        for (int a : s) {
            counts[a]++;
        }
        assertEquals(1.0 / 6, counts[0] / (double) n, 0.015);
        assertEquals(2.0 / 6, counts[1] / (double) n, 0.015);
        assertEquals(0.5, counts[2] / (double) n, 0.015);
        assertEquals(0, counts[3]);
        assertArrayEquals(s, c.sample(new Rng(3)));
    }

    @Test
    void keepsTheLogitsDataTypeAndRejectsBadInput() {
        INDArray f = Nd4j.createFromArray(new float[][] {{0.5f, -0.5f}});
        assertEquals(DataType.FLOAT, new Categorical(f).backward(new int[] {1}, new double[] {1}, null).dataType());
        Categorical c = new Categorical(f);
        assertThrows(IllegalArgumentException.class, () -> c.logProb(new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> c.logProb(new int[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> c.backward(new int[] {0}, new double[] {1, 2}, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Categorical(Nd4j.createFromArray(new double[][] {{0, Double.NaN}})));
        assertEquals("logits has a non-finite value NaN at row 0, column 1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Categorical(Nd4j.createFromArray(1.0, 2.0)));
    }

    @Test
    void multiCategoricalSumsOverDimensions() {
        double[][] logits = {{0.1, 0.7, -0.3, 1.2, 0.0}, {2.0, -1.0, 0.5, 0.5, 0.5}};
        int[] nvec = {2, 3};
        int[] actions = {1, 0, 0, 2}; // row-major [batch, dims]
        MultiCategorical m = new MultiCategorical(matrix(logits), nvec);
        Categorical d0 = new Categorical(matrix(new double[][] {{0.1, 0.7}, {2.0, -1.0}}));
        Categorical d1 = new Categorical(matrix(new double[][] {{-0.3, 1.2, 0.0}, {0.5, 0.5, 0.5}}));
        double[] lp0 = d0.logProb(new int[] {1, 0});
        double[] lp1 = d1.logProb(new int[] {0, 2});
        assertArrayEquals(new double[] {lp0[0] + lp1[0], lp0[1] + lp1[1]}, m.logProb(actions), 1e-12);
        assertEquals(d0.entropy()[1] + Math.log(3), m.entropy()[1], 1e-12);
        assertArrayEquals(new int[] {1, 1, 0, 0}, m.mode());
        int[] s = m.sample(new Rng(1));
        assertEquals(4, s.length);
        assertArrayEquals(new int[] {2, 3}, m.nvec());
        double[] dLogProb = {0.5, -1.5};
        double[] dEntropy = {0.25, 0.75};
        INDArray g = m.backward(actions, dLogProb, dEntropy); // [2, 5]
        INDArray g0 = d0.backward(new int[] {1, 0}, dLogProb, dEntropy);
        INDArray g1 = d1.backward(new int[] {0, 2}, dLogProb, dEntropy);
        assertEquals(Nd4j.hstack(g0, g1), g);
        assertThrows(IllegalArgumentException.class, () -> m.logProb(new int[] {1, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new MultiCategorical(matrix(logits), new int[] {2, 2}));
    }
}
