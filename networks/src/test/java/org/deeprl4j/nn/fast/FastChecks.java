package org.deeprl4j.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Comparison of {@link FastNet} with DL4J. Tolerance, element-wise:
 * {@code |fast - dl4j| <= 1e-5 * max(|dl4j|, 1)}: a relative error of at most 1e-5, and an absolute
 * error of at most 1e-5 for values below 1 in magnitude. The floor is needed where a dense layer's
 * float sum cancels (terms of magnitude ~10 summing to ~0.1): the BLAS kernel sums in another order
 * (and DL4J's own results for the same row differ by similar amounts between batch sizes 1 and 64).
 */
final class FastChecks {
    static final double REL = 1e-5;
    static final double FLOOR = 1.0;

    private FastChecks() {
    }

    /** Row-major {@code [n, size]} standard-normal values times {@code scale}. */
    static float[] randomRows(int n, int size, double scale, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * size];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) (scale * rng.nextGaussian());
        }
        return x;
    }

    /** Random inputs at batch n: fast outputs must match DL4J's; returns the fast outputs. */
    static float[][] assertMatches(Network net, FastNet fast, int n, long seed) {
        float[][] inputs = new float[fast.numInputs()][];
        INDArray[] arrays = new INDArray[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = randomRows(n, fast.inputSize(k), 2.0, seed + k);
            arrays[k] = Nd4j.create(inputs[k], new long[] {n, fast.inputSize(k)}, 'c'); // [n, inputSize]
        }
        INDArray[] expected = net.outputs(arrays);
        float[][] outs = fast.newOutputs(n);
        fast.outputs(inputs, n, outs);
        assertEquals(expected.length, outs.length);
        for (int k = 0; k < outs.length; k++) {
            assertClose(expected[k].dup('c').data().asFloat(), outs[k], fast.outputNames().get(k) + " at batch " + n);
        }
        return outs;
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int e = 0; e < expected.length; e++) {
            double tol = REL * Math.max(Math.abs(expected[e]), FLOOR);
            double err = Math.abs((double) actual[e] - expected[e]);
            assertTrue(err <= tol, what + ": element " + e + " fast " + actual[e] + " vs DL4J " + expected[e]
                    + " (error " + err + " > " + tol + ")");
        }
    }

    /** Sets every parameter to N(0, scale^2): weights far from their (small, partly zero) init. */
    static void randomizeParams(Network net, double scale, long seed) {
        INDArray p = net.params(); // [1, numParams]
        float[] v = randomRows(1, (int) p.length(), scale, seed);
        p.assign(Nd4j.create(v, p.shape(), 'c'));
    }
}
