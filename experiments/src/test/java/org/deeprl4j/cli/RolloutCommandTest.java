package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RolloutCommandTest {
    private static final String COUNTER = "CliRolloutCounter-v0";
    private static final String CONTINUOUS = "CliRolloutContinuous-v0";
    private static final String CHAIN = "CliRolloutChain-v0";
    private static List<String> ids;

    @BeforeAll
    static void register() {
        ids = TestEnvs.register("CliRollout");
    }

    @AfterAll
    static void unregister() {
        TestEnvs.unregister(ids);
    }

    @Test
    void replayPrintsExactLines() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--actions", "2,2,1,0");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "{\"t\":0,\"obs\":[0.0,0.33333334]}",
                "{\"t\":1,\"action\":2,\"obs\":[0.1,0.33333334],\"reward\":0.5,\"terminated\":false,\"truncated\":false}",
                "{\"t\":2,\"action\":2,\"obs\":[0.2,0.33333334],\"reward\":0.5,\"terminated\":false,\"truncated\":false}",
                "{\"t\":3,\"action\":1,\"obs\":[0.2,0.33333334],\"reward\":0.25,\"terminated\":false,\"truncated\":false}",
                "{\"t\":4,\"action\":0,\"obs\":[0.1,0.33333334],\"reward\":0.0,\"terminated\":false,\"truncated\":false}"),
                r.lines());
        assertEquals("", r.err());
    }

    @Test
    void terminationResetsAndRestartsT() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--actions", "2,2,2,0");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "{\"t\":0,\"obs\":[0.0,0.33333334]}",
                "{\"t\":1,\"action\":2,\"obs\":[0.1,0.33333334],\"reward\":0.5,\"terminated\":false,\"truncated\":false}",
                "{\"t\":2,\"action\":2,\"obs\":[0.2,0.33333334],\"reward\":0.5,\"terminated\":false,\"truncated\":false}",
                "{\"t\":3,\"action\":2,\"obs\":[0.3,0.33333334],\"reward\":0.5,\"terminated\":true,\"truncated\":false}",
                "{\"t\":0,\"obs\":[0.0,0.33333334]}",
                "{\"t\":1,\"action\":0,\"obs\":[-0.1,0.33333334],\"reward\":0.0,\"terminated\":false,\"truncated\":false}"),
                r.lines());
    }

    @Test
    void truncationByKwargTimeLimitResets() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--kwargs", "max_episode_steps=2", "--actions", "1,1,1");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(2).endsWith("\"terminated\":false,\"truncated\":true}"), lines.get(2));
        assertEquals("{\"t\":0,\"obs\":[0.0,0.33333334]}", lines.get(3));
        assertTrue(lines.get(4).startsWith("{\"t\":1,"), lines.get(4));
    }

    @Test
    void noResetLineAfterTheLastStep() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--actions", "2,2,2");
        assertEquals(4, r.lines().size(), r.out());
        assertTrue(r.lines().get(3).contains("\"terminated\":true"));
    }

    @Test
    void stepsLimitTheReplayAndTheReplayLimitsTheSteps() {
        assertEquals(3, TestEnvs.run("rollout", "--env", COUNTER, "--steps", "2", "--actions", "1,1,1,1").lines().size());
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--steps", "10", "--actions", "1,1");
        assertEquals(0, r.exit());
        assertEquals(3, r.lines().size(), "stops when the actions run out");
    }

    @Test
    void continuousActionsUseSemicolons() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", CONTINUOUS, "--actions", "0.5;-1,0.25;0.125");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "{\"t\":0,\"obs\":[0.0,0.0]}",
                "{\"t\":1,\"action\":[0.5,-1.0],\"obs\":[0.5,-1.0],\"reward\":-0.5,\"terminated\":false,\"truncated\":false}",
                "{\"t\":2,\"action\":[0.25,0.125],\"obs\":[0.25,0.125],\"reward\":0.375,\"terminated\":false,\"truncated\":false}"),
                r.lines());
    }

    @Test
    void discreteObservationsAndMultiDiscreteActionsPrintIntegers() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", CHAIN, "--actions", "1;2,0;1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(
                "{\"t\":0,\"obs\":[0]}",
                "{\"t\":1,\"action\":[1,2],\"obs\":[3],\"reward\":1.0,\"terminated\":false,\"truncated\":false}",
                "{\"t\":2,\"action\":[0,1],\"obs\":[0],\"reward\":0.0,\"terminated\":false,\"truncated\":false}"),
                r.lines());
    }

    @Test
    void randomPolicySamplesFromASplitOfTheSeed() throws Exception {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--kwargs", "goal=1000", "--seed", "7", "--steps", "30");
        assertEquals(0, r.exit(), r.err());
        Rng policy = new Rng(7).split();
        Discrete space = new Discrete(3);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            expected.add(space.sample(policy));
        }
        assertEquals(expected, actions(r.out()));
        assertEquals(r.out(), TestEnvs.run("rollout", "--env", COUNTER, "--kwargs", "goal=1000", "--seed", "7", "--steps", "30").out());
        assertNotEquals(r.out(), TestEnvs.run("rollout", "--env", COUNTER, "--kwargs", "goal=1000", "--seed", "8", "--steps", "30").out());
    }

    @Test
    void defaultStepCountIs100() {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", COUNTER, "--kwargs", "goal=1000");
        long steps = r.lines().stream().filter(l -> l.contains("\"action\"")).count();
        assertEquals(RolloutCommand.DEFAULT_STEPS, steps);
    }

    @Test
    void linesAreValidJson() throws Exception {
        TestEnvs.Result r = TestEnvs.run("rollout", "--env", CONTINUOUS, "--steps", "7");
        ObjectMapper json = new ObjectMapper();
        for (String line : r.lines()) {
            JsonNode n = json.readTree(line);
            assertTrue(n.get("obs").isArray(), line);
            assertEquals(line, json.writeValueAsString(n), "no spaces, key order preserved");
        }
    }

    private static List<Integer> actions(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Integer> actions = new ArrayList<>();
        for (String line : out.split("\n")) {
            JsonNode n = json.readTree(line);
            if (n.has("action")) {
                actions.add(n.get("action").asInt());
            }
        }
        return actions;
    }
}
