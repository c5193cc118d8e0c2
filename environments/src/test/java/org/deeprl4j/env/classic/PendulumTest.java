package org.deeprl4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import org.junit.jupiter.api.Test;

/**
 * Expected values come from Gymnasium 1.x's {@code pendulum.py} ({@code step}, {@code _get_obs},
 * {@code angle_normalize} copied verbatim) run under Python 3.11, NumPy 2.4.6 and glibc 2.36 on
 * x86-64, with float32 actions ({@code np.array([u], dtype=np.float32)}) and reset states drawn by
 * a Python port of {@link Rng}. Hex literals are exact.
 */
class PendulumTest {

    private static Pendulum withG(double g) {
        return new Pendulum(new Kwargs("Pendulum-v1", Map.of("g", g)));
    }

    /** Sets {th, thdot}, applies u, checks the next state, observation and reward. */
    private static void assertStep(Pendulum env, double[] state, float u, double[] next, float[] obs, double reward) {
        env.reset(0);
        env.setState(state);
        Step<float[]> s = env.step(new float[] {u});
        assertArrayEquals(next, env.state(), "state after " + Arrays.toString(state) + ", u=" + u);
        assertArrayEquals(obs, s.observation());
        assertEquals(reward, s.reward());
        assertFalse(s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void spacesAreGymnasiums() {
        Pendulum env = new Pendulum();
        assertEquals(Box.of(new float[] {-2f}, new float[] {2f}), env.actionSpace());
        assertEquals(Box.of(new float[] {-1f, -1f, -8f}, new float[] {1f, 1f, 8f}), env.observationSpace());
        assertEquals(Box.DType.FLOAT32, ((Box<?>) env.actionSpace()).dtype());
        assertEquals(10.0, env.g());
    }

    @Test
    void stepsMatchGymnasium() {
        Pendulum env = new Pendulum();
        assertStep(env, new double[] {0.5, -0.3}, 1.25f,
                new double[] {0x1.065331419ba08p-1, 0x1.f9ff6480a2282p-3},
                new float[] {0x1.be4176p-1f, 0x1.f5fed2p-2f, 0x1.f9ff64p-3f}, -0x1.0ad0e560a7efap-2);
        assertStep(env, new double[] {4.0, 2.0}, -2.0f, // theta beyond pi: the cost normalises it
                new double[] {0x1.039fa91999bb2p+2, 0x1.21e4d8000a7b2p+0},
                new float[] {-0x1.3833a4p-1f, -0x1.95ccf2p-1f, 0x1.21e4d8p+0f}, -0x1.677bdd8e25fc9p+2);
        // here glibc's pow differs from th*th and thdot*thdot, and powf(u, 2) from float32(u*u)
        assertStep(env, new double[] {0x1.a96b1bbd71e88p+1, 0x1.65c38dc2cd948p+1}, -0x1.9acf6cp+0f,
                new double[] {0x1.b8e5b68da313cp+1, 0x1.35941843d760bp+1},
                new float[] {-0x1.e8b052p-1f, -0x1.317732p-2f, 0x1.359418p+1f}, -0x1.3160acccc88fcp+3);
    }

    @Test
    void gravityKeywordChangesTheDynamics() {
        Pendulum env = withG(9.81);
        assertEquals(9.81, env.g());
        assertStep(env, new double[] {1.0, -1.0}, 0.75f,
                new double[] {0x1.f921181ebce11p-1, -0x1.12d43b327cd5ap-2},
                new float[] {0x1.1a6426p-1f, 0x1.ab150ap-1f, -0x1.12d43cp-2f}, -0x1.19be76c8d999ap+0);
        Kwargs bad = new Kwargs("Pendulum-v1", Map.of("g", "heavy"));
        assertThrows(IllegalArgumentException.class, () -> new Pendulum(bad));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withG(Double.NaN));
        assertTrue(e.getMessage().contains("'g'"), e.getMessage());
        Kwargs typo = new Kwargs("Pendulum-v1", Map.of("gravity", 9.81));
        new Pendulum(typo);
        assertThrows(IllegalArgumentException.class, typo::checkAllUsed); // what the registry does
    }

    @Test
    void angleNormalizeIsFloorModuloIntoMinusPiPi() {
        assertEquals(0.0, Pendulum.angleNormalize(0.0));
        assertEquals(-Math.PI, Pendulum.angleNormalize(Math.PI)); // [-pi, pi): +pi maps to -pi
        assertEquals(-Math.PI, Pendulum.angleNormalize(-Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(3 * Math.PI));
        assertEquals(-Math.PI, Pendulum.angleNormalize(-3 * Math.PI));
        assertEquals(0x1.37812aeef4ba0p+0, Pendulum.angleNormalize(7.5));
        assertEquals(-0x1.37812aeef4ba0p+0, Pendulum.angleNormalize(-7.5)); // sign of the divisor, not fmod's
        assertEquals(-0x1.6e254d0ed6540p-2, Pendulum.angleNormalize(1e6));
        assertEquals(0.0, Pendulum.angleNormalize(2 * Math.PI));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(Pendulum.angleNormalize(-0.0)));
        assertEquals(0.0, Pendulum.angleNormalize(-1e-300));
    }

    @Test
    void torqueIsClippedToMaxTorque() {
        double[] clipped = {0.7, -1.1};
        double[] reference = {0.7, -1.1};
        assertEquals(Pendulum.dynamics(reference, 2.0f, 10.0), Pendulum.dynamics(clipped, 5.0f, 10.0));
        assertArrayEquals(reference, clipped);
        assertEquals(Pendulum.dynamics(reference, -2.0f, 10.0), Pendulum.dynamics(clipped, -1e9f, 10.0));
        assertArrayEquals(reference, clipped);
        // through step(), actions outside the space are rejected before the dynamics
        Pendulum env = new Pendulum();
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {2.5f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f, 0f}));
    }

    @Test
    void angularVelocityIsClippedToMaxSpeed() {
        Pendulum env = new Pendulum();
        // 7.9 + (15 sin(-10) + 3 * 2) * 0.05 > 8: clipped, then theta moves by exactly 8 * dt
        assertStep(env, new double[] {-10.0, 7.9}, 2.0f, new double[] {-0x1.3333333333333p+3, 8.0},
                new float[] {-0x1.f82902p-1f, 0x1.650570p-3f, 8.0f}, -0x1.9a99aaa698407p+3);
        assertStep(env, new double[] {3 * Math.PI, -7.99}, -2.0f, new double[] {0x1.20cafb2665505p+3, -8.0},
                new float[] {-0x1.d7954ep-1f, 0x1.8ec3aep-2f, -8.0f}, -0x1.041f304747932p+4);
    }

    @Test
    void resetDrawsThetaAndSpeedUniformly() {
        Pendulum env = new Pendulum();
        float[] obs = env.reset(0).observation();
        assertArrayEquals(new double[] {0x1.3446df33c7098p+1, -0x1.18761955e46a0p-3}, env.state());
        assertArrayEquals(new float[] {-0x1.7c7110p-1f, 0x1.56a612p-1f, -0x1.18761ap-3f}, obs);
        double minTh = 0;
        double maxTh = 0;
        for (long seed = 0; seed < 1000; seed++) {
            env.reset(seed);
            double[] s = env.state();
            assertTrue(s[0] >= -Math.PI && s[0] < Math.PI, "theta " + s[0]);
            assertTrue(s[1] >= -1.0 && s[1] < 1.0, "theta_dot " + s[1]);
            minTh = Math.min(minTh, s[0]);
            maxTh = Math.max(maxTh, s[0]);
        }
        assertTrue(minTh < -3.0 && maxTh > 3.0, minTh + " .. " + maxTh);
    }

    @Test
    void longEpisodeMatchesGymnasiumBitForBit() {
        Pendulum env = new Pendulum();
        float[] obs = env.reset(3).observation();
        long h = AcrobotTest.fold(17, obs);
        double total = 0;
        for (int t = 0; t < 200; t++) {
            float u = (float) (((t * 37) % 401) / 100.0 - 2.0);
            Step<float[]> s = env.step(new float[] {u});
            obs = s.observation();
            h = AcrobotTest.fold(h, obs);
            h = h * 1_000_003L + Double.doubleToRawLongBits(s.reward());
            total += s.reward();
        }
        assertArrayEquals(new float[] {-0x1.4a9912p-1f, -0x1.86f588p-1f, 0x1.a2462ep+0f}, obs);
        assertEquals(-0x1.73e9611bfbb6ep+10, total);
        assertEquals(0x6db50ec680c9737fL, h); // every observation and reward of the 200 steps
    }

    @Test
    void neverTerminatesAndStaysInBounds() {
        Pendulum env = new Pendulum();
        Rng actions = new Rng(4);
        env.reset(8);
        double minReward = -(Math.PI * Math.PI + 0.1 * 64 + 0.001 * 4) - 1e-9; // -16.2736044
        for (int t = 0; t < 5000; t++) {
            Step<float[]> s = env.step(env.actionSpace().sample(actions));
            assertFalse(s.terminated() || s.truncated(), "step " + t);
            assertTrue(env.observationSpace().contains(s.observation()), "step " + t);
            assertTrue(s.reward() <= 0 && s.reward() >= minReward, "reward " + s.reward());
        }
    }

    @Test
    void sameSeedGivesTheSameTrajectory() {
        Pendulum a = new Pendulum();
        Pendulum b = new Pendulum();
        assertArrayEquals(a.reset(21).observation(), b.reset(21).observation());
        Rng ra = new Rng(1);
        Rng rb = new Rng(1);
        for (int t = 0; t < 300; t++) {
            Step<float[]> sa = a.step(a.actionSpace().sample(ra));
            Step<float[]> sb = b.step(b.actionSpace().sample(rb));
            assertArrayEquals(sa.observation(), sb.observation());
            assertEquals(sa.reward(), sb.reward());
        }
        assertNotEquals(Arrays.toString(new Pendulum().reset(22).observation()), Arrays.toString(a.reset(21).observation()));
    }

    @Test
    void passesTheEnvChecker() {
        assertTrue(EnvChecker.check(new Pendulum(), 3).passed());
    }

    @Test
    void stateIsACopyAndSetStateIsValidated() {
        Pendulum env = new Pendulum();
        env.reset(1);
        env.state()[0] = 42;
        assertNotEquals(42, env.state()[0]);
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(null));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, Double.POSITIVE_INFINITY}));
        assertThrows(IllegalStateException.class, () -> new Pendulum().step(new float[] {0f}));
    }
}
