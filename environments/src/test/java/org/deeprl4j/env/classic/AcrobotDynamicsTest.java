package org.deeprl4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Checks of Acrobot's physics independent of Gymnasium's numbers: its step is one classic RK4 step
 * of {@link Acrobot#dsdt}, and without torque {@code dsdt} conserves the mechanical energy of a
 * two-link pendulum with Acrobot's masses, lengths and inertias.
 */
class AcrobotDynamicsTest {

    /** Textbook classic RK4 step of the Acrobot ODE (independent of Acrobot's own loop). */
    private static double[] textbookRk4(double[] y, double torque, double h) {
        double[] k1 = new double[4];
        double[] k2 = new double[4];
        double[] k3 = new double[4];
        double[] k4 = new double[4];
        Acrobot.dsdt(y, torque, k1);
        Acrobot.dsdt(axpy(y, h / 2, k1), torque, k2);
        Acrobot.dsdt(axpy(y, h / 2, k2), torque, k3);
        Acrobot.dsdt(axpy(y, h, k3), torque, k4);
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = y[i] + h * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) / 6;
        }
        return out;
    }

    private static double[] axpy(double[] y, double a, double[] k) {
        double[] r = new double[4];
        for (int i = 0; i < 4; i++) {
            r[i] = y[i] + a * k[i];
        }
        return r;
    }

    /** Mechanical energy of the two-link acrobot (the Lagrangian the book equations come from). */
    private static double energy(double[] s) {
        double w1 = s[2];
        double w12 = s[2] + s[3];
        double kinetic = 0.5 * (0.25 + 1) * w1 * w1
                + 0.5 * (w1 * w1 + 0.25 * w12 * w12 + w1 * w12 * Math.cos(s[1])) + 0.5 * w12 * w12;
        double potential = -9.8 * 0.5 * Math.cos(s[0]) - 9.8 * (Math.cos(s[0]) + 0.5 * Math.cos(s[0] + s[1]));
        return kinetic + potential;
    }

    @Test
    void stepIsOneClassicRk4StepOfTheBookDynamics() {
        double[] start = {0.3, -0.2, 1.0, -2.0};
        double[] expected = textbookRk4(start, -1.0, 0.2);
        Acrobot env = new Acrobot();
        env.reset(0);
        env.setState(start);
        env.step(0);
        assertArrayEquals(expected, env.state(), 1e-12);
    }

    @Test
    void bookDynamicsConserveEnergyWithoutTorque() {
        double[] s = {1.0, 0.5, 0.0, 0.0};
        double e0 = energy(s);
        for (int i = 0; i < 2000; i++) { // 2 s in steps of 1 ms
            s = textbookRk4(s, 0.0, 1e-3);
            assertEquals(e0, energy(s), 1e-9, "t = " + (i + 1) + " ms");
        }
        assertTrue(Math.abs(s[2]) > 1, "the links moved: " + Arrays.toString(s));
    }
}
