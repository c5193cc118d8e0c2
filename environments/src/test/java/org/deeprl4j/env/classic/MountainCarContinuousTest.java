package org.deeprl4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.check.EnvChecker;
import org.deeprl4j.env.spaces.Box;
import org.junit.jupiter.api.Test;

/**
 * Expected numbers come from Gymnasium 1.x's {@code Continuous_MountainCarEnv.step} transcribed
 * line by line and run under Python 3.11, NumPy 2.4.6 (NEP 50 promotion), glibc 2.36 on x86-64,
 * with float32 actions; shortest round-trip decimals, so equality is exact. After the first step
 * Gymnasium's state is float32, and NumPy 2 keeps {@code float32 op Python float} in float32:
 * <pre>
 * velocity(f32) += f32(force * f32(0.0015)) - f32(0.0025 * cos(f32(3 * position)))
 * reward = [100 if terminated] - a * a * 0.1      (float64)
 * </pre>
 */
class MountainCarContinuousTest {

    private static MountainCarContinuous withGoalVelocity(double v) {
        return new MountainCarContinuous(new Kwargs("MountainCarContinuous-v0", Map.of("goal_velocity", v)));
    }

    private static MountainCarContinuous from(MountainCarContinuous env, double position, double velocity) {
        env.reset(0);
        env.setState(new double[] {position, velocity});
        return env;
    }

    private static void assertStep(MountainCarContinuous env, float a, float[] obs, double reward, boolean term) {
        Step<float[]> s = env.step(new float[] {a});
        assertArrayEquals(obs, s.observation(), "observation after action " + a);
        assertArrayEquals(new double[] {obs[0], obs[1]}, env.state(), "the state is stored as float32");
        assertEquals(reward, s.reward(), "reward after action " + a);
        assertEquals(term, s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void spacesAreGymnasiums() {
        MountainCarContinuous env = new MountainCarContinuous();
        assertEquals(Box.of(-1f, 1f, 1), env.actionSpace());
        assertEquals(Box.of(new float[] {-1.2f, -0.07f}, new float[] {0.6f, 0.07f}), env.observationSpace());
        assertEquals(Box.DType.FLOAT32, ((Box<?>) env.actionSpace()).dtype());
        assertSame(env.actionSpace(), new MountainCarContinuous().actionSpace());
    }

    @Test
    void stepsMatchGymnasiumUnderNumpy2() {
        MountainCarContinuous env = from(new MountainCarContinuous(), -0.5, 0.0);
        // first step: float64 state; reward = -(0.7f)^2 * 0.1 in float64
        assertStep(env, 0.7f, new float[] {-0.49912685f, 0.00087315694f}, -0.048999998331069966, false);
        assertEquals(-(double) 0.7f * 0.7f * 0.1, -0.048999998331069966);
        // later steps: float32 arithmetic. NumPy 1.x's float64 promotion would give velocity 0.00023978238
        assertStep(env, -0.3f, new float[] {-0.49888706f, 0.00023978215f}, -0.009000000715255752, false);
        assertStep(env, 1f, new float[] {-0.49733245f, 0.001554614f}, -0.1, false);
    }

    @Test
    void reachingTheGoalAddsOneHundred() {
        MountainCarContinuous env = from(new MountainCarContinuous(), 0.44, 0.02);
        assertStep(env, 0.5f, new float[] {0.46012956f, 0.020129561f}, 100.0 - 0.5 * 0.5 * 0.1, true);
        assertEquals(99.975, 100.0 - 0.5 * 0.5 * 0.1);
        assertThrows(IllegalStateException.class, () -> env.step(new float[] {0f}));
        // the goal is 0.45 here, not MountainCar's 0.5; zero force costs nothing
        env.reset(0);
        env.setState(new double[] {0.42, 0.015});
        assertStep(env, 0.5f, new float[] {0.43498546f, 0.014985458f}, -0.025, false);
        assertStep(env, 0.5f, new float[] {0.45006412f, 0.015078658f}, 99.975, true);
        assertEquals(0.0, from(env, -0.5, 0.0).step(new float[] {0f}).reward());
    }

    @Test
    void goalVelocityIsComparedInFloat32AfterTheFirstStep() {
        // the second step above ends with velocity float32 0.015078658 = 0.015078658238053322 in float64;
        // NumPy 2 casts the Python-float goal_velocity to float32 before comparing, so a goal a hair
        // above it in float64 (0.015078658238053324) still terminates, the next float32 up does not
        double v = 0.015078658238053322;
        assertEquals((double) 0.015078658f, v);
        for (double goal : new double[] {v, Math.nextUp(v), Math.nextUp((float) v)}) {
            MountainCarContinuous env = from(withGoalVelocity(goal), 0.42, 0.015);
            env.step(new float[] {0.5f});
            assertEquals(goal != Math.nextUp((float) v), env.step(new float[] {0.5f}).terminated(), "goal " + goal);
        }
    }

    @Test
    void leftWallStopsTheCarAndVelocityIsLimited() {
        MountainCarContinuous env = from(new MountainCarContinuous(), -1.19, -0.05);
        assertStep(env, -1f, new float[] {-1.2f, 0f}, -0.1, false);
        assertStep(env, -1f, new float[] {-1.1992582f, 0.00074189575f}, -0.1, false);
        env = from(new MountainCarContinuous(), -0.5, 0.0699);
        assertStep(env, 1f, new float[] {-0.43f, 0.07f}, -0.1, false);
        assertStep(env, 1f, new float[] {-0.36f, 0.07f}, -0.1, false);
    }

    @Test
    void bangBangPolicyReachesTheGoalAsInGymnasium() {
        MountainCarContinuous env = from(new MountainCarContinuous(), -0.5, 0.0);
        int steps = 0;
        double ret = 0;
        Step<float[]> s;
        do {
            s = env.step(new float[] {env.state()[1] >= 0 ? 1f : -1f});
            ret += s.reward();
            steps++;
        } while (!s.terminated() && steps < 999);
        assertEquals(106, steps);
        assertArrayEquals(new float[] {0.50208676f, 0.06404769f}, s.observation());
        assertEquals(89.40000000000003, ret);
    }

    @Test
    void startPositionIsUniformAndVelocityZero() {
        MountainCarContinuous env = new MountainCarContinuous();
        double min = 0;
        double max = -1;
        for (long seed = 0; seed < 2000; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] st = env.state();
            assertTrue(st[0] >= -0.6 && st[0] < -0.4, "seed " + seed + ": " + st[0]);
            assertEquals(0.0, st[1]);
            assertArrayEquals(new float[] {(float) st[0], 0f}, obs);
            min = Math.min(min, st[0]);
            max = Math.max(max, st[0]);
        }
        assertTrue(min < -0.599 && max > -0.401, "positions span [" + min + ", " + max + "]");
        env.reset(5);
        assertNotEquals((double) (float) env.state()[0], env.state()[0], "the reset state is float64");
    }

    @Test
    void sameSeedGivesTheSameTrajectory() {
        MountainCarContinuous a = new MountainCarContinuous();
        MountainCarContinuous b = new MountainCarContinuous();
        assertArrayEquals(a.reset(4).observation(), b.reset(4).observation());
        Rng actions = new Rng(2);
        for (int t = 0; t < 300; t++) {
            float[] act = {actions.nextFloat() * 2 - 1};
            assertArrayEquals(a.step(act).observation(), b.step(act.clone()).observation());
        }
        assertArrayEquals(a.state(), b.state());
    }

    @Test
    void badActionsKeywordsAndStatesAreRejected() {
        MountainCarContinuous env = from(new MountainCarContinuous(), -0.5, 0.0);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {1.5f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f, 0f}));
        assertEquals(0.0, new MountainCarContinuous().goalVelocity());
        assertEquals(0.1, withGoalVelocity(0.1).goalVelocity());
        assertThrows(IllegalArgumentException.class, () -> withGoalVelocity(Double.NaN));
        assertThrows(IllegalArgumentException.class,
                () -> new MountainCarContinuous(new Kwargs("MountainCarContinuous-v0", Map.of("goal_velocity", true))));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, 0, 0}));
        assertThrows(IllegalStateException.class, () -> new MountainCarContinuous().state());
    }

    @Test
    void passesTheEnvChecker() {
        assertTrue(EnvChecker.check(new MountainCarContinuous(), 0).passed(),
                () -> EnvChecker.check(new MountainCarContinuous(), 0).format());
    }
}
