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
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from Gymnasium 1.x's {@code acrobot.py} ({@code step}, {@code _dsdt},
 * {@code rk4}, {@code wrap}, {@code bound}, {@code _get_ob} copied verbatim) run under Python 3.11,
 * NumPy 2.4.6 and glibc 2.36 on x86-64, with reset states drawn by a Python port of
 * {@link Rng} and cast to float32 as Gymnasium does. Hex literals are exact.
 */
class AcrobotTest {

    private static Acrobot reset(long seed) {
        Acrobot env = new Acrobot();
        env.reset(seed);
        return env;
    }

    @Test
    void spacesAreGymnasiums() {
        Acrobot env = new Acrobot();
        assertEquals(new Discrete(3), env.actionSpace());
        Box<?> box = (Box<?>) env.observationSpace();
        assertEquals(Box.DType.FLOAT32, box.dtype());
        assertArrayEquals(new double[] {1, 1, 1, 1, 0x1.921fb6p+3, 0x1.c463acp+4}, box.high()); // float32(4 pi), float32(9 pi)
        assertArrayEquals(new double[] {-1, -1, -1, -1, -0x1.921fb6p+3, -0x1.c463acp+4}, box.low());
    }

    @Test
    void resetAndFirstStepMatchGymnasium() {
        Acrobot env = new Acrobot();
        float[] obs0 = env.reset(42).observation();
        // uniform(-0.1, 0.1) cast to float32; observation via NumPy's float32 cos/sin
        assertArrayEquals(new double[] {0x1.8bc7a8p-5, -0x1.1699f6p-4, -0x1.6abd6ap-5, -0x1.fe8e4cp-6}, env.state());
        assertArrayEquals(new float[] {0x1.ff6710p-1f, 0x1.8ba03ep-5f, 0x1.fed0ecp-1f, -0x1.1662fap-4f,
            -0x1.6abd6ap-5f, -0x1.fe8e4cp-6f}, obs0);
        Step<float[]> s = env.step(2);
        // one RK4 step over dt = 0.2 of the book dynamics with torque +1
        assertArrayEquals(new double[] {0x1.3e27d5a7456a4p-6, -0x1.d4a9d99072126p-6, -0x1.e612322f26a91p-3,
            0x1.a78b80ffee425p-2}, env.state());
        assertArrayEquals(new float[] {0x1.ffe74ap-1f, 0x1.3e22b8p-6f, 0x1.ffca62p-1f, -0x1.d4997ep-6f,
            -0x1.e61232p-3f, 0x1.a78b80p-2f}, s.observation());
        assertEquals(-1.0, s.reward());
        assertFalse(s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void oneStepFromASetStateMatchesGymnasium() {
        Acrobot env = reset(0);
        env.setState(new double[] {0.3, -0.2, 1.0, -2.0});
        Step<float[]> s = env.step(0);
        assertArrayEquals(new double[] {0x1.d8c00ccefbb10p-2, -0x1.20b22f030c5d8p-1, 0x1.26a060952984ep-1,
            -0x1.8f6f76dfe680ap+0}, env.state());
        assertArrayEquals(new float[] {0x1.ca660cp-1f, 0x1.c82278p-2f, 0x1.b0bde4p-1f, -0x1.11a3b6p-1f,
            0x1.26a060p-1f, -0x1.8f6f76p+0f}, s.observation());
    }

    @Test
    void firstObservationUsesNumpysFloat32Trig() {
        // seed 354: NumPy's float32 cos(theta1) is one ulp below float32(cos in double)
        float[] obs = new Acrobot().reset(354).observation();
        assertEquals(0x1.ff7028p-1f, obs[0]);
        assertNotEquals((float) Math.cos((float) reset(354).state()[0]), obs[0]);
        assertArrayEquals(new float[] {0x1.ff7028p-1f, 0x1.7fae5cp-5f, 0x1.ff00fep-1f, 0x1.fec136p-5f,
            0x1.2343ccp-4f, -0x1.c996aap-7f}, obs);
    }

    @Test
    void anglesWrapIntoMinusPiPi() {
        assertEquals(-0x1.487ed5110b460p+1, Acrobot.wrap(10.0, -Math.PI, Math.PI));
        assertEquals(-0x1.6f0255dde9740p-1, Acrobot.wrap(-7.0, -Math.PI, Math.PI));
        assertEquals(-0x1.643f6a8885a30p+1, Acrobot.wrap(3.5, -Math.PI, Math.PI));
        assertEquals(-0x1.268380ccde2e0p+0, Acrobot.wrap(-20.0, -Math.PI, Math.PI));
        assertEquals(Math.PI, Acrobot.wrap(Math.PI, -Math.PI, Math.PI)); // bounds are inclusive
        assertEquals(-Math.PI, Acrobot.wrap(-Math.PI, -Math.PI, Math.PI));

        Acrobot env = reset(0);
        env.setState(new double[] {Math.PI - 0.01, 0.5, 3.0, 1.0}); // theta1 passes +pi during the step
        Step<float[]> s = env.step(1);
        assertArrayEquals(new double[] {-0x1.3e58020108e49p+1, 0x1.3f1328309bb56p-1, 0x1.e5b7fb3d30762p+1,
            0x1.7484624501cc0p-5}, env.state());
        assertArrayEquals(new float[] {-0x1.962fbep-1f, -0x1.37b30ep-1f, 0x1.9fc0f6p-1f, 0x1.2ad1acp-1f,
            0x1.e5b7fcp+1f, 0x1.748462p-5f}, s.observation());
        assertTrue(s.terminated()); // the tip is above the line: reward 0
        assertEquals(0.0, s.reward());
    }

    @Test
    void velocitiesAreBoundedAfterIntegration() {
        assertEquals(4 * Math.PI, Acrobot.bound(20.0, -4 * Math.PI, 4 * Math.PI));
        assertEquals(-4 * Math.PI, Acrobot.bound(-20.0, -4 * Math.PI, 4 * Math.PI));
        assertEquals(1.5, Acrobot.bound(1.5, -4 * Math.PI, 4 * Math.PI));
        assertTrue(Double.isNaN(Acrobot.bound(Double.NaN, -1, 1))); // Python's min(max(nan, m), M) is nan

        Acrobot env = reset(0);
        env.setState(new double[] {0.0, 0.0, 30.0, -40.0});
        Step<float[]> s = env.step(2);
        assertArrayEquals(new double[] {0x1.d3e83518cd3e8p-1, 0x1.c00553224bd40p-2, 4 * Math.PI, -9 * Math.PI},
                env.state());
        assertArrayEquals(new float[] {0x1.38aaaap-1f, 0x1.957142p-1f, 0x1.cfc5aep-1f, 0x1.b1dd04p-2f,
            (float) (4 * Math.PI), (float) (-9 * Math.PI)}, s.observation());
        assertTrue(env.observationSpace().contains(s.observation()));
        assertEquals(-1.0, s.reward());
    }

    @Test
    void terminatesWhenTheTipIsAboveTheLine() {
        Acrobot env = reset(0);
        env.setState(new double[] {Math.PI, 0, 0, 0}); // both links pointing up, at rest
        Step<float[]> s = env.step(1);
        assertTrue(s.terminated());
        assertFalse(s.truncated());
        assertEquals(0.0, s.reward());
        assertArrayEquals(new double[] {0x1.921fb54442d18p+1, 0x1.affaa9392485ep-58, -0x1.5efba97e6dacbp-54,
            0x1.0dfca9c3b6d3bp-54}, env.state());
        assertThrows(IllegalStateException.class, () -> env.step(1));
    }

    @Test
    void swingUpEpisodeMatchesGymnasiumBitForBit() {
        // policy: torque along dtheta2; Gymnasium terminates this seed-7 episode after 74 steps
        Acrobot env = new Acrobot();
        float[] obs = env.reset(7).observation();
        long h = fold(17, obs);
        int steps = 0;
        Step<float[]> s;
        do {
            s = env.step(obs[5] > 0 ? 2 : 0);
            obs = s.observation();
            h = fold(h, obs);
            h = h * 1_000_003L + Double.doubleToRawLongBits(s.reward());
            h = h * 1_000_003L + (s.terminated() ? 1 : 0);
            steps++;
        } while (!s.terminated() && steps < 500);
        assertEquals(74, steps);
        assertArrayEquals(new float[] {-0x1.5db098p-2f, -0x1.e13878p-1f, -0x1.6eec72p-4f, -0x1.fdf108p-1f,
            -0x1.c6d928p+0f, 0x1.b8255cp+1f}, obs);
        assertEquals(0x12f022f64d91da00L, h); // every observation, reward and flag of the episode
    }

    @Test
    void fiveHundredStepEpisodeMatchesGymnasiumBitForBit() {
        // policy: torque along dtheta1 (no termination); with StrictMath's sin/cos this diverges
        Acrobot env = new Acrobot();
        float[] obs = env.reset(2).observation();
        long h = fold(17, obs);
        for (int t = 0; t < 500; t++) {
            Step<float[]> s = env.step(obs[4] > 0 ? 2 : 0);
            obs = s.observation();
            h = fold(h, obs);
            h = h * 1_000_003L + Double.doubleToRawLongBits(s.reward());
            h = h * 1_000_003L + (s.terminated() ? 1 : 0);
        }
        assertArrayEquals(new float[] {0x1.f88600p-1f, 0x1.5cb6d0p-3f, -0x1.b662dcp-3f, -0x1.f421f0p-1f,
            0x1.f63546p-3f, 0x1.32002cp+1f}, obs);
        assertEquals(0xa45ba9ab0d018235L, h);
    }

    static long fold(long h, float[] values) {
        for (float v : values) {
            h = h * 1_000_003L + (Float.floatToRawIntBits(v) & 0xffffffffL);
        }
        return h;
    }

    @Test
    void startStateIsFloat32UniformInPlusMinusPointOne() {
        double min = 1;
        double max = -1;
        for (long seed = 0; seed < 1000; seed++) {
            Acrobot env = new Acrobot();
            float[] obs = env.reset(seed).observation();
            double[] s = env.state();
            for (double v : s) {
                assertTrue(v >= -0.1f && v <= 0.1f, "seed " + seed + ": " + Arrays.toString(s));
                assertEquals(v, (double) (float) v, "the start state is float32");
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            assertEquals((float) s[2], obs[4]);
            assertEquals((float) s[3], obs[5]);
            assertTrue(env.observationSpace().contains(obs));
        }
        assertTrue(min < -0.099 && max > 0.099, "covers the interval: " + min + " .. " + max);
    }

    @Test
    void sameSeedGivesTheSameTrajectory() {
        float[][] a = rollout(11, 300);
        float[][] b = rollout(11, 300);
        for (int t = 0; t < a.length; t++) {
            assertArrayEquals(a[t], b[t], "step " + t);
        }
        assertFalse(Arrays.equals(a[0], rollout(12, 1)[0]), "another seed starts elsewhere");
    }

    private static float[][] rollout(long seed, int steps) {
        Acrobot env = new Acrobot();
        Rng actions = new Rng(seed + 1000);
        float[][] out = new float[steps + 1][];
        out[0] = env.reset(seed).observation();
        for (int t = 1; t <= steps; t++) {
            Step<float[]> s = env.step(actions.nextInt(3));
            out[t] = s.observation();
            if (s.terminated()) {
                out[t] = env.reset().observation();
            }
        }
        return out;
    }

    @Test
    void observationsStayInTheSpaceUnderRandomActions() {
        Acrobot env = new Acrobot();
        Rng actions = new Rng(99);
        env.reset(5);
        for (int t = 0; t < 5000; t++) {
            Step<float[]> s = env.step(actions.nextInt(3));
            assertTrue(env.observationSpace().contains(s.observation()), "step " + t);
            assertEquals(s.terminated() ? 0.0 : -1.0, s.reward());
            if (s.terminated()) {
                env.reset();
            }
        }
    }

    @Test
    void passesTheEnvChecker() {
        assertTrue(EnvChecker.check(new Acrobot(), 3).passed());
    }

    @Test
    void stateIsACopyAndSetStateIsValidated() {
        Acrobot env = reset(1);
        double[] s = env.state();
        s[0] = 99;
        assertNotEquals(99, env.state()[0]);
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[3]));
        assertThrows(IllegalArgumentException.class, () -> env.setState(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[] {0, Double.NaN, 0, 0}));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void rejectsBadActionsAndCallOrder() {
        assertThrows(IllegalStateException.class, () -> new Acrobot().step(1));
        Acrobot env = reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(3));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
    }

    @Test
    void kwargsConstructorTakesNoOptions() {
        Kwargs none = new Kwargs("Acrobot-v1", Map.of());
        new Acrobot(none);
        none.checkAllUsed();
        Kwargs extra = new Kwargs("Acrobot-v1", Map.of("g", 9.81));
        new Acrobot(extra);
        assertThrows(IllegalArgumentException.class, extra::checkAllUsed); // what the registry does
    }
}
