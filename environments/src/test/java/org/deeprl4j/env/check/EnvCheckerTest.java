package org.deeprl4j.env.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.UnknownEnvException;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.testing.GridWorld;
import org.deeprl4j.env.testing.IdentityEnv;
import org.deeprl4j.env.testing.IdentityEnvBox;
import org.deeprl4j.env.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;

/** The checker passes correct environments and the shipped test envs, and reports its options. */
class EnvCheckerTest {

    @Test
    void shippedTestEnvironmentsPassWithoutFindings() {
        List<Env<?, ?>> envs = List.of(new IdentityEnv(), new IdentityEnvBox(), new GridWorld(),
                new TimeLimit<>(new GridWorld(), 20),
                new IdentityEnv(new Kwargs("Identity", Map.of("n", 7, "ep_length", 13))));
        for (Env<?, ?> env : envs) {
            CheckReport report = EnvChecker.check(env, 42);
            assertTrue(report.findings().isEmpty(), report::format);
            assertTrue(report.passed());
        }
    }

    @Test
    void aCorrectFaultyEnvWithoutFaultsPasses() {
        CheckReport report = EnvChecker.check(new FaultyEnv(), 1);
        assertTrue(report.findings().isEmpty(), report::format);
    }

    @Test
    void closesTheEnvironment() {
        GridWorld env = new GridWorld();
        EnvChecker.check(env, 3);
        assertThrows(IllegalStateException.class, env::reset);
    }

    @Test
    void stepBeforeResetIsCheckedOnlyWhenAsked() {
        IdentityEnv used = new IdentityEnv();
        used.reset(5);
        CheckReport strict = EnvChecker.check(used, 5);
        assertEquals(1, strict.errors().size(), strict::format);
        assertTrue(strict.errors().get(0).message().contains("withCheckStepBeforeReset(false)"));

        IdentityEnv used2 = new IdentityEnv();
        used2.reset(5);
        CheckReport lenient = EnvChecker.check(used2, 5, CheckOptions.defaults().withCheckStepBeforeReset(false));
        assertTrue(lenient.findings().isEmpty(), lenient::format);
    }

    @Test
    void checkByIdMakesChecksAndCloses() {
        String id = "CheckerTestGrid-v0";
        Envs.register(EnvSpec.of(id, GridWorld::new, 30, -5.0));
        try {
            CheckReport report = EnvChecker.check(id, 9);
            assertTrue(report.passed(), report::format);
            assertEquals(id, report.env());
            assertEquals(9, report.seed());
        } finally {
            Envs.unregister(id);
        }
    }

    @Test
    void unknownIdIsAUsageError() {
        assertThrows(UnknownEnvException.class, () -> EnvChecker.check("NoSuchEnvForChecker-v0", 1));
    }

    @Test
    void failingFactoryBecomesAMakeFinding() {
        String id = "CheckerTestBrokenFactory-v0";
        Envs.register(EnvSpec.of(id, kw -> {
            throw new IllegalStateException("factory exploded");
        }, null, null));
        try {
            CheckReport report = EnvChecker.check(id, 1);
            assertFalse(report.passed());
            Finding f = report.findings(EnvChecker.CHECK_MAKE).get(0);
            assertTrue(f.message().contains("factory exploded"), f.message());
        } finally {
            Envs.unregister(id);
        }
    }

    @Test
    void nonDeterministicSpecTurnsDeterminismErrorsIntoWarnings() {
        String id = "CheckerTestNondet-v0";
        Envs.register(new EnvSpec(id, kw -> new FaultyEnv().nondeterministicAt(3), null, null, false, Map.of()));
        try {
            CheckReport report = EnvChecker.check(id, 4);
            assertTrue(report.passed(), report::format);
            List<Finding> det = report.findings(EnvChecker.CHECK_DETERMINISM);
            assertEquals(1, det.size(), report::format);
            assertEquals(Severity.WARNING, det.get(0).severity());
        } finally {
            Envs.unregister(id);
        }
    }

    @Test
    void unboundedBoxActionSpaceIsAWarning() {
        CheckReport report = EnvChecker.check(new BoxActionEnv(Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 2)), 1);
        assertTrue(report.passed(), report::format);
        List<Finding> w = report.findings(EnvChecker.CHECK_SPACES);
        assertEquals(1, w.size(), report::format);
        assertEquals(Severity.WARNING, w.get(0).severity());
        assertTrue(w.get(0).message().contains("infinite bounds"), w.get(0).message());
    }

    @Test
    void nonNormalizedBoxActionSpaceIsAWarning() {
        CheckReport report = EnvChecker.check(new BoxActionEnv(Box.of(-2f, 2f, 1)), 1);
        assertTrue(report.passed(), report::format);
        assertTrue(report.warnings().get(0).message().contains("symmetric, normalized"), report::format);
        assertTrue(EnvChecker.check(new BoxActionEnv(Box.of(0f, 1f, 3)), 1).findings().isEmpty());
    }

    @Test
    void reportsAreThemselvesDeterministic() {
        CheckReport a = EnvChecker.check(new FaultyEnv().nanObservationAt(4, 2).nanRewardAt(7), 11);
        CheckReport b = EnvChecker.check(new FaultyEnv().nanObservationAt(4, 2).nanRewardAt(7), 11);
        assertEquals(a.findings(), b.findings());
    }

    @Test
    void formatShowsVerdictAndEveryFinding() {
        CheckReport report = EnvChecker.check(new FaultyEnv().nanRewardAt(2).closeTwiceThrows(), 1);
        String text = report.format();
        assertTrue(text.startsWith("env checker: "), text);
        assertTrue(text.contains("FAILED, 2 errors, 0 warnings"), text);
        assertTrue(text.contains("ERROR   [reward] episode 1, step 2 (step 2 overall): reward is NaN"), text);
        assertTrue(text.contains("ERROR   [close] a second close() threw IllegalStateException: already closed"), text);
    }

    @Test
    void optionsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> CheckOptions.defaults().withRandomSteps(0));
        assertEquals(1000, CheckOptions.defaults().randomSteps());
        assertThrows(IllegalArgumentException.class, () -> EnvChecker.check((Env<?, ?>) null, 1));
    }

    /** A correct environment with a configurable Box action space. */
    static final class BoxActionEnv extends BaseEnv<Integer, float[]> {
        private final Box<float[]> actions;
        private int t;

        BoxActionEnv(Box<float[]> actions) {
            this.actions = actions;
        }

        @Override
        public Space<Integer> observationSpace() {
            return new Discrete(3);
        }

        @Override
        public Space<float[]> actionSpace() {
            return actions;
        }

        @Override
        protected Reset<Integer> doReset() {
            t = 0;
            return Reset.of(0);
        }

        @Override
        protected Step<Integer> doStep(float[] action) {
            t++;
            return Step.of(t % 3, action[0], t >= 5, false);
        }
    }
}
