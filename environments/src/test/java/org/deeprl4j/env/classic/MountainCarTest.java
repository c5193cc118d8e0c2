package org.deeprl4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.check.EnvChecker;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

/**
 * Expected numbers come from Gymnasium 1.x's {@code MountainCarEnv.step} transcribed line by line
 * and run under Python 3.11, NumPy 2.4.6, glibc 2.36 on x86-64 (shortest round-trip decimals, so
 * equality is exact). The first step below, by hand:
 * <pre>
 * state [-0.5, 0.0], action 2:
 * velocity = 0.0 + ((2 - 1) * 0.001 + cos(-1.5) * -0.0025) = 0.001 - 0.0025 * 0.0707372... = 0.000823157
 * position = -0.5 + velocity = -0.499176843
 * </pre>
 */
class MountainCarTest {

    private static MountainCar withGoalVelocity(double v) {
        return new MountainCar(new Kwargs("MountainCar-v0", Map.of("goal_velocity", v)));
    }

    /** Sets the state, applies the action, checks state, observation, reward and termination. */
    private static void assertStep(MountainCar env, double[] from, int action, double[] state, float[] obs, boolean term) {
        env.reset(0);
        env.setState(from);
        Step<float[]> s = env.step(action);
        assertArrayEquals(state, env.state(), "state after " + Arrays.toString(from) + ", action " + action);
        assertArrayEquals(obs, s.observation());
        assertEquals(-1.0, s.reward(), "every step costs -1, the terminating one too");
        assertEquals(term, s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void spacesAreGymnasiums() {
        MountainCar env = new MountainCar();
        assertEquals(new Discrete(3), env.actionSpace());
        assertEquals(Box.of(new float[] {-1.2f, -0.07f}, new float[] {0.6f, 0.07f}), env.observationSpace());
        assertEquals(Box.DType.FLOAT32, ((Box<?>) env.observationSpace()).dtype());
        assertSame(env.observationSpace(), new MountainCar().observationSpace());
    }

    @Test
    void stepsMatchGymnasium() {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {-0.5, 0.0});
        double v = 0.0 + ((2 - 1) * 0.001 + Math.cos(-1.5) * -0.0025); // independent check of the first step, to 1e-15
        assertEquals(v, env.step(2).observation()[1], 1e-9);
        assertStep(env, new double[] {-0.5, 0.0}, 2, new double[] {-0.49917684300416926, 0.0008231569958307428},
                new float[] {-0.49917683f, 0.000823157f}, false);
        assertStep(env, new double[] {-0.49917684300416926, 0.0008231569958307428}, 0,
                new double[] {-0.49953668667935325, -0.00035984367518397545}, new float[] {-0.4995367f, -0.0003598437f}, false);
        assertStep(env, new double[] {-0.49953668667935325, -0.00035984367518397545}, 1,
                new double[] {-0.5000768393321253, -0.0005401526527720642}, new float[] {-0.50007683f, -0.00054015266f}, false);
    }

    @Test
    void cosineIsTheCLibrarysNotJavas() {
        // positions where java.lang.Math's and StrictMath's cos(3 * position) differ from glibc's in the
        // last bit, which reaches the velocity (found by search; values from the Python transcription)
        MountainCar env = new MountainCar();
        assertStep(env, new double[] {-0.6156860743158241, 0.0}, 2,
                new double[] {-0.6140041713131125, 0.0016819030027115935}, new float[] {-0.6140042f, 0.001681903f}, false);
        assertStep(env, new double[] {0.21894950385171597, 0.0}, 2,
                new double[] {0.21796970251190917, -0.0009798013398067823}, new float[] {0.2179697f, -0.0009798013f}, false);
    }

    @Test
    void velocityAndPositionAreClippedAndTheLeftWallStopsTheCar() {
        MountainCar env = new MountainCar();
        // 0.0699 + 0.001 - 0.0025 cos(-1.5) = 0.07072 is clipped to 0.07, then the position moves by 0.07
        assertStep(env, new double[] {-0.5, 0.0699}, 2, new double[] {-0.43, 0.07}, new float[] {-0.43f, 0.07f}, false);
        // moving left into the wall: position clipped to -1.2, velocity set to 0
        assertStep(env, new double[] {-1.19, -0.05}, 0, new double[] {-1.2, 0.0}, new float[] {-1.2f, 0f}, false);
        // position clipped to 0.6 at the right edge, which is past the goal
        assertStep(env, new double[] {0.59, 0.07}, 2, new double[] {0.6, 0.07}, new float[] {0.6f, 0.07f}, true);
    }

    @Test
    void terminatesAtTheGoalWithEnoughVelocity() {
        double[] from = {0.49, 0.02};
        double[] next = {0.5107484356665326, 0.020748435666532672};
        assertStep(new MountainCar(), from, 2, next, new float[] {0.51074845f, 0.020748436f}, true);
        // goal_velocity is compared with >=: exactly the reached velocity still terminates
        assertStep(withGoalVelocity(next[1]), from, 2, next, new float[] {0.51074845f, 0.020748436f}, true);
        assertStep(withGoalVelocity(Math.nextUp(next[1])), from, 2, next, new float[] {0.51074845f, 0.020748436f}, false);
        // position >= 0.5 is required: moving left from the goal region does not terminate
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {0.5, -0.01});
        assertFalse(env.step(0).terminated());
        assertEquals(0.5, withGoalVelocity(0.5).goalVelocity());
    }

    @Test
    void energyPumpingReachesTheGoalAsInGymnasium() {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {-0.5, 0.0});
        int steps = 0;
        boolean terminated = false;
        while (!terminated && steps < 1000) {
            terminated = env.step(env.state()[1] >= 0 ? 2 : 0).terminated();
            steps++;
        }
        assertEquals(124, steps);
        assertArrayEquals(new double[] {0.5349499825655736, 0.04819097792866507}, env.state());
    }

    @Test
    void startPositionIsUniformAndVelocityZero() {
        MountainCar env = new MountainCar();
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
    }

    @Test
    void sameSeedGivesTheSameTrajectory() {
        MountainCar a = new MountainCar();
        MountainCar b = new MountainCar();
        assertArrayEquals(a.reset(9).observation(), b.reset(9).observation());
        Rng actions = new Rng(1);
        for (int t = 0; t < 200; t++) {
            int act = actions.nextInt(3);
            assertArrayEquals(a.step(act).observation(), b.step(act).observation());
        }
        assertArrayEquals(a.state(), b.state());
        assertNotEquals(a.reset(1).observation()[0], b.reset(2).observation()[0]);
    }

    @Test
    void observationIsTheFloat64StateCastToFloat32() {
        MountainCar env = new MountainCar();
        env.reset(0);
        env.setState(new double[] {-0.3, 0.01});
        float[] obs = env.step(1).observation();
        double[] st = env.state();
        assertEquals((float) st[0], obs[0]);
        assertEquals((float) st[1], obs[1]);
        assertNotEquals((double) obs[0], st[0], "the state stays in float64");
    }

    @Test
    void keywordArgumentsAndBadInputAreRejected() {
        assertEquals(0.0, new MountainCar().goalVelocity());
        assertThrows(IllegalArgumentException.class,
                () -> new MountainCar(new Kwargs("MountainCar-v0", Map.of("goal_velocity", "fast"))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withGoalVelocity(Double.NaN));
        assertTrue(e.getMessage().contains("goal_velocity"), e.getMessage());
        MountainCar env = new MountainCar();
        assertThrows(IllegalStateException.class, env::state);
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(3));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0.0}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {Double.POSITIVE_INFINITY, 0}));
    }

    @Test
    void passesTheEnvChecker() {
        assertTrue(EnvChecker.check(new MountainCar(), 0).passed(), () -> EnvChecker.check(new MountainCar(), 0).format());
    }
}
