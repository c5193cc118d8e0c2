package org.deeprl4j.env.classic;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * Mountain car with discrete actions (Moore, "Efficient memory-based learning for robot control",
 * 1990): Gymnasium 1.x's {@code MountainCarEnv} ({@code gymnasium/envs/classic_control/mountain_car.py}),
 * the same to the last float. Registered as {@code MountainCar-v0}.
 *
 * <p>A car starts at the bottom of a sinusoidal valley and must reach the flag on top of the right
 * hill. Its engine is too weak to drive straight up: it has to build momentum by rocking back
 * and forth.
 *
 * <h2>Action space</h2>
 * {@code Discrete(3)}:
 * <pre>
 * | Num | Action                  |
 * |-----|-------------------------|
 * | 0   | Accelerate to the left  |
 * | 1   | Don't accelerate        |
 * | 2   | Accelerate to the right |
 * </pre>
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
 * In float64, in this order:
 * <pre>
 * velocity = clip(velocity + (action - 1) * 0.001 + cos(3 * position) * (-0.0025), -0.07, 0.07)
 * position = clip(position + velocity, -1.2, 0.6)
 * if position == -1.2 and velocity &lt; 0: velocity = 0     (inelastic collision with the left wall)
 * </pre>
 * The observation is the state cast to float32. Gymnasium's {@code math.cos} (the C library's)
 * is reproduced bit for bit by {@link GlibcMath}.
 *
 * <h2>Rewards</h2>
 * -1 for every step, including the terminating one (reward threshold -110).
 *
 * <h2>Starting state</h2>
 * Position uniform in [-0.6, -0.4), drawn from the environment's generator (Gymnasium's
 * distribution, different numbers); velocity 0.
 *
 * <h2>Episode end</h2>
 * <ol>
 * <li>Termination: {@code position >= 0.5} (the goal on top of the right hill) and
 * {@code velocity >= goal_velocity}.</li>
 * <li>Truncation (registry's {@code TimeLimit}): 200 steps.</li>
 * </ol>
 *
 * <h2>Arguments</h2>
 * {@code goal_velocity} (number, default 0, not NaN): the minimum velocity at the goal.
 * Gymnasium's reset options are not supported; use {@link #setState(double[])}.
 *
 * <h2>Version history</h2>
 * v0: initial version.
 */
public final class MountainCar extends BaseEnv<float[], Integer> {
    static final double MIN_POSITION = -1.2;
    static final double MAX_POSITION = 0.6;
    static final double MAX_SPEED = 0.07;
    static final double GOAL_POSITION = 0.5;
    static final double FORCE = 0.001;
    static final double GRAVITY = 0.0025;

    private static final Discrete ACTION_SPACE = new Discrete(3);
    private static final Box<float[]> OBSERVATION_SPACE = Box.of(
            new float[] {(float) MIN_POSITION, (float) -MAX_SPEED},
            new float[] {(float) MAX_POSITION, (float) MAX_SPEED});

    private final double goalVelocity;
    private double position;
    private double velocity;
    private boolean hasState;

    /** Gymnasium's default: {@code goal_velocity = 0}. */
    public MountainCar() {
        this(Kwargs.empty("MountainCar"));
    }

    /**
     * Reads {@code goal_velocity} (number, not NaN).
     *
     * @throws IllegalArgumentException for a non-number or NaN
     */
    public MountainCar(Kwargs kwargs) {
        this.goalVelocity = kwargs.getDouble("goal_velocity", 0.0);
        if (Double.isNaN(goalVelocity)) {
            throw new IllegalArgumentException("MountainCar: goal_velocity must be a number, got NaN");
        }
    }

    @Override
    public Space<float[]> observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
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
        hasState = true;
        return Reset.of(observation());
    }

    @Override
    protected Step<float[]> doStep(Integer action) {
        // velocity += (action - 1) * force + math.cos(3 * position) * (-gravity): right side first
        velocity = velocity + ((action - 1) * FORCE + GlibcMath.cos(3 * position) * (-GRAVITY));
        velocity = Math.min(Math.max(velocity, -MAX_SPEED), MAX_SPEED); // np.clip
        position = position + velocity;
        position = Math.min(Math.max(position, MIN_POSITION), MAX_POSITION);
        if (position == MIN_POSITION && velocity < 0) {
            velocity = 0.0;
        }
        boolean terminated = position >= GOAL_POSITION && velocity >= goalVelocity;
        return Step.of(observation(), -1.0, terminated, false);
    }

    private float[] observation() {
        return new float[] {(float) position, (float) velocity};
    }

    /**
     * A copy of the physics state {@code [position, velocity]} in float64 (Gymnasium's
     * {@code env.unwrapped.state}).
     *
     * @throws IllegalStateException before the first reset or {@link #setState}
     */
    public double[] state() {
        if (!hasState) {
            throw new IllegalStateException("MountainCar: no state yet; call reset() first");
        }
        return new double[] {position, velocity};
    }

    /**
     * Replaces the physics state {@code [position, velocity]}, like assigning Gymnasium's
     * {@code env.unwrapped.state}; the next {@link #step} starts from it. Values are not clipped
     * (neither are Gymnasium's). It does not change the episode's status.
     *
     * @throws IllegalArgumentException unless {@code s} holds 2 finite numbers
     */
    public void setState(double[] s) {
        checkState("MountainCar", s);
        position = s[0];
        velocity = s[1];
        hasState = true;
    }

    /** Validates a {@code [position, velocity]} state. */
    static void checkState(String env, double[] s) {
        if (s == null || s.length != 2) {
            throw new IllegalArgumentException(env + ": state must have 2 elements [position, velocity], got "
                    + (s == null ? "null" : s.length + " elements"));
        }
        for (int i = 0; i < 2; i++) {
            if (!Double.isFinite(s[i])) {
                throw new IllegalArgumentException(env + ": state element " + i + " must be finite, got " + s[i]);
            }
        }
    }
}
