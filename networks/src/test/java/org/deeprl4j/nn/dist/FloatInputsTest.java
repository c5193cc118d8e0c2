package org.deeprl4j.nn.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The float[] factories give exactly the distributions of the INDArray constructors. */
class FloatInputsTest {
    private static float[] values(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            v[k] = (float) rng.nextGaussian();
        }
        return v;
    }

    private static INDArray matrix(float[] v, int rows, int cols) {
        return Nd4j.create(v, new long[] {rows, cols}, 'c'); // [rows, cols] float32
    }

    @Test
    void categoricalFromFloats() {
        float[] logits = values(4 * 3 + 5, 1); // longer than [4, 3]: the first rows count
        Categorical a = Categorical.ofLogits(logits, 4, 3);
        Categorical b = new Categorical(matrix(java.util.Arrays.copyOf(logits, 12), 4, 3));
        int[] actions = {0, 2, 1, 1};
        assertArrayEquals(b.logProb(actions), a.logProb(actions), 0);
        assertArrayEquals(b.entropy(), a.entropy(), 0);
        assertArrayEquals(b.mode(), a.mode());
        assertArrayEquals(b.sample(new Rng(2)), a.sample(new Rng(2)));
        assertEquals(b.probs(), a.probs());
    }

    @Test
    void gaussiansFromFloats() {
        float[] mean = values(6, 3);
        float[] logStd = values(6, 4);
        DiagGaussian a = DiagGaussian.of(mean, logStd, 3, 2);
        DiagGaussian b = new DiagGaussian(matrix(mean, 3, 2), matrix(logStd, 3, 2));
        double[] x = a.sample(new Rng(5));
        assertArrayEquals(b.sample(new Rng(5)), x, 0);
        assertArrayEquals(b.logProb(x), a.logProb(x), 0);
        assertArrayEquals(b.entropy(), a.entropy(), 0);
        assertArrayEquals(b.mode(), a.mode(), 0);
        assertEquals(b.backward(x, new double[] {1, 2, 3}, null)[1], a.backward(x, new double[] {1, 2, 3}, null)[1]);
        double[] scale = {2, 0.5};
        double[] bias = {0, 1};
        SquashedGaussian s = SquashedGaussian.of(mean, logStd, 3, 2, scale, bias);
        SquashedGaussian t = new SquashedGaussian(matrix(mean, 3, 2), matrix(logStd, 3, 2), scale, bias);
        assertArrayEquals(t.mode(), s.mode(), 0);
        assertArrayEquals(t.rsample(new Rng(6)).actions(), s.rsample(new Rng(6)).actions(), 0);
        assertArrayEquals(t.rsample(new Rng(6)).logProb(), s.rsample(new Rng(6)).logProb(), 0);
    }

    @Test
    void badFloatInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Categorical.ofLogits(new float[5], 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Categorical.ofLogits(null, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Categorical.ofLogits(new float[] {0, Float.NaN}, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> DiagGaussian.of(new float[2], new float[1], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> DiagGaussian.of(new float[2], new float[2], 0, 2));
        assertThrows(IllegalArgumentException.class,
                () -> SquashedGaussian.of(new float[] {Float.POSITIVE_INFINITY}, new float[1], 1, 1, new double[] {1},
                        new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> SquashedGaussian.of(new float[1], new float[1], 1, 1, new double[] {-1}, new double[] {0}));
    }
}
