package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @Test
    void helpListsEveryVerbWithItsDescription() {
        TestEnvs.Result r = TestEnvs.run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: deeprl4j "), r.out());
        assertTrue(r.out().contains("envs       List the registered environments"), r.out());
        assertTrue(r.out().contains("check-env  Check that an environment follows the Env API"), r.out());
        assertTrue(r.out().contains("rollout    Run an environment and print its trajectory as JSON lines."), r.out());
        assertTrue(r.out().contains("--version"), r.out());
        assertEquals("", r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"envs", "check-env", "rollout", "train", "evaluate", "serve", "runs", "sweep", "report", "bench"})
    void everyVerbHasHelp(String verb) {
        TestEnvs.Result r = TestEnvs.run(verb, "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: deeprl4j " + verb + " "), r.out());
        assertTrue(r.out().contains("--verbose"), r.out());
    }

    @Test
    void helpVerbShowsAVerbsUsage() {
        TestEnvs.Result r = TestEnvs.run("help", "rollout");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: deeprl4j rollout "), r.out());
        TestEnvs.Result bad = TestEnvs.run("help", "rolout");
        assertEquals(2, bad.exit());
        assertEquals("deeprl4j: error: unknown command 'rolout' (did you mean: rollout?); see 'deeprl4j --help'\n", bad.err());
    }

    @Test
    void versionNamesTheProjectVersion() {
        TestEnvs.Result r = TestEnvs.run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().matches("(?s)deeprl4j \\d+\\.\\d+\\.\\d+.*\\nJava .*"), r.out());
        assertFalse(r.out().contains("${"), "version.properties must be filtered: " + r.out());
    }

    @Test
    void missingVerbIsBadUsage() {
        TestEnvs.Result r = TestEnvs.run();
        assertEquals(2, r.exit());
        assertEquals("deeprl4j: error: missing command (one of: envs, check-env, rollout, train, evaluate, serve, runs, sweep, report, bench); see 'deeprl4j --help'\n", r.err());
    }

    @Test
    void unknownVerbSuggestsTheClosestOne() {
        TestEnvs.Result r = TestEnvs.run("rolout", "--env", "X-v0");
        assertEquals(2, r.exit());
        assertEquals("deeprl4j: error: unknown command 'rolout' (did you mean: rollout?); see 'deeprl4j --help'\n", r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionSuggestsTheClosestOne() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", "X-v0", "--sed", "3");
        assertEquals(2, r.exit());
        assertEquals("deeprl4j: error: unknown option '--sed' for 'deeprl4j rollout' (did you mean: --seed?);"
                + " see 'deeprl4j rollout --help'\n", r.err());
    }

    @Test
    void badOptionValueIsBadUsage() {
        TestEnvs.Result r = TestEnvs.run("check-env", "X-v0", "--seed", "abc");
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("deeprl4j: error: Invalid value for option '--seed': 'abc' is not a long"), r.err());
    }

    @Test
    void runtimeFailureExitsOneWithoutStackTraceUnlessVerbose() {
        String id = "CliMainBroken-v0";
        Envs.register(EnvSpec.of(id, kw -> new BrokenEnv(), null, null));
        try {
            TestEnvs.Result r = TestEnvs.run("rollout", "--env", id, "--steps", "3");
            assertEquals(1, r.exit());
            assertEquals("deeprl4j: error: simulator exploded at step 2\n", r.err());
            assertEquals(2, r.lines().size(), "lines before the failure are kept: " + r.out());

            TestEnvs.Result v = TestEnvs.run("rollout", "--verbose", "--env", id, "--steps", "3");
            assertEquals(1, v.exit());
            assertTrue(v.err().startsWith("deeprl4j: error: simulator exploded at step 2\n"), v.err());
            assertTrue(v.err().contains("at org.deeprl4j.cli.MainTest$BrokenEnv.doStep"), v.err());
        } finally {
            Envs.unregister(id);
        }
    }

    /** Fails on its second step. */
    static final class BrokenEnv extends BaseEnv<Integer, Integer> {
        private int t;

        @Override
        public Space<Integer> observationSpace() {
            return new Discrete(2);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(2);
        }

        @Override
        protected Reset<Integer> doReset() {
            t = 0;
            return Reset.of(0);
        }

        @Override
        protected Step<Integer> doStep(Integer action) {
            if (++t == 2) {
                throw new IllegalStateException("simulator exploded at step 2");
            }
            return Step.of(action, 1.0, false, false);
        }
    }
}
