package org.deeprl4j.env.classic;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Mountain car with a continuous engine force: Gymnasium 1.x's {@code Continuous_MountainCarEnv}
 * ({@code gymnasium/envs/classic_control/continuous_mountain_car.py}), the same to the last float
 * under NumPy 2. Registered as {@code MountainCarContinuous-v0}.
 *
 * <p>A car starts at the bottom of a sinusoidal valley and must reach the flag on top of the
 * right hill, building momentum because its engine is too weak to drive straight up, while
 * paying for the force it uses.
 *
 * <h2>Action space</h2>
 * {@code Box(-1, 1, (1,), float32)}: the force applied to the car, multiplied by a power of
 * 0.0015. (Gymnasium also accepts actions outside the box and clips them; here they are rejected
 * with {@link org.deeprl4j.env.InvalidActionException} like any action outside the space.)
 *
 * <h2>Observation space</h2>
 * {@code Box([-1.2, -0.07], [0.6, 0.07], (2,), float32)}:
 * <pre>
 * | Num | Observation                          | Min   | Max  | Unit         |
 * |-----|--------------------------------------|-------|------|--------------|
 * | 0   | position of the car along the x-axis | -1.2  | 0.6  | position (m) |
 * | 1   | velocity of the car                  | -0.07 | 0.07 | velocity (v) |
 * </pre>
 *
 * <h2>Transition</h2>
 * <pre>
 * force    = min(max(action, -1), 1)
 * velocity = velocity + force * 0.0015 - 0.0025 * cos(3 * position), then limited to [-0.07, 0.07]
 * position = position + velocity, then limited to [-1.2, 0.6]
 * if position == -1.2 and velocity &lt; 0: velocity = 0     (inelastic collision with the left wall)
 * </pre>
 * Gymnasium stores this state as float32 after every step, and NumPy 2 (NEP 50) then computes in
 * float32 wherever a float32 scalar meets a Python number. This class reproduces that exactly:
 * {@code force * 0.0015} is a float32 product, {@code 0.0025 * cos(...)} is computed in float64
 * and rounded to float32 before the float32 subtraction, the first step after a reset (whose
 * state is float64) adds in float64, later steps in float32, and the limits compare in float32.
 * (NumPy 1.x promoted these mixed scalar operations to float64, so its last bits can differ.)
 * Gymnasium's {@code math.cos} (the C library's) is reproduced bit for bit by {@link GlibcMath}.
 *
 * <h2>Rewards</h2>
 * {@code -0.1 * action^2} every step, plus 100 on the step that reaches the goal (reward
 * threshold 90).
 *
 * <h2>Starting state</h2>
 * Position uniform in [-0.6, -0.4), drawn from the environment's generator (Gymnasium's
 * distribution, different numbers); velocity 0.
 *
 * <h2>Episode end</h2>
 * <ol>
 * <li>Termination: {@code position >= 0.45} (the goal on top of the right hill) and
 * {@code velocity >= goal_velocity}.</li>
 * <li>Truncation (registry's {@code TimeLimit}): 999 steps.</li>
 * </ol>
 *
 * <h2>Arguments</h2>
 * {@code goal_velocity} (number, default 0, not NaN): the minimum velocity at the goal.
 * Gymnasium's reset options are not supported; use {@link #setState(double[])}.
 *
 * <h2>Version history</h2>
 * v0: initial version.
 */
public final class MountainCarContinuous extends BaseEnv<float[], float[]> {
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.45;
    static final double POWER = 0.0015;

    private static final Box<float[]> ACTION_SPACE = Box.of(-1f, 1f, 1);
    private static final Box<float[]> OBSERVATION_SPACE = Box.of(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private final double goalVelocity;
    private double position;
    private double velocity;
    /** True once a step has stored the state as float32; false after reset and setState (float64). */
    private boolean float32State;
    private boolean hasState;

    /** Gymnasium's default: {@code goal_velocity = 0}. */
    public MountainCarContinuous() {
        this(Kwargs.empty("MountainCarContinuous"));
    }

    /**
     * Reads {@code goal_velocity} (number, not NaN).
     *
     * @throws IllegalArgumentException for a non-number or NaN
     */
    public MountainCarContinuous(Kwargs kwargs) {
        this.goalVelocity = kwargs.getDouble("goal_velocity", 0.0);
        if (Double.isNaN(goalVelocity)) {
            throw new IllegalArgumentException("MountainCarContinuous: goal_velocity must be a number, got NaN");
        }
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<float[]> actionSpace() {
        return ACTION_SPACE;
    }

    /** The minimum velocity at the goal for termination. */
    public double goalVelocity() {
        return goalVelocity;
    }

    @Override
    protected Reset<float[]> doReset() {
        position = rng.nextDouble(-0.6, -0.4);
        velocity = 0.0;
        float32State = false;
        hasState = true;
        return Reset.of(new float[] {(float) position, (float) velocity});
    }

    @Override
    protected Step<float[]> doStep(float[] action) {
        float a = action[0];
        float force = Math.min(Math.max(a, -1f), 1f);
        float forcePower = force * (float) POWER; // float32 * Python float -> float32 (NEP 50)
        boolean terminated = float32State ? stepFloat32(forcePower) : stepFloat64(forcePower);
        float32State = true; // self.state = np.array([position, velocity], dtype=np.float32)
        position = (float) position;
        velocity = (float) velocity;
        double reward = (terminated ? 100.0 : 0.0) - (double) a * a * 0.1; // reward -= math.pow(action[0], 2) * 0.1
        return Step.of(new float[] {(float) position, (float) velocity}, reward, terminated, false);
    }

    /** The first step after reset/setState (float64 scalars); updates the state, returns terminated. */
    private boolean stepFloat64(float forcePower) {
        double c = 0.0025 * GlibcMath.cos(3 * position);
        float dv = forcePower - (float) c; // float32 - Python float -> float32
        double v = velocity + dv; // float64 += float32 -> float64
        if (v > MAX_SPEED) {
            v = MAX_SPEED;
        }
        if (v < -MAX_SPEED) {
            v = -MAX_SPEED;
        }
        double p = position + v;
        if (p > MAX_POSITION) {
            p = MAX_POSITION;
        }
        if (p < MIN_POSITION) {
            p = MIN_POSITION;
        }
        if (p == MIN_POSITION && v < 0) {
            v = 0;
        }
        position = p;
        velocity = v;
        return p >= GOAL_POSITION && v >= goalVelocity;
    }

    /**
     * Later steps: position and velocity are float32 scalars; a value assigned from a limit
     * ({@code velocity = self.max_speed}) becomes a Python float, compared in float64. Updates the
     * state, returns terminated.
     */
    private boolean stepFloat32(float forcePower) {
        float p32 = (float) position;
        double c = 0.0025 * GlibcMath.cos(3f * p32); // 3 * float32 -> float32; math.cos in float64
        float v32 = (float) velocity + (forcePower - (float) c);
        double v = v32;
        boolean vFloat32 = true;
        if (v32 > (float) MAX_SPEED) {
            v = MAX_SPEED;
            vFloat32 = false;
        } else if (v32 < (float) -MAX_SPEED) {
            v = -MAX_SPEED;
            vFloat32 = false;
        }
        float pSum = p32 + (float) v; // float32 + (float32 or Python float) -> float32
        double p = pSum;
        boolean pFloat32 = true;
        if (pSum > (float) MAX_POSITION) {
            p = MAX_POSITION;
            pFloat32 = false;
        } else if (pSum < (float) MIN_POSITION) {
            p = MIN_POSITION;
            pFloat32 = false;
        }
        boolean atWall = pFloat32 ? pSum == (float) MIN_POSITION : p == MIN_POSITION;
        if (atWall && v < 0) {
            v = 0;
            vFloat32 = false;
        }
        boolean atGoal = pFloat32 ? pSum >= (float) GOAL_POSITION : p >= GOAL_POSITION;
        boolean fastEnough = vFloat32 ? (float) v >= (float) goalVelocity : v >= goalVelocity;
        position = p;
        velocity = v;
        return atGoal && fastEnough;
    }

    /**
     * A copy of the physics state {@code [position, velocity]}: float64 after reset or
     * {@link #setState}, float32 values (exactly representable) after a step, as in Gymnasium.
     *
     * @throws IllegalStateException before the first reset or {@link #setState}
     */
    public double[] state() {
        if (!hasState) {
            throw new IllegalStateException("MountainCarContinuous: no state yet; call reset() first");
        }
        return new double[] {position, velocity};
    }

    /**
     * Replaces the physics state {@code [position, velocity]}, like assigning a float64 array to
     * Gymnasium's {@code env.unwrapped.state}: the next step computes as the first step after a
     * reset. Values are not clipped. It does not change the episode's status.
     *
     * @throws IllegalArgumentException unless {@code s} holds 2 finite numbers
     */
    public void setState(double[] s) {
        MountainCar.checkState("MountainCarContinuous", s);
        position = s[0];
        velocity = s[1];
        float32State = false;
        hasState = true;
    }
}
