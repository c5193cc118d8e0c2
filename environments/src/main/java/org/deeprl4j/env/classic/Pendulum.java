package org.deeprl4j.env.classic;

import java.util.Arrays;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Pendulum: Gymnasium's {@code Pendulum-v1} ({@code gymnasium/envs/classic_control/pendulum.py}),
 * reproduced to the last float.
 *
 * <p>The inverted pendulum swing-up: a pendulum hangs from a fixed pivot; torque applied at the
 * pivot must swing it upright (theta = 0, centre of gravity above the pivot) and keep it there.
 * Explicit (semi-implicit Euler) integration with {@code dt = 0.05} s, {@code m = l = 1}.
 *
 * <h2>Action space</h2>
 * {@code Box(-2.0, 2.0, (1,), float32)}: the torque (N m, positive counter-clockwise). The
 * dynamics clip it to [-max_torque, max_torque] = [-2, 2] as Gymnasium does; {@link #step}
 * rejects actions outside the space before that ({@link org.deeprl4j.env.InvalidActionException}).
 *
 * <h2>Observation space</h2>
 * {@code Box([-1, -1, -8], [1, 1, 8], (3,), float32)}:
 * <table>
 * <caption>Observation</caption>
 * <tr><th>Num</th><th>Observation</th><th>Min</th><th>Max</th></tr>
 * <tr><td>0</td><td>x = cos(theta)</td><td>-1.0</td><td>1.0</td></tr>
 * <tr><td>1</td><td>y = sin(theta)</td><td>-1.0</td><td>1.0</td></tr>
 * <tr><td>2</td><td>angular velocity</td><td>-8.0</td><td>8.0</td></tr>
 * </table>
 *
 * <h2>Rewards</h2>
 * {@code r = -(theta^2 + 0.1 * theta_dt^2 + 0.001 * torque^2)}, theta normalised to [-pi, pi)
 * (0 = upright), computed from the state before the step. Minimum
 * {@code -(pi^2 + 0.1 * 8^2 + 0.001 * 2^2) = -16.2736044}, maximum 0.
 *
 * <h2>Starting state</h2>
 * theta uniform in [-pi, pi], angular velocity uniform in [-1, 1] (float64). Reset options
 * {@code x_init}/{@code y_init} are not supported.
 *
 * <h2>Episode end</h2>
 * Never terminates. Truncation: 200 steps, applied by the registry's {@code TimeLimit} for
 * {@code Pendulum-v1}.
 *
 * <h2>Arguments</h2>
 * {@code g}: gravity in m/s^2, default 10.0 ({@code Envs.make("Pendulum-v1", Map.of("g", 9.81))}).
 *
 * <h2>Version notes</h2>
 * v1: simplified equations, same behaviour as v0. Floats follow NumPy 2 (NEP 50): the float32
 * torque stays float32 in {@code 3.0 * u} and {@code 0.001 * u**2} ({@code u**2} is glibc's
 * {@code powf}); {@code sin}/{@code cos} and {@code x**2} on float64 are glibc's
 * ({@link GlibcMath}). Under NumPy 1.x those torque terms were float64, which changes the last
 * bits of some rewards and velocities.
 */
public final class Pendulum extends BaseEnv<float[], float[]> {
    public static final double MAX_SPEED = 8;
    public static final float MAX_TORQUE = 2.0f;
    public static final double DT = 0.05;
    public static final double DEFAULT_G = 10.0;
    public static final double M = 1.0;
    public static final double L = 1.0;

    private static final Box<float[]> ACTION_SPACE = Box.of(-MAX_TORQUE, MAX_TORQUE, 1);
    private static final Box<float[]> OBSERVATION_SPACE = Box.of(
            new float[] {-1.0f, -1.0f, (float) -MAX_SPEED}, new float[] {1.0f, 1.0f, (float) MAX_SPEED});

    private final double g;
    /** theta (not normalised) and its time derivative, float64. */
    private final double[] state = new double[2];

    /** Pendulum-v1 with g = 10. */
    public Pendulum() {
        this.g = DEFAULT_G;
    }

    /** For the registry: reads {@code g} (default 10.0); it must be finite. */
    public Pendulum(Kwargs kwargs) {
        double gravity = kwargs.getDouble("g", DEFAULT_G);
        if (!Double.isFinite(gravity)) {
            throw new IllegalArgumentException("keyword argument 'g' of Pendulum must be finite, got " + gravity);
        }
        this.g = gravity;
    }

    /** The gravity this pendulum uses. */
    public double g() {
        return g;
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<float[]> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected Reset<float[]> doReset() {
        state[0] = rng.nextDouble(-Math.PI, Math.PI);
        state[1] = rng.nextDouble(-1.0, 1.0);
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        double reward = dynamics(state, action[0], g);
        return Step.of(observation(), reward, false, false);
    }

    /**
     * One step of Gymnasium's {@code PendulumEnv.step} on {@code state = {th, thdot}}, in place;
     * returns the reward. {@code u} is the float32 torque, clipped here. Mirrors NumPy 2's dtypes:
     * {@code u}, {@code u**2}, {@code 0.001 * u**2} and {@code 3.0 * u} are float32, the rest
     * float64.
     */
    static double dynamics(double[] state, float u, double g) {
        double th = state[0];
        double thdot = state[1];
        double m = M;
        double l = L;
        double dt = DT;
        u = Math.min(Math.max(u, -MAX_TORQUE), MAX_TORQUE); // np.clip(u, -2.0, 2.0)[0], float32
        float torqueCost = 0.001f * GlibcMath.squareViaPowf(u); // float32 * float32
        double costs = GlibcMath.squareViaPow(angleNormalize(th)) + 0.1 * GlibcMath.squareViaPow(thdot) + torqueCost;
        float torqueTerm = (float) (3.0 / (m * (l * l))) * u; // 3.0 / (m * l**2) * u stays float32
        double newthdot = thdot + (3 * g / (2 * l) * GlibcMath.sin(th) + torqueTerm) * dt;
        newthdot = Math.min(Math.max(newthdot, -MAX_SPEED), MAX_SPEED);
        double newth = th + newthdot * dt;
        state[0] = newth;
        state[1] = newthdot;
        return -costs;
    }

    /**
     * Gymnasium's {@code angle_normalize}: {@code ((x + pi) % (2 pi)) - pi}, with NumPy's
     * floor-style remainder (sign of the divisor), so the result lies in [-pi, pi).
     */
    static double angleNormalize(double x) {
        double twoPi = 2 * Math.PI;
        double a = x + Math.PI;
        double mod = a % twoPi; // C fmod: exact
        if (mod != 0) {
            if ((twoPi < 0) != (mod < 0)) {
                mod += twoPi;
            }
        } else {
            mod = 0.0; // copysign(0, 2 pi)
        }
        return mod - Math.PI;
    }

    private float[] observation() {
        return new float[] {(float) GlibcMath.cos(state[0]), (float) GlibcMath.sin(state[0]), (float) state[1]};
    }

    /** A copy of the state {theta, theta_dot} (theta is not normalised). */
    public double[] state() {
        return state.clone();
    }

    /**
     * Replaces the state with {theta, theta_dot}, like assigning {@code env.unwrapped.state} in
     * Gymnasium. Values must be finite; they are not normalised or clipped. Call after a reset.
     */
    public void setState(double[] s) {
        if (s == null || s.length != 2) {
            throw new IllegalArgumentException("Pendulum state must have 2 values {theta, theta_dot}, got "
                    + (s == null ? "null" : s.length + " values " + Arrays.toString(s)));
        }
        for (int i = 0; i < 2; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("Pendulum state value " + i + " must be finite, got " + s[i]);
            }
        }
        System.arraycopy(s, 0, state, 0, 2);
    }
}
