package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnvsCommandTest {
    private static List<String> ids;

    @BeforeAll
    static void register() {
        ids = TestEnvs.register("CliEnvs");
    }

    @AfterAll
    static void unregister() {
        TestEnvs.unregister(ids);
    }

    @Test
    void tableListsSpacesLimitAndThreshold() {
        TestEnvs.Result r = TestEnvs.run("envs");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertTrue(lines.get(0).matches("ID +OBSERVATION SPACE +ACTION SPACE +MAX STEPS +REWARD THRESHOLD"), lines.get(0));
        String row = lines.stream().filter(l -> l.startsWith("CliEnvsCounter-v0 ")).findFirst().orElseThrow();
        assertTrue(row.matches("CliEnvsCounter-v0 +Box\\(-10\\.0, 10\\.0, \\(2,\\), float32\\) +Discrete\\(3\\) +5 +1\\.5"), row);
        String chain = lines.stream().filter(l -> l.startsWith("CliEnvsChain-v0 ")).findFirst().orElseThrow();
        assertTrue(chain.matches("CliEnvsChain-v0 +Discrete\\(4\\) +MultiDiscrete\\(\\[2, 3\\]\\) +4 +-"), chain);
        int col = lines.get(0).indexOf("ACTION SPACE");
        assertEquals("Discrete(3)", row.substring(col, col + "Discrete(3)".length()), "columns are aligned");
    }

    @Test
    void jsonIsMachineReadable() throws Exception {
        TestEnvs.Result r = TestEnvs.run("envs", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode all = new ObjectMapper().readTree(r.out());
        JsonNode counter = null;
        for (JsonNode n : all) {
            if (n.get("id").asText().equals("CliEnvsCounter-v0")) {
                counter = n;
            }
        }
        assertTrue(counter != null, r.out());
        assertEquals("Box", counter.get("observation_space").get("name").asText());
        assertEquals(3, counter.get("action_space").get("n").asInt());
        assertEquals(5, counter.get("max_episode_steps").asInt());
        assertEquals(1.5, counter.get("reward_threshold").asDouble());
        assertTrue(counter.get("deterministic").asBoolean());
    }

    @Test
    void anEnvThatCannotBeCreatedIsReportedAndFails() {
        String id = "CliEnvsBroken-v0";
        Envs.register(EnvSpec.of(id, kw -> {
            throw new IllegalStateException("missing native library");
        }, null, null));
        try {
            TestEnvs.Result r = TestEnvs.run("envs");
            assertEquals(1, r.exit());
            assertTrue(r.out().matches("(?s).*\\n" + id + " +\\(error\\) +\\(error\\) +- +-\\n.*"), r.out());
            assertEquals("deeprl4j: error: cannot create " + id + ": missing native library\n", r.err());
        } finally {
            Envs.unregister(id);
        }
    }
}
