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
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.check.EnvChecker;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

/**
 * Expected numbers come from Gymnasium 1.x's {@code CartPoleEnv.step} transcribed line by line
 * (np.cos/np.sin, np.square, float64 state, {@code np.array(state, dtype=np.float32)}) and run
 * under Python 3.11, NumPy 2.4.6, glibc 2.36 on x86-64; decimal literals are the shortest
 * round-trip forms, so equality is exact. For the first step below, by hand:
 * <pre>
 * state = [0.01, -0.02, 0.03, -0.04], action 1 (force +10)
 * temp     = (10 + 0.05 * 0.04^2 * sin 0.03) / 1.1
 * thetaacc = (9.8 sin 0.03 - cos 0.03 * temp) / (0.5 * (4/3 - 0.1 cos^2 0.03 / 1.1))
 * xacc     = temp - 0.05 * thetaacc * cos 0.03 / 1.1
 * euler: x = 0.01 + 0.02 * -0.02 = 0.0096, theta = 0.03 + 0.02 * -0.04 = 0.0292,
 *        x_dot = -0.02 + 0.02 * xacc, theta_dot = -0.04 + 0.02 * thetaacc
 * </pre>
 */
class CartPoleTest {
    private static final double[] S0 = {0.01, -0.02, 0.03, -0.04};

    private static CartPole withArgs(Map<String, ?> args) {
        return new CartPole(new Kwargs("CartPole-v1", args));
    }

    private static void assertStep(CartPole env, int action, double[] state, float[] obs, double reward, boolean term) {
        Step<float[]> s = env.step(action);
        assertArrayEquals(state, env.state(), "state after action " + action);
        assertArrayEquals(obs, s.observation(), "observation after action " + action);
        assertEquals(reward, s.reward());
        assertEquals(term, s.terminated());
        assertFalse(s.truncated());
    }

    @Test
    void spacesAreGymnasiums() {
        CartPole env = new CartPole();
        float thr2 = (float) (12 * 2 * Math.PI / 360 * 2);
        assertEquals(0.41887903f, thr2);
        float inf = Float.POSITIVE_INFINITY;
        assertEquals(Box.of(new float[] {-4.8f, -inf, -thr2, -inf}, new float[] {4.8f, inf, thr2, inf}), env.observationSpace());
        assertEquals(Box.DType.FLOAT32, ((Box<?>) env.observationSpace()).dtype());
        assertEquals(new Discrete(2), env.actionSpace());
        assertSame(env.observationSpace(), env.observationSpace());
        assertSame(env.actionSpace(), new CartPole().actionSpace());
        assertEquals(0.20943951023931953, CartPole.THETA_THRESHOLD_RADIANS);
    }

    @Test
    void eulerStepsMatchGymnasium() {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(S0);
        assertStep(env, 1, new double[] {0.009600000000000001, 0.17467919574755525, 0.0292, -0.3230687179600081},
                new float[] {0.0096f, 0.17467919f, 0.0292f, -0.3230687f}, 1.0, false);
        assertStep(env, 0, new double[] {0.013093583914951107, -0.020846120233304483, 0.02273862564079984,
            -0.021322189539218106}, new float[] {0.013093584f, -0.020846121f, 0.022738626f, -0.021322189f}, 1.0, false);
        assertStep(env, 0, new double[] {0.012676661510285018, -0.21628666139669434, 0.022312181850015475,
            0.2784474166567325}, new float[] {0.012676662f, -0.21628666f, 0.022312181f, 0.27844742f}, 1.0, false);
    }

    @Test
    void semiImplicitEulerUpdatesVelocitiesFirst() {
        CartPole env = withArgs(Map.of("kinematics_integrator", "semi-implicit euler"));
        assertEquals(CartPole.SEMI_IMPLICIT_EULER, env.kinematicsIntegrator());
        env.reset(0);
        env.setState(S0);
        // same accelerations as the Euler step; x = 0.01 + 0.02 * x_dot(new), theta likewise
        assertStep(env, 1, new double[] {0.013493583914951104, 0.17467919574755525, 0.023538625640799837,
            -0.3230687179600081}, new float[] {0.013493584f, 0.17467919f, 0.023538625f, -0.3230687f}, 1.0, false);
        assertStep(env, 0, new double[] {0.013078186112242223, -0.020769890135444086, 0.0230774938930494,
            -0.023056587387521865}, new float[] {0.013078186f, -0.02076989f, 0.023077494f, -0.023056587f}, 1.0, false);
    }

    @Test
    void fourHundredControlledStepsMatchGymnasiumBitForBit() {
        // policy: push right when theta + 0.5 * theta_dot > 0; 800 sin/cos calls must all be glibc's
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(S0);
        Step<float[]> s = null;
        for (int t = 0; t < 400; t++) {
            double[] st = env.state();
            s = env.step(st[2] + 0.5 * st[3] > 0 ? 1 : 0);
            assertFalse(s.terminated(), "step " + t);
        }
        assertArrayEquals(new double[] {-0.14106352118034363, -0.021959748155865988, -0.0056005886520631406,
            0.0032495624420153524}, env.state());
        assertArrayEquals(new float[] {-0.14106353f, -0.021959748f, -0.005600589f, 0.0032495623f}, s.observation());
    }

    @Test
    void sinAndCosAreTheCLibrarysNotJavas() {
        // angles where java.lang.Math's and StrictMath's sin/cos differ from glibc's in the last bit,
        // enough to change theta_dot's last bit (found by search; values from the Python transcription)
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(new double[] {0.0, 0.0, -0.16528502309568258, 0.0});
        env.step(1);
        assertArrayEquals(new double[] {0.0, 0.1970591040951247, -0.16528502309568258, -0.3399330680563354}, env.state());
        env.setState(new double[] {0.0, 0.0, 0.16640272611002888, 0.0});
        env.step(1);
        assertArrayEquals(new double[] {0.0, 0.19239308244123673, 0.16640272611002888, -0.23590639249770592}, env.state());
    }

    /** Steps from a state whose angle and position stay exactly put (zero velocities, Euler). */
    private static Step<float[]> stepFrom(CartPole env, double x, double theta) {
        env.reset(0);
        env.setState(new double[] {x, 0.0, theta, 0.0});
        return env.step(1);
    }

    @Test
    void terminatesStrictlyBeyondTheThresholds() {
        CartPole env = new CartPole();
        double thr = CartPole.THETA_THRESHOLD_RADIANS;
        // Euler moves x and theta with the old (zero) velocities, so they stay exactly at the start values
        assertFalse(stepFrom(env, 2.4, 0.0).terminated());
        assertFalse(stepFrom(env, -2.4, 0.0).terminated());
        assertFalse(stepFrom(env, 0.0, thr).terminated());
        assertFalse(stepFrom(env, 0.0, -thr).terminated());
        assertTrue(stepFrom(env, Math.nextUp(2.4), 0.0).terminated());
        assertTrue(stepFrom(env, Math.nextDown(-2.4), 0.0).terminated());
        assertTrue(stepFrom(env, 0.0, Math.nextUp(thr)).terminated());
        Step<float[]> last = stepFrom(env, 0.0, Math.nextDown(-thr));
        assertTrue(last.terminated());
        assertEquals(1.0, last.reward(), "the terminating step is rewarded too");
        assertThrows(IllegalStateException.class, () -> env.step(0), "stepping after termination needs a reset");
        env.reset();
        assertFalse(env.step(0).terminated());
    }

    @Test
    void suttonBartoRewardIsZeroThenMinusOneOnTermination() {
        CartPole env = withArgs(Map.of("sutton_barto_reward", true));
        assertTrue(env.suttonBartoReward());
        env.reset(3);
        assertEquals(0.0, env.step(1).reward());
        Step<float[]> last = stepFrom(env, Math.nextUp(2.4), 0.0);
        assertTrue(last.terminated());
        assertEquals(-1.0, last.reward());
        assertFalse(new CartPole().suttonBartoReward());
    }

    @Test
    void startStateIsUniformInPlusMinus005() {
        CartPole env = new CartPole();
        double[] min = new double[4];
        double[] max = new double[4];
        Arrays.fill(min, 1);
        Arrays.fill(max, -1);
        for (long seed = 0; seed < 2000; seed++) {
            float[] obs = env.reset(seed).observation();
            double[] st = env.state();
            for (int i = 0; i < 4; i++) {
                assertTrue(st[i] >= -0.05 && st[i] < 0.05, "seed " + seed + ": " + Arrays.toString(st));
                assertEquals((float) st[i], obs[i]);
                min[i] = Math.min(min[i], st[i]);
                max[i] = Math.max(max[i], st[i]);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(min[i] < -0.049 && max[i] > 0.049, "variable " + i + " spans [" + min[i] + ", " + max[i] + "]");
        }
    }

    @Test
    void sameSeedGivesTheSameTrajectoryAndOtherSeedsDiffer() {
        CartPole a = new CartPole();
        CartPole b = new CartPole();
        assertArrayEquals(a.reset(42).observation(), b.reset(42).observation());
        Rng actions = new Rng(7);
        for (int t = 0; t < 300; t++) {
            int act = actions.nextInt(2);
            Step<float[]> sa = a.step(act);
            Step<float[]> sb = b.step(act);
            assertArrayEquals(sa.observation(), sb.observation());
            assertEquals(sa.terminated(), sb.terminated());
            if (sa.terminated()) {
                assertArrayEquals(a.reset().observation(), b.reset().observation());
            }
        }
        assertNotEquals(Arrays.toString(a.reset(1).observation()), Arrays.toString(b.reset(2).observation()));
    }

    @Test
    void observationIsTheFloat64StateCastToFloat32() {
        CartPole env = new CartPole();
        env.reset(0);
        env.setState(new double[] {0.1, 1.0 / 3, -0.1, 2.0 / 3});
        float[] obs = env.step(0).observation();
        double[] st = env.state();
        boolean anyInexact = false;
        for (int i = 0; i < 4; i++) {
            assertEquals((float) st[i], obs[i]);
            anyInexact |= (double) obs[i] != st[i];
        }
        assertTrue(anyInexact, "the state must stay in float64");
    }

    @Test
    void keywordArgumentsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withArgs(Map.of("kinematics_integrator", "rk4")));
        assertTrue(e.getMessage().contains("kinematics_integrator") && e.getMessage().contains("rk4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> withArgs(Map.of("sutton_barto_reward", "yes")));
        assertThrows(IllegalArgumentException.class, () -> withArgs(Map.of("kinematics_integrator", 1)));
        Kwargs typo = new Kwargs("CartPole-v1", Map.of("sutton_barto", true));
        new CartPole(typo);
        e = assertThrows(IllegalArgumentException.class, typo::checkAllUsed);
        assertTrue(e.getMessage().contains("sutton_barto_reward"), e.getMessage());
        assertEquals(CartPole.EULER, new CartPole().kinematicsIntegrator());
    }

    @Test
    void keywordArgumentsPassThroughTheRegistry() {
        String id = "TestOnlyClassicCartPole-v1";
        Envs.register(EnvSpec.of(id, CartPole::new, 500, 475.0));
        try {
            Env<?, ?> env = Envs.make(id, Map.of("kinematics_integrator", "semi-implicit euler", "sutton_barto_reward", true));
            CartPole cp = (CartPole) env.unwrapped();
            assertEquals(CartPole.SEMI_IMPLICIT_EULER, cp.kinematicsIntegrator());
            assertTrue(cp.suttonBartoReward());
            assertThrows(IllegalArgumentException.class, () -> Envs.make(id, Map.of("kinematics_integrator", "verlet")));
            assertThrows(IllegalArgumentException.class, () -> Envs.make(id, Map.of("render", "human")));
        } finally {
            Envs.unregister(id);
        }
    }

    @Test
    void badActionsStatesAndCallOrderAreRejected() {
        CartPole env = new CartPole();
        assertThrows(IllegalStateException.class, env::state);
        assertThrows(IllegalStateException.class, () -> env.step(0));
        env.reset(0);
        assertThrows(InvalidActionException.class, () -> env.step(2));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
        assertThrows(IllegalArgumentException.class, () -> env.setState(new double[] {0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> env.setState(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> env.setState(new double[] {0, Double.NaN, 0, 0}));
        assertTrue(e.getMessage().contains("element 1"), e.getMessage());
        double[] copy = env.state();
        copy[0] = 99;
        assertNotEquals(99, env.state()[0], "state() returns a copy");
    }

    @Test
    void passesTheEnvChecker() {
        assertTrue(EnvChecker.check(new CartPole(), 0).passed(), () -> EnvChecker.check(new CartPole(), 0).format());
    }
}
