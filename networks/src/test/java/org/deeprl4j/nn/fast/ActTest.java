package org.deeprl4j.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationReLU;

class ActTest {
    private static float apply(Activation a, float x) {
        float[] v = {x};
        Act.of(a.getActivationFunction()).orElseThrow().apply(v, 0, 1);
        return v[0];
    }

    @Test
    void tanhIsWithinSevenUlpsEverywhereAndBounded() {
        double worst = 0;
        int n = 600_001;
        float[] x = new float[n];
        for (int k = 0; k < n; k++) {
            x[k] = (float) (-12 + 24.0 * k / (n - 1));
        }
        float[] y = x.clone();
        Act.tanh(y, 0, n);
        for (int k = 0; k < n; k++) {
            double exact = Math.tanh(x[k]);
            worst = Math.max(worst, Math.abs(y[k] - exact) / Math.ulp((float) exact));
            assertTrue(Math.abs(y[k]) <= 1f, "tanh(" + x[k] + ") = " + y[k]);
            assertEquals(Math.signum(x[k]), Math.signum(y[k]), "sign at " + x[k]);
        }
        assertTrue(worst <= 7, "worst error " + worst + " ulp");
        for (float tiny = 1e-30f; tiny < 1e-2f; tiny *= 1.5f) { // relative accuracy near 0
            double exact = Math.tanh(tiny);
            assertEquals(exact, apply(Activation.TANH, tiny), 4e-7 * exact);
            assertEquals(-exact, apply(Activation.TANH, -tiny), 4e-7 * exact);
        }
        assertEquals(1f, apply(Activation.TANH, Float.POSITIVE_INFINITY), 1e-7f);
        assertEquals(-1f, apply(Activation.TANH, -1e30f), 1e-7f);
        assertTrue(Float.isNaN(apply(Activation.TANH, Float.NaN)));
    }

    @Test
    void pointwiseActivationsFollowTheirFormulas() {
        for (float x : new float[] {-30f, -2.5f, -1e-3f, -0f, 0f, 1e-6f, 0.7f, 3f, 50f}) {
            assertEquals(Math.max(x, 0f), apply(Activation.RELU, x), 0f);
            assertEquals(x < 0 ? 0.01f * x : x, apply(Activation.LEAKYRELU, x), 0f);
            assertEquals(x < 0 ? Math.expm1(x) : x, apply(Activation.ELU, x), Math.ulp(1f) * Math.max(1, Math.abs(x)));
            double s = 1 / (1 + Math.exp(-x));
            assertEquals(s, apply(Activation.SIGMOID, x), Math.ulp((float) s));
            assertEquals(x, apply(Activation.IDENTITY, x), 0f);
        }
    }

    @Test
    void unsupportedActivationsAreEmpty() {
        assertTrue(Act.of(Activation.SOFTMAX.getActivationFunction()).isEmpty());
        assertTrue(Act.of(Activation.RELU6.getActivationFunction()).isEmpty());
        assertTrue(Act.of(new ActivationReLU(6.0, null, null)).isEmpty());
        assertTrue(Act.of(null).isEmpty());
        assertEquals(Act.Kind.RELU, Act.of(new ActivationReLU(null, 0.0, 0.0)).orElseThrow().kind());
    }
}
