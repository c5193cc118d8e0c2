package org.deeprl4j.env.classic;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * The cart-pole balancing task of Barto, Sutton and Anderson, "Neuronlike adaptive elements that
 * can solve difficult learning control problems" (1983): Gymnasium 1.x's {@code CartPoleEnv}
 * ({@code gymnasium/envs/classic_control/cartpole.py}), the same to the last float. Registered as
 * {@code CartPole-v0} and {@code CartPole-v1}, which differ only in their time limit.
 *
 * <p>A pole is attached by an un-actuated joint to a cart moving along a frictionless track. The
 * pole starts upright; the agent pushes the cart left or right to keep it balanced.
 *
 * <h2>Action space</h2>
 * {@code Discrete(2)}: the direction of the fixed force (10 N) pushing the cart.
 * <pre>
 * | Num | Action                 |
 * |-----|------------------------|
 * | 0   | Push cart to the left  |
 * | 1   | Push cart to the right |
 * </pre>
 * How much the push changes the velocity depends on the pole's angle.
 *
 * <h2>Observation space</h2>
 * {@code Box(low, high, (4,), float32)}, {@code high = [4.8, inf, 0.41887903, inf]},
 * {@code low = -high}:
 * <pre>
 * | Num | Observation           | Min                 | Max               |
 * |-----|-----------------------|---------------------|-------------------|
 * | 0   | Cart Position         | -4.8                | 4.8               |
 * | 1   | Cart Velocity         | -Inf                | Inf               |
 * | 2   | Pole Angle            | ~ -0.418 rad (-24°) | ~ 0.418 rad (24°) |
 * | 3   | Pole Angular Velocity | -Inf                | Inf               |
 * </pre>
 * The bounds are twice the termination thresholds, so the terminal observation stays inside:
 * the episode terminates when the cart leaves (-2.4, 2.4) or the angle leaves (-.2095, .2095)
 * rad (±12°). (Gymnasium 1.x bounds the velocities by ±inf; older versions used the float32
 * maximum, ±3.4028235e38.)
 *
 * <h2>Transition</h2>
 * The equations of motion of Florian, "Correct equations for the dynamics of the cart-pole
 * system" (2007), integrated over {@code tau = 0.02} s with explicit Euler (default; position
 * and angle use the old velocities) or semi-implicit Euler (velocities first). The state is kept
 * in float64; each observation is that state cast to float32. Gymnasium's {@code np.cos} and
 * {@code np.sin} (the C library's) are reproduced bit for bit by {@link GlibcMath}.
 *
 * <h2>Rewards</h2>
 * +1 for every step, including the terminating step; the return is the episode length (reward
 * threshold 195 for v0, 475 for v1). With {@code sutton_barto_reward=true}: 0 for every
 * non-terminating step and -1 for the terminating step.
 *
 * <h2>Starting state</h2>
 * All four state variables uniform in [-0.05, 0.05), drawn from the environment's generator
 * (same distribution as Gymnasium; the numbers differ from NumPy's).
 *
 * <h2>Episode end</h2>
 * <ol>
 * <li>Termination: the pole angle is outside ±12° (±0.2094 rad).</li>
 * <li>Termination: the cart position is outside ±2.4 (the cart's centre reaches the display edge).</li>
 * <li>Truncation (registry's {@code TimeLimit}): 200 steps for v0, 500 for v1.</li>
 * </ol>
 * Stepping after termination without a reset is an error here (Gymnasium warns and returns
 * reward 0).
 *
 * <h2>Arguments</h2>
 * <ul>
 * <li>{@code sutton_barto_reward} (boolean, default false): the reward above.</li>
 * <li>{@code kinematics_integrator} ({@code "euler"} (default) or {@code "semi-implicit euler"}):
 * Gymnasium's attribute of the same name, settable here at construction.</li>
 * </ul>
 * Gymnasium's reset options ({@code low}/{@code high} of the start distribution) are not supported;
 * use {@link #setState(double[])} to start from a chosen state.
 *
 * <h2>Version history</h2>
 * v1: time limit raised to 500; Gymnasium 1.0.0a2 added {@code sutton_barto_reward}. v0: initial
 * version.
 */
public final class CartPole extends BaseEnv<float[], Integer> {
    /** {@code kinematics_integrator} value for explicit Euler (the default). */
    public static final String EULER = "euler";
    /** {@code kinematics_integrator} value for semi-implicit (symplectic) Euler. */
    public static final String SEMI_IMPLICIT_EULER = "semi-implicit euler";

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_POLE + MASS_CART;
    /** Half the pole's length. */
    static final double LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE_MAG = 10.0;
    /** Seconds between state updates. */
    static final double TAU = 0.02;
    /** Angle beyond which the episode terminates: 12 degrees, computed as Gymnasium does. */
    public static final double THETA_THRESHOLD_RADIANS = 12 * 2 * Math.PI / 360;
    /** Cart position beyond which the episode terminates. */
    public static final double X_THRESHOLD = 2.4;

    private static final Discrete ACTION_SPACE = new Discrete(2);
    private static final Box<float[]> OBSERVATION_SPACE = observationBox();

    private final boolean suttonBartoReward;
    private final boolean semiImplicit;
    private double x;
    private double xDot;
    private double theta;
    private double thetaDot;
    private boolean hasState;

    /** Gymnasium's defaults: reward +1 per step, explicit Euler. */
    public CartPole() {
        this(Kwargs.empty("CartPole"));
    }

    /**
     * Reads {@code sutton_barto_reward} (boolean) and {@code kinematics_integrator}
     * ({@value #EULER} or {@value #SEMI_IMPLICIT_EULER}).
     *
     * @throws IllegalArgumentException for a value of the wrong type or an unknown integrator
     */
    public CartPole(Kwargs kwargs) {
        this.suttonBartoReward = kwargs.getBoolean("sutton_barto_reward", false);
        String integrator = kwargs.getString("kinematics_integrator", EULER);
        if (!EULER.equals(integrator) && !SEMI_IMPLICIT_EULER.equals(integrator)) {
            throw new IllegalArgumentException("CartPole: kinematics_integrator must be \"" + EULER + "\" or \""
                    + SEMI_IMPLICIT_EULER + "\", got \"" + integrator + "\"");
        }
        this.semiImplicit = SEMI_IMPLICIT_EULER.equals(integrator);
    }

    private static Box<float[]> observationBox() {
        float[] high = {
            (float) (X_THRESHOLD * 2), Float.POSITIVE_INFINITY,
            (float) (THETA_THRESHOLD_RADIANS * 2), Float.POSITIVE_INFINITY
        };
        float[] low = new float[high.length];
        for (int i = 0; i < high.length; i++) {
            low[i] = -high[i];
        }
        return Box.of(low, high);
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    /** Whether the Sutton-Barto reward (0 per step, -1 on termination) is used. */
    public boolean suttonBartoReward() {
        return suttonBartoReward;
    }

    /** The integrator: {@value #EULER} or {@value #SEMI_IMPLICIT_EULER}. */
    public String kinematicsIntegrator() {
        return semiImplicit ? SEMI_IMPLICIT_EULER : EULER;
    }

    @Override
    protected Reset<float[]> doReset() {
        x = rng.nextDouble(-0.05, 0.05);
        xDot = rng.nextDouble(-0.05, 0.05);
        theta = rng.nextDouble(-0.05, 0.05);
        thetaDot = rng.nextDouble(-0.05, 0.05);
        hasState = true;
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        double force = action == 1 ? FORCE_MAG : -FORCE_MAG;
        double costheta = GlibcMath.cos(theta); // np.cos / np.sin on float64 call the C library
        double sintheta = GlibcMath.sin(theta);
        // Same operations in the same order as Gymnasium (float64 throughout).
        double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sintheta) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sintheta - costheta * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * (costheta * costheta) / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * costheta / TOTAL_MASS;
        if (semiImplicit) {
            xDot = xDot + TAU * xAcc;
            x = x + TAU * xDot;
            thetaDot = thetaDot + TAU * thetaAcc;
            theta = theta + TAU * thetaDot;
        } else {
            x = x + TAU * xDot;
            xDot = xDot + TAU * xAcc;
            theta = theta + TAU * thetaDot;
            thetaDot = thetaDot + TAU * thetaAcc;
        }
        boolean terminated = x < -X_THRESHOLD || x > X_THRESHOLD
                || theta < -THETA_THRESHOLD_RADIANS || theta > THETA_THRESHOLD_RADIANS;
        double reward = suttonBartoReward ? (terminated ? -1.0 : 0.0) : 1.0;
        return Step.of(observation(), reward, terminated, false);
    }

    /** The state cast to float32, as {@code np.array(self.state, dtype=np.float32)}. */
    private float[] observation() {
        return new float[] {(float) x, (float) xDot, (float) theta, (float) thetaDot};
    }

    /**
     * A copy of the physics state {@code [x, x_dot, theta, theta_dot]} in float64 (Gymnasium's
     * {@code env.unwrapped.state}).
     *
     * @throws IllegalStateException before the first reset or {@link #setState}
     */
    public double[] state() {
        if (!hasState) {
            throw new IllegalStateException("CartPole: no state yet; call reset() first");
        }
        return new double[] {x, xDot, theta, thetaDot};
    }

    /**
     * Replaces the physics state {@code [x, x_dot, theta, theta_dot]}, like assigning Gymnasium's
     * {@code env.unwrapped.state}; the next {@link #step} starts from it. It does not change the
     * episode's status (a terminated episode still needs a reset, and reset draws a new state).
     *
     * @throws IllegalArgumentException unless {@code s} holds 4 finite numbers
     */
    public void setState(double[] s) {
        if (s == null || s.length != 4) {
            throw new IllegalArgumentException("CartPole: state must have 4 elements [x, x_dot, theta, theta_dot], got "
                    + (s == null ? "null" : s.length + " elements"));
        }
        for (int i = 0; i < 4; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException("CartPole: state element " + i + " must be finite, got " + s[i]);
            }
        }
        x = s[0];
        xDot = s[1];
        theta = s[2];
        thetaDot = s[3];
        hasState = true;
    }
}
