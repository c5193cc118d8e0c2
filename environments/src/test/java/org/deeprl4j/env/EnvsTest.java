package org.deeprl4j.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.TimeLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EnvsTest {
    /** Moves a counter; terminates when it reaches {@code goal}. */
    static final class Counter extends BaseEnv<float[], Integer> {
        private final Box<float[]> obs = Box.of(0f, 1000f, 1);
        private final Discrete act = new Discrete(2);
        private final int goal;
        private int pos;

        Counter(Kwargs kw) {
            goal = kw.getInt("goal", 1000);
        }

        @Override
        public Space<float[]> observationSpace() {
            return obs;
        }

        @Override
        public Space<Integer> actionSpace() {
            return act;
        }

        @Override
        protected Reset<float[]> doReset() {
            pos = 0;
            return Reset.of(new float[] {pos});
        }

        @Override
        protected Step<float[]> doStep(Integer action) {
            pos += action;
            return Step.of(new float[] {pos}, action, pos >= goal, false);
        }
    }

    @AfterEach
    void cleanUp() {
        Envs.unregister("TestCounter-v0");
        Envs.unregister("TestCounter-v3");
    }

    @Test
    void makeAppliesTimeLimitAndKwargs() {
        Envs.register(EnvSpec.of("TestCounter-v0", Counter::new, 3, 2.0));
        Env<?, ?> env = Envs.make("TestCounter-v0");
        assertTrue(env instanceof TimeLimit<?, ?> t && t.maxEpisodeSteps() == 3);
        @SuppressWarnings("unchecked")
        Env<float[], Integer> e = (Env<float[], Integer>) env;
        e.reset(1);
        assertEquals(false, e.step(1).truncated());
        assertEquals(false, e.step(1).truncated());
        Step<float[]> last = e.step(1);
        assertTrue(last.truncated());
        IllegalStateException after = assertThrows(IllegalStateException.class, () -> e.step(0));
        assertTrue(after.getMessage().contains("truncated"), after.getMessage());

        @SuppressWarnings("unchecked")
        Env<float[], Integer> g = (Env<float[], Integer>) Envs.make("TestCounter-v0", Map.of("goal", 1, "max_episode_steps", 10));
        g.reset(0);
        Step<float[]> s = g.step(1);
        assertTrue(s.terminated() && !s.truncated());
        IllegalStateException term = assertThrows(IllegalStateException.class, () -> g.step(0));
        assertTrue(term.getMessage().contains("terminated"), term.getMessage());
    }

    @Test
    void badKwargsAreNamed() {
        Envs.register(EnvSpec.of("TestCounter-v0", Counter::new, null, null));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Envs.make("TestCounter-v0", Map.of("gaol", 3)));
        assertTrue(unknown.getMessage().contains("'gaol'") && unknown.getMessage().contains("goal"), unknown.getMessage());
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> Envs.make("TestCounter-v0", Map.of("goal", "far")));
        assertTrue(type.getMessage().contains("integer") && type.getMessage().contains("far"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Envs.make("TestCounter-v0", Map.of("max_episode_steps", -1)));
    }

    @Test
    void unknownIdsSuggestCloseMatches() {
        Envs.register(EnvSpec.of("TestCounter-v0", Counter::new, null, null));
        Envs.register(EnvSpec.of("TestCounter-v3", Counter::new, null, null));
        UnknownEnvException typo = assertThrows(UnknownEnvException.class, () -> Envs.make("TestCountr-v0"));
        assertTrue(typo.getMessage().contains("TestCounter-v0"), typo.getMessage());
        UnknownEnvException version = assertThrows(UnknownEnvException.class, () -> Envs.make("TestCounter-v1"));
        assertTrue(version.getMessage().contains("TestCounter-v0, TestCounter-v3"), version.getMessage());
        UnknownEnvException noVersion = assertThrows(UnknownEnvException.class, () -> Envs.make("TestCounter"));
        assertTrue(noVersion.getMessage().contains("TestCounter-v3"), noVersion.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Envs.register(EnvSpec.of("TestCounter-v0", Counter::new, null, null)));
        assertThrows(IllegalArgumentException.class, () -> EnvSpec.of("no version", Counter::new, null, null));
    }

    @Test
    void baseEnvEnforcesOrderAndActions() {
        Counter c = new Counter(Kwargs.empty("Counter"));
        IllegalStateException before = assertThrows(IllegalStateException.class, () -> c.step(0));
        assertTrue(before.getMessage().contains("before reset"));
        c.reset(0);
        InvalidActionException bad = assertThrows(InvalidActionException.class, () -> c.step(5));
        assertTrue(bad.getMessage().contains("Discrete(2)") && bad.getMessage().contains("5"), bad.getMessage());
        c.close();
        c.close();
        assertThrows(IllegalStateException.class, c::reset);
    }
}
