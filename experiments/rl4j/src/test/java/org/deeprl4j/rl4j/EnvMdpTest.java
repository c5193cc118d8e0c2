package org.deeprl4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.space.Box;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.junit.jupiter.api.Test;

/** Our envs as RL4J MDPs: same trajectories as stepping the env directly, clear errors. */
class EnvMdpTest {
    private static final Map<String, Object> SHORT = Map.of("max_episode_steps", 30);

    @Test
    @SuppressWarnings("unchecked")
    void cartPoleThroughTheAdapterMatchesTheEnvStepByStep() {
        Env<float[], Integer> direct = (Env<float[], Integer>) Envs.make("CartPole-v1", SHORT);
        EnvMdp mdp = EnvMdp.of(() -> Envs.make("CartPole-v1", SHORT), 7);
        Rng actions = new Rng(3);
        int truncations = 0;
        int terminations = 0;
        for (int episode = 0; episode < 8; episode++) {
            float[] expected = episode == 0 ? direct.reset(7).observation() : direct.reset().observation();
            Box obs = mdp.reset();
            assertFalse(mdp.isDone());
            while (true) {
                assertArrayEquals(toDouble(expected), obs.toArray(), "episode " + episode);
                // balance half the episodes (they reach the 30-step limit), act randomly in the others
                int a = episode % 2 == 0 ? (expected[2] + expected[3] > 0 ? 1 : 0) : actions.nextInt(2);
                Step<float[]> s = direct.step(a);
                StepReply<Box> reply = mdp.step(a);
                assertEquals(s.reward(), reply.getReward());
                assertEquals(s.terminated() || s.truncated(), reply.isDone());
                assertEquals(reply.isDone(), mdp.isDone());
                expected = s.observation();
                obs = reply.getObservation();
                if (s.done()) {
                    assertArrayEquals(toDouble(expected), obs.toArray());
                    truncations += s.truncated() ? 1 : 0;
                    terminations += s.terminated() ? 1 : 0;
                    break;
                }
            }
        }
        assertTrue(truncations > 0 && terminations > 0, truncations + " truncations, " + terminations + " terminations");
        mdp.close();
        direct.close();
    }

    @Test
    void spacesMirrorTheEnv() {
        EnvMdp mdp = EnvMdp.of("CartPole-v1", 1);
        org.deeprl4j.env.spaces.Box<?> box = (org.deeprl4j.env.spaces.Box<?>) mdp.env().observationSpace();
        assertArrayEquals(new int[] {4}, mdp.getObservationSpace().getShape());
        assertArrayEquals(box.low(), mdp.getObservationSpace().getLow().toDoubleVector());
        assertArrayEquals(box.high(), mdp.getObservationSpace().getHigh().toDoubleVector());
        assertEquals(2, mdp.getActionSpace().getSize());
        mdp.close();
    }

    @Test
    void newInstanceIsAnIndependentDeterministicMdp() {
        EnvMdp a = EnvMdp.of("CartPole-v1", 11);
        EnvMdp b = EnvMdp.of("CartPole-v1", 11);
        EnvMdp childA = a.newInstance();
        EnvMdp childB = b.newInstance();
        assertArrayEquals(childA.reset().toArray(), childB.reset().toArray());
        double[] parent = a.reset().toArray();
        double[] child = childA.reset().toArray();
        assertFalse(java.util.Arrays.equals(parent, child), "a new instance gets a new seed");
        for (EnvMdp m : new EnvMdp[] {a, b, childA, childB}) {
            m.close();
        }
    }

    @Test
    void discreteObservationsAreOneHot() {
        EnvMdp mdp = EnvMdp.of(() -> Envs.make("Identity-v0", Map.of("n", 3)), 5);
        assertArrayEquals(new int[] {3}, mdp.getObservationSpace().getShape());
        double[] obs = mdp.reset().toArray();
        assertEquals(1.0, obs[0] + obs[1] + obs[2]);
        int shown = obs[0] == 1 ? 0 : obs[1] == 1 ? 1 : 2;
        assertEquals(1.0, mdp.step(shown).getReward(), "echoing the one-hot index is IdentityEnv's right answer");
        mdp.close();
    }

    @Test
    void continuousActionsAreRejectedNamingTheSpace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EnvMdp.of("Pendulum-v1", 0));
        assertTrue(e.getMessage().contains("Discrete") && e.getMessage().contains("Box("), e.getMessage());
    }

    @Test
    void actionsOutsideTheDiscreteSpaceAreRejected() {
        EnvMdp mdp = EnvMdp.of("CartPole-v1", 0);
        mdp.reset();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mdp.step(2));
        assertTrue(e.getMessage().contains("DiscreteSpace(2)"), e.getMessage());
        mdp.close();
    }

    @Test
    void unknownEnvIdsFailBeforeAnythingIsBuilt() {
        assertThrows(IllegalArgumentException.class, () -> EnvMdp.of("CartPoel-v1", 0));
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
