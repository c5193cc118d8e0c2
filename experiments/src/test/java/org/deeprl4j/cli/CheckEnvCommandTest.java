package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckEnvCommandTest {
    private static final String BAD = "CliCheckOutOfBounds-v0";
    private static List<String> ids;

    @BeforeAll
    static void register() {
        ids = new java.util.ArrayList<>(TestEnvs.register("CliCheck"));
        ids.add(TestEnvs.register(EnvSpec.of(BAD, kw -> new OutOfBoundsEnv(), 20, null)));
    }

    @AfterAll
    static void unregister() {
        TestEnvs.unregister(ids);
    }

    @Test
    void aCorrectEnvPasses() {
        TestEnvs.Result r = TestEnvs.run("check-env", "CliCheckCounter-v0", "--seed", "3", "--steps", "200");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().startsWith("env checker: CliCheckCounter-v0 (seed 3): PASSED"), r.out());
    }

    @Test
    void anEnvWithErrorsFailsWithExitOne() {
        TestEnvs.Result r = TestEnvs.run("check-env", BAD);
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAILED"), r.out());
        assertTrue(r.out().contains("ERROR"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void unknownIdIsBadUsage() {
        TestEnvs.Result r = TestEnvs.run("check-env", "CliCheckCountr-v0");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("deeprl4j: error: unknown environment id 'CliCheckCountr-v0'"), r.err());
        assertTrue(r.err().contains("did you mean: CliCheckCounter-v0"), r.err());
    }

    @Test
    void nonPositiveStepsIsBadUsage() {
        assertEquals(2, TestEnvs.run("check-env", "CliCheckCounter-v0", "--steps", "0").exit());
    }

    /** Observations leave the declared Box(-1, 1) after a few steps. */
    static final class OutOfBoundsEnv extends BaseEnv<float[], Integer> {
        private float x;

        @Override
        public Space<float[]> observationSpace() {
            return Box.of(-1f, 1f, 1);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(2);
        }

        @Override
        protected Reset<float[]> doReset() {
            x = 0;
            return Reset.of(new float[] {x});
        }

        @Override
        protected Step<float[]> doStep(Integer action) {
            x += 0.5f;
            return Step.of(new float[] {x}, 0.0, false, false);
        }
    }
}
