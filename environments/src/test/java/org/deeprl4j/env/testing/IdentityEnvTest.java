package org.deeprl4j.env.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;

class IdentityEnvTest {

    private static IdentityEnv make(Map<String, ?> kw) {
        return new IdentityEnv(new Kwargs("Identity-v0", kw));
    }

    @Test
    void defaults() {
        IdentityEnv env = new IdentityEnv();
        assertEquals(new Discrete(2), env.observationSpace());
        assertEquals(new Discrete(2), env.actionSpace());
        assertEquals(100, env.epLength());
        assertEquals(100.0, env.optimalReturn());
    }

    @Test
    void echoingTheObservationEarnsOnePerStepAndTruncatesAtEpLength() {
        IdentityEnv env = make(Map.of("n", 5, "ep_length", 30));
        int obs = env.reset(3).observation();
        double ret = 0;
        for (int t = 1; t <= 30; t++) {
            Step<Integer> s = env.step(obs);
            assertEquals(1.0, s.reward());
            assertFalse(s.terminated(), "the identity task has no terminal state");
            assertEquals(t == 30, s.truncated(), "step " + t);
            ret += s.reward();
            obs = s.observation();
        }
        assertEquals(env.optimalReturn(), ret);
        assertThrows(IllegalStateException.class, () -> env.step(0));
    }

    @Test
    void anyOtherActionEarnsNothing() {
        IdentityEnv env = make(Map.of("n", 4));
        int obs = env.reset(8).observation();
        for (int t = 0; t < 50; t++) {
            Step<Integer> s = env.step((obs + 1) % 4);
            assertEquals(0.0, s.reward());
            obs = s.observation();
        }
    }

    @Test
    void observationsAreSeededAndRoughlyUniform() {
        IdentityEnv a = make(Map.of("n", 4, "ep_length", 4000));
        IdentityEnv b = make(Map.of("n", 4, "ep_length", 4000));
        List<Integer> seqA = observations(a, 21, 4000);
        assertEquals(seqA, observations(b, 21, 4000));
        assertNotEquals(seqA, observations(b, 22, 4000));
        int[] counts = new int[4];
        seqA.forEach(o -> counts[o]++);
        for (int c : counts) {
            assertTrue(c > 850 && c < 1150, "counts " + java.util.Arrays.toString(counts));
        }
    }

    private static List<Integer> observations(IdentityEnv env, long seed, int steps) {
        List<Integer> out = new ArrayList<>();
        out.add(env.reset(seed).observation());
        for (int t = 0; t < steps - 1; t++) {
            out.add(env.step(0).observation());
        }
        return out;
    }

    @Test
    void rejectsActionsOutsideTheSpace() {
        IdentityEnv env = new IdentityEnv();
        env.reset(1);
        assertThrows(InvalidActionException.class, () -> env.step(2));
        assertThrows(InvalidActionException.class, () -> env.step(-1));
    }

    @Test
    void validatesKwargs() {
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class, () -> make(Map.of("n", 0)));
        assertTrue(n.getMessage().contains("n must be >= 1, got 0"), n.getMessage());
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class, () -> make(Map.of("ep_length", 0)));
        assertTrue(len.getMessage().contains("ep_length must be >= 1, got 0"), len.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> make(Map.of("dim", 3)));
        assertTrue(unknown.getMessage().contains("unknown keyword argument 'dim'"), unknown.getMessage());
        assertEquals(new Discrete(1), make(Map.of("n", "1")).actionSpace());
    }
}
