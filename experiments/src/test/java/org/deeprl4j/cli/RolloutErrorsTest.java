package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input to {@code rollout}: exit 2, one error line naming the culprit, nothing on stdout. */
class RolloutErrorsTest {
    private static final String COUNTER = "CliBadCounter-v0";
    private static final String CONTINUOUS = "CliBadContinuous-v0";
    private static final String CHAIN = "CliBadChain-v0";
    private static List<String> ids;

    @BeforeAll
    static void register() {
        ids = TestEnvs.register("CliBad");
    }

    @AfterAll
    static void unregister() {
        TestEnvs.unregister(ids);
    }

    private static String usageError(String... args) {
        TestEnvs.Result r = TestEnvs.run(args);
        assertEquals(2, r.exit(), r.out() + r.err());
        assertEquals("", r.out(), "nothing is printed before the actions are validated");
        assertTrue(r.err().startsWith(Main.ERROR_PREFIX), r.err());
        assertEquals(1, r.err().split("\n").length, "one line, no stack trace: " + r.err());
        return r.err();
    }

    @Test
    void discreteActionOutsideTheSpace() {
        String err = usageError("rollout", "--env", COUNTER, "--actions", "1,5");
        assertTrue(err.contains("'5'") && err.contains("position 2") && err.contains("Discrete(3)"), err);
    }

    @Test
    void notANumber() {
        String err = usageError("rollout", "--env", COUNTER, "--actions", "abc");
        assertTrue(err.contains("'abc'") && err.contains("position 1") && err.contains("not a (finite) number"), err);
    }

    @Test
    void fractionForADiscreteAction() {
        String err = usageError("rollout", "--env", COUNTER, "--actions", "0,1.5");
        assertTrue(err.contains("'1.5'") && err.contains("not an integer") && err.contains("Discrete(3)"), err);
    }

    @Test
    void wrongArityForABox() {
        String err = usageError("rollout", "--env", CONTINUOUS, "--actions", "0.5;0.5,0.5");
        assertTrue(err.contains("'0.5'") && err.contains("position 2") && err.contains("has 1 value but the action needs 2"), err);
        assertTrue(err.contains("Box("), err);
    }

    @Test
    void nanForABox() {
        String err = usageError("rollout", "--env", CONTINUOUS, "--actions", "NaN;0");
        assertTrue(err.contains("'NaN'") && err.contains("position 1"), err);
    }

    @Test
    void boxActionOutOfBounds() {
        String err = usageError("rollout", "--env", CONTINUOUS, "--actions", "0.5;-1,0.5;2");
        assertTrue(err.contains("'0.5;2'") && err.contains("position 2") && err.contains("outside the action space Box("), err);
    }

    @Test
    void multiDiscreteElementOutOfRange() {
        String err = usageError("rollout", "--env", CHAIN, "--actions", "1;3");
        assertTrue(err.contains("'1;3'") && err.contains("MultiDiscrete([2, 3])"), err);
    }

    @Test
    void emptyAction() {
        String err = usageError("rollout", "--env", CHAIN, "--actions", "1;");
        assertTrue(err.contains("empty element"), err);
    }

    @Test
    void nonPositiveSteps() {
        assertTrue(usageError("rollout", "--env", COUNTER, "--steps", "-3").contains("--steps must be a positive"));
        assertTrue(usageError("rollout", "--env", COUNTER, "--steps", "0").contains("got 0"));
        assertTrue(usageError("rollout", "--env", COUNTER, "--steps", "x").contains("'x' is not an int"));
    }

    @Test
    void unknownPolicy() {
        assertTrue(usageError("rollout", "--env", COUNTER, "--policy", "greedy").contains("greedy"));
    }

    @Test
    void actionsAndPolicyTogether() {
        assertTrue(usageError("rollout", "--env", COUNTER, "--policy", "random", "--actions", "1").contains("cannot be combined"));
    }

    @Test
    void unknownEnvIdWithSuggestion() {
        String err = usageError("rollout", "--env", "CliBadCountr-v0");
        assertTrue(err.contains("unknown environment id 'CliBadCountr-v0'") && err.contains("did you mean: " + COUNTER), err);
    }

    @Test
    void missingEnv() {
        assertTrue(usageError("rollout", "--steps", "3").contains("--env"));
    }

    @Test
    void badKwargs() {
        assertTrue(usageError("rollout", "--env", COUNTER, "--kwargs", "gaol=4").contains("unknown keyword argument 'gaol'"));
        assertTrue(usageError("rollout", "--env", COUNTER, "--kwargs", "goal").contains("'goal' is not key=value"));
        assertTrue(usageError("rollout", "--env", COUNTER, "--kwargs", "goal=x").contains("must be an integer"));
        assertTrue(usageError("rollout", "--env", COUNTER, "--kwargs", "goal=1,goal=2").contains("twice"));
    }
}
