package org.deeprl4j.env.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.junit.jupiter.api.Test;

class IdentityEnvBoxTest {

    private static IdentityEnvBox make(Map<String, ?> kw) {
        return new IdentityEnvBox(new Kwargs("IdentityBox-v0", kw));
    }

    @Test
    void defaultsFollowStableBaselines3() {
        IdentityEnvBox env = new IdentityEnvBox();
        assertEquals(Box.of(-1f, 1f, 1), env.observationSpace());
        assertEquals(Box.of(-1f, 1f, 1), env.actionSpace());
        assertEquals(0.05f, env.eps());
        assertEquals(100, env.epLength());
    }

    @Test
    void rewardIsOneWithinEpsInFloat32() {
        IdentityEnvBox env = new IdentityEnvBox();
        float s = env.reset(4).observation()[0];
        for (int t = 0; t < 60; t++) {
            float eps = env.eps();
            float[][] hits = {{s}, {s + eps}, {s - eps}, {s + 0.04f}};
            float[][] misses = {{s + 0.06f}, {s - 0.06f}, {Math.nextUp(s + eps)}};
            float[] action = t % 7 < 4 ? hits[t % 7] : misses[t % 7 - 4];
            boolean hit = t % 7 < 4;
            if (action[0] < -1f || action[0] > 1f) {
                action = new float[] {s};
                hit = true;
            }
            Step<float[]> step = env.step(action);
            assertEquals(hit ? 1.0 : 0.0, step.reward(), "obs " + s + " action " + action[0]);
            s = step.observation()[0];
        }
    }

    @Test
    void truncatesAtEpLengthAndStaysInBounds() {
        IdentityEnvBox env = make(Map.of("low", 0, "high", 5, "ep_length", 25));
        float[] obs = env.reset(2).observation();
        double ret = 0;
        for (int t = 1; t <= 25; t++) {
            assertTrue(obs[0] >= 0f && obs[0] <= 5f, "obs " + obs[0]);
            Step<float[]> s = env.step(obs.clone());
            assertFalse(s.terminated());
            assertEquals(t == 25, s.truncated());
            ret += s.reward();
            obs = s.observation();
        }
        assertEquals(env.optimalReturn(), ret);
    }

    @Test
    void returnedObservationIsACopy() {
        IdentityEnvBox env = new IdentityEnvBox();
        float[] obs = env.reset(9).observation();
        float[] answer = obs.clone();
        obs[0] = 0.99f * (obs[0] > 0 ? -1 : 1); // scribbling on the observation must not move the target
        assertEquals(1.0, env.step(answer).reward());
    }

    @Test
    void rejectsInvalidActions() {
        IdentityEnvBox env = new IdentityEnvBox();
        env.reset(1);
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {1.5f}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {Float.NaN}));
        assertThrows(InvalidActionException.class, () -> env.step(new float[] {0f, 0f}));
    }

    @Test
    void validatesKwargs() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(Map.of("low", 1, "high", 1)))
                .getMessage().contains("low < high"));
        assertThrows(IllegalArgumentException.class, () -> make(Map.of("low", Double.NEGATIVE_INFINITY)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> make(Map.of("eps", -0.1)))
                .getMessage().contains("eps must be finite and >= 0, got -0.1"));
        assertThrows(IllegalArgumentException.class, () -> make(Map.of("ep_length", -3)));
        assertThrows(IllegalArgumentException.class, () -> make(Map.of("epsilon", 0.1)));
    }
}
