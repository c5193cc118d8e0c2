package org.deeprl4j.env.classic;

import java.util.Arrays;
import java.util.Objects;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * Acrobot: Gymnasium's {@code Acrobot-v1} ({@code gymnasium/envs/classic_control/acrobot.py}),
 * reproduced to the last float.
 *
 * <p>Two links hang in a chain from a fixed pivot; the joint between them is actuated. The goal is
 * to swing the free end of the lower link above a target height, starting from hanging down.
 * Dynamics are Sutton and Barto's book equations ({@code book_or_nips = "book"}), integrated by
 * one classic Runge-Kutta step over {@code dt = 0.2} s; no torque noise.
 *
 * <h2>Action space</h2>
 * {@code Discrete(3)}: the torque on the actuated joint.
 * <table>
 * <caption>Actions</caption>
 * <tr><th>Num</th><th>Action</th><th>Unit</th></tr>
 * <tr><td>0</td><td>apply -1 torque to the actuated joint</td><td>N m</td></tr>
 * <tr><td>1</td><td>apply 0 torque</td><td>N m</td></tr>
 * <tr><td>2</td><td>apply +1 torque</td><td>N m</td></tr>
 * </table>
 *
 * <h2>Observation space</h2>
 * {@code Box(low, high, (6,), float32)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Num</th><th>Observation</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>cos(theta1)</td><td>-1</td><td>1</td></tr>
 * <tr><td>1</td><td>sin(theta1)</td><td>-1</td><td>1</td></tr>
 * <tr><td>2</td><td>cos(theta2)</td><td>-1</td><td>1</td></tr>
 * <tr><td>3</td><td>sin(theta2)</td><td>-1</td><td>1</td></tr>
 * <tr><td>4</td><td>angular velocity of theta1</td><td>-4 pi (float32: -12.566371)</td><td>4 pi</td></tr>
 * <tr><td>5</td><td>angular velocity of theta2</td><td>-9 pi (float32: -28.274334)</td><td>9 pi</td></tr>
 * </table>
 * {@code theta1} is the angle of the first link (0 = pointing down), {@code theta2} is relative to
 * the first link. Angles are wrapped to [-pi, pi] and velocities clipped to the bounds after each
 * step.
 *
 * <h2>Rewards</h2>
 * -1 for every step that does not reach the target, 0 on the step that does. The reward threshold
 * is -100.
 *
 * <h2>Starting state</h2>
 * theta1, theta2 and both velocities uniform in [-0.1, 0.1], then rounded to float32 (as Gymnasium
 * does, so the first observation's sin/cos are NumPy's float32 {@link NumpyFloat32} ones).
 *
 * <h2>Episode end</h2>
 * Termination: the free end reaches the target height, {@code -cos(theta1) - cos(theta2 + theta1) > 1}.
 * Truncation: 500 steps, applied by the registry's {@code TimeLimit} for {@code Acrobot-v1}.
 *
 * <h2>Version notes</h2>
 * v1: observations are cos/sin of the angles instead of the angles; time limit 500 (v0: 200).
 * Reset bounds through reset options ({@code low}/{@code high}) are not supported. Floats follow
 * NumPy and the C library as {@link GlibcMath} documents (sin/cos/{@code x**2} are glibc's).
 */
public final class Acrobot extends BaseEnv<float[], Integer> {
    /** Integration step, seconds. */
    public static final double DT = 0.2;
    public static final double LINK_LENGTH_1 = 1.0;
    public static final double LINK_MASS_1 = 1.0;
    public static final double LINK_MASS_2 = 1.0;
    public static final double LINK_COM_POS_1 = 0.5;
    public static final double LINK_COM_POS_2 = 0.5;
    /** Moment of inertia of both links. */
    public static final double LINK_MOI = 1.0;
    public static final double MAX_VEL_1 = 4 * Math.PI;
    public static final double MAX_VEL_2 = 9 * Math.PI;
    /** Gravity used by the dynamics. */
    public static final double G = 9.8;
    private static final double[] AVAIL_TORQUE = {-1.0, 0.0, +1.0};

    private static final Discrete ACTION_SPACE = new Discrete(3);
    private static final Box<float[]> OBSERVATION_SPACE = Box.of(
            new float[] {-1, -1, -1, -1, (float) -MAX_VEL_1, (float) -MAX_VEL_2},
            new float[] {1, 1, 1, 1, (float) MAX_VEL_1, (float) MAX_VEL_2});

    /** theta1, theta2, dtheta1, dtheta2 (NumPy float64). */
    private final double[] state = new double[4];
    /** True between reset and the first step, while Gymnasium's state array is float32. */
    private boolean stateIsFloat32;
    // RK4 scratch, reused every step
    private final double[] k1 = new double[4];
    private final double[] k2 = new double[4];
    private final double[] k3 = new double[4];
    private final double[] k4 = new double[4];
    private final double[] tmp = new double[4];

    /** Acrobot-v1 (it takes no options). */
    public Acrobot() {
    }

    /**
     * For the registry: Acrobot reads no keyword arguments, so the registry rejects any given
     * ({@link Kwargs#checkAllUsed()}).
     */
    public Acrobot(Kwargs kwargs) {
        Objects.requireNonNull(kwargs, "kwargs");
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected Reset<float[]> doReset() {
        for (int i = 0; i < 4; i++) {
            state[i] = (float) rng.nextDouble(-0.1, 0.1); // uniform(...).astype(np.float32)
        }
        stateIsFloat32 = true;
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        double torque = AVAIL_TORQUE[action];
        rk4(torque);
        state[0] = wrap(state[0], -Math.PI, Math.PI);
        state[1] = wrap(state[1], -Math.PI, Math.PI);
        state[2] = bound(state[2], -MAX_VEL_1, MAX_VEL_1);
        state[3] = bound(state[3], -MAX_VEL_2, MAX_VEL_2);
        stateIsFloat32 = false; // np.append(s, torque) made the state float64
        boolean terminated = terminal();
        double reward = terminated ? 0.0 : -1.0;
        return Step.of(observation(), reward, terminated, false);
    }

    /** One RK4 step of length {@link #DT} from {@link #state}, in place (Gymnasium's {@code rk4}). */
    private void rk4(double torque) {
        double dt = DT;
        double dt2 = dt / 2.0;
        // The augmented 5th component (the torque) has derivative 0.0, so it stays exactly `torque`.
        dsdt(state, torque, k1);
        for (int i = 0; i < 4; i++) {
            tmp[i] = state[i] + dt2 * k1[i];
        }
        dsdt(tmp, torque, k2);
        for (int i = 0; i < 4; i++) {
            tmp[i] = state[i] + dt2 * k2[i];
        }
        dsdt(tmp, torque, k3);
        for (int i = 0; i < 4; i++) {
            tmp[i] = state[i] + dt * k3[i];
        }
        dsdt(tmp, torque, k4);
        double dt6 = dt / 6.0;
        for (int i = 0; i < 4; i++) {
            state[i] = state[i] + dt6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }

    /**
     * Time derivative of {@code s} under torque {@code a} (Gymnasium's {@code _dsdt}, book
     * equations), written to {@code out}. Every operation is in Python's evaluation order; the
     * constant factors are exact (1, 0.5, 0.25), {@code **2} on variables is glibc's pow.
     */
    static void dsdt(double[] s, double a, double[] out) {
        double m1 = LINK_MASS_1;
        double m2 = LINK_MASS_2;
        double l1 = LINK_LENGTH_1;
        double lc1 = LINK_COM_POS_1;
        double lc2 = LINK_COM_POS_2;
        double i1 = LINK_MOI;
        double i2 = LINK_MOI;
        double g = G;
        double theta1 = s[0];
        double theta2 = s[1];
        double dtheta1 = s[2];
        double dtheta2 = s[3];
        double cos2 = GlibcMath.cos(theta2);
        double sin2 = GlibcMath.sin(theta2);
        double d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos2) + i1 + i2;
        double d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos2) + i2;
        double phi2 = m2 * lc2 * g * GlibcMath.cos(theta1 + theta2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * GlibcMath.squareViaPow(dtheta2) * sin2
                - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * sin2
                + (m1 * lc1 + m2 * l1) * g * GlibcMath.cos(theta1 - Math.PI / 2)
                + phi2;
        double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * GlibcMath.squareViaPow(dtheta1) * sin2 - phi2)
                / (m2 * (lc2 * lc2) + i2 - GlibcMath.squareViaPow(d2) / d1);
        double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
        out[0] = dtheta1;
        out[1] = dtheta2;
        out[2] = ddtheta1;
        out[3] = ddtheta2;
    }

    /** Gymnasium's {@code wrap}: shifts x by whole periods (M - m) into [m, M]. */
    static double wrap(double x, double m, double bigM) {
        double diff = bigM - m;
        while (x > bigM) {
            x = x - diff;
        }
        while (x < m) {
            x = x + diff;
        }
        return x;
    }

    /** Gymnasium's {@code bound}: Python's {@code min(max(x, m), M)}, NaN passing through. */
    static double bound(double x, double m, double bigM) {
        double y = m > x ? m : x;
        return bigM < y ? bigM : y;
    }

    private boolean terminal() {
        return -GlibcMath.cos(state[0]) - GlibcMath.cos(state[1] + state[0]) > 1.0;
    }

    private float[] observation() {
        float[] obs = new float[6];
        if (stateIsFloat32) { // np.cos on a float32 scalar runs NumPy's float32 kernel
            obs[0] = NumpyFloat32.cos((float) state[0]);
            obs[1] = NumpyFloat32.sin((float) state[0]);
            obs[2] = NumpyFloat32.cos((float) state[1]);
            obs[3] = NumpyFloat32.sin((float) state[1]);
        } else {
            obs[0] = (float) GlibcMath.cos(state[0]);
            obs[1] = (float) GlibcMath.sin(state[0]);
            obs[2] = (float) GlibcMath.cos(state[1]);
            obs[3] = (float) GlibcMath.sin(state[1]);
        }
        obs[4] = (float) state[2];
        obs[5] = (float) state[3];
        return obs;
    }

    /** A copy of the state {theta1, theta2, dtheta1, dtheta2} (for parity tests and checkpoints). */
    public double[] state() {
        return state.clone();
    }

    /**
     * Replaces the state with {theta1, theta2, dtheta1, dtheta2}, like assigning
     * {@code env.unwrapped.state} in Gymnasium (float64). Values must be finite; they are not
     * wrapped or clipped. Call after a reset: the next {@link #step} continues from here.
     */
    public void setState(double[] s) {
        if (s == null || s.length != 4) {
            throw new IllegalArgumentException("Acrobot state must have 4 values {theta1, theta2, dtheta1, dtheta2}, got "
                    + (s == null ? "null" : s.length + " values " + Arrays.toString(s)));
        }
        for (int i = 0; i < 4; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("Acrobot state value " + i + " must be finite, got " + s[i]);
            }
        }
        System.arraycopy(s, 0, state, 0, 4);
        stateIsFloat32 = false;
    }
}
