package org.deeprl4j.env.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each deliberately broken environment is caught by the right check, and only by it. */
class EnvCheckerFaultsTest {

    /** The only error of {@code env}'s report, asserted to come from {@code check}. */
    private static Finding onlyError(FaultyEnv env, String check) {
        CheckReport report = EnvChecker.check(env, 7);
        assertFalse(report.passed(), report::format);
        List<Finding> errors = report.errors();
        assertEquals(1, errors.size(), report::format);
        assertEquals(check, errors.get(0).check(), report::format);
        return errors.get(0);
    }

    @Test
    void observationOutsideTheSpace() {
        Finding f = onlyError(new FaultyEnv().observationOutsideAt(2), EnvChecker.CHECK_OBSERVATION);
        assertTrue(f.message().startsWith("episode 1, step 2 (step 2 overall): observation element 1 = 1.5 is outside [0.0, 1.0]"),
                f.message());
        assertTrue(f.message().endsWith("(and 99 more like it)"), f.message());
    }

    @Test
    void nanObservationNamesStepAndElement() {
        Finding f = onlyError(new FaultyEnv().nanObservationAt(4, 2), EnvChecker.CHECK_OBSERVATION);
        assertEquals("episode 1, step 4 (step 4 overall): observation element 2 is NaN (and 99 more like it)", f.message());
    }

    @Test
    void nanReward() {
        Finding f = onlyError(new FaultyEnv().nanRewardAt(6), EnvChecker.CHECK_REWARD);
        assertEquals("episode 1, step 6 (step 6 overall): reward is NaN (and 99 more like it)", f.message());
    }

    @Test
    void resetIgnoringTheSeed() {
        CheckReport report = EnvChecker.check(new FaultyEnv().resetIgnoringSeed(), 7);
        assertFalse(report.passed());
        List<Finding> f = report.findings(EnvChecker.CHECK_RESET_DETERMINISM);
        assertEquals(1, f.size(), report::format);
        assertTrue(f.get(0).message().startsWith("reset(seed=7) twice gave different observations: ["), f.get(0).message());
        // the replayed trajectories start from different reset observations too
        assertTrue(report.findings(EnvChecker.CHECK_DETERMINISM).get(0).message()
                .contains("at reset(seed=7): observation differs"), report::format);
    }

    @Test
    void nondeterministicStepIsLocated() {
        Finding f = onlyError(new FaultyEnv().nondeterministicAt(3), EnvChecker.CHECK_DETERMINISM);
        assertTrue(f.message().endsWith("at episode 1, step 3 (step 3 overall): observation differs"), f.message());
    }

    @Test
    void stepAfterTerminationNotRaising() {
        Finding f = onlyError(new FaultyEnv().noGuardAfterEnd(), EnvChecker.CHECK_STEP_AFTER_END);
        assertTrue(f.message().startsWith("step() after the episode terminated (step 10) without reset() returned normally"),
                f.message());
    }

    @Test
    void stepBeforeResetNotRaising() {
        Finding f = onlyError(new FaultyEnv().noGuardBeforeReset(), EnvChecker.CHECK_STEP_BEFORE_RESET);
        assertTrue(f.message().startsWith("step() before the first reset() "), f.message());
    }

    @Test
    void invalidActionsAccepted() {
        CheckReport report = EnvChecker.check(new FaultyEnv().acceptingAnyAction(), 7);
        List<Finding> f = report.findings(EnvChecker.CHECK_INVALID_ACTION);
        assertEquals(2, f.size(), report::format);
        assertTrue(f.get(0).message().startsWith("step() with Integer 2 (start + n), outside Discrete(2), returned normally"),
                f.get(0).message());
        assertTrue(f.get(1).message().contains("Integer -1 (start - 1)"), f.get(1).message());
        assertEquals(2, report.errors().size(), report::format);
    }

    @Test
    void wrongObservationDtype() {
        CheckReport report = EnvChecker.check(new FaultyEnv().float64Observations(), 7);
        List<Finding> f = report.findings(EnvChecker.CHECK_OBSERVATION);
        assertEquals("reset(seed=7): observation has type double[], expected float[] for Box(0.0, 1.0, (3,), float32)",
                f.get(0).message());
        assertTrue(f.stream().anyMatch(x -> x.message().startsWith("episode 1, step 1 (step 1 overall): observation has type double[]")),
                report::format);
    }

    @Test
    void crashingStepBecomesAFindingWithTheMessage() {
        CheckReport report = EnvChecker.check(new FaultyEnv().throwAt(5), 7);
        Finding f = report.findings(EnvChecker.CHECK_STEP).get(0);
        assertTrue(f.message().matches("episode 1, step 5 \\(step 5 overall\\): step\\([01]\\) threw "
                + "ArrayIndexOutOfBoundsException: boom at step 5"), f.message());
        assertFalse(report.passed());
    }

    @Test
    void throwingResetDoesNotCrashTheChecker() {
        CheckReport report = EnvChecker.check(new FaultyEnv().resetThrows(), 7);
        List<Finding> reset = report.findings(EnvChecker.CHECK_RESET);
        assertEquals(1, reset.size(), report::format);
        assertEquals("reset(seed=7) threw IllegalStateException: boom in reset", reset.get(0).message());
        assertEquals(1, report.errors().size(), report::format); // later checks were skipped, close passed
    }

    @Test
    void nullObservationSpace() {
        CheckReport report = EnvChecker.check(new FaultyEnv().nullObservationSpace(), 7);
        assertEquals(List.of(Finding.error(EnvChecker.CHECK_SPACES, "observationSpace() returned null")), report.findings());
    }

    @Test
    void closeTwiceThrowing() {
        Finding f = onlyError(new FaultyEnv().closeTwiceThrows(), EnvChecker.CHECK_CLOSE);
        assertEquals("a second close() threw IllegalStateException: already closed", f.message());
    }

    @Test
    void reusedObservationArrayIsAWarning() {
        CheckReport report = EnvChecker.check(new FaultyEnv().reusingObservationArray(), 7);
        assertTrue(report.passed(), report::format);
        List<Finding> f = report.findings(EnvChecker.CHECK_ALIASING);
        assertEquals(1, f.size(), report::format);
        assertEquals(Severity.WARNING, f.get(0).severity());
        assertTrue(f.get(0).message().startsWith("episode 1, step 1 (step 1 overall): step() returned the same float[]"),
                f.get(0).message());
    }
}
