package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint's path, method and JSON shape, as the reference server has them, plus Gymnasium's additions. */
class GymHttpServerEndpointsTest {
    private static GymHttpServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static List<String> keys(JsonNode n) {
        List<String> k = new ArrayList<>();
        n.fieldNames().forEachRemaining(k::add);
        return k;
    }

    @Test
    void createListAndClose() {
        Http.Reply r = http.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\"}");
        assertEquals(200, r.status());
        assertEquals("application/json", r.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals(List.of("instance_id"), keys(r.json()));
        String id = r.json().get("instance_id").asText();
        assertTrue(id.matches("[0-9a-f]{8}"), id);

        Http.Reply list = http.get("/v1/envs/");
        assertEquals(List.of("all_envs"), keys(list.json()));
        assertEquals("CartPole-v1", list.json().get("all_envs").get(id).asText());

        Http.Reply closed = http.post("/v1/envs/" + id + "/close/", "null");
        assertEquals(204, closed.status());
        assertEquals("", closed.body());
        assertNull(http.get("/v1/envs/").json().get("all_envs").get(id));
    }

    @Test
    void deleteAlsoCloses() {
        String id = http.create("CartPole-v1");
        assertEquals(204, http.delete("/v1/envs/" + id + "/").status());
        assertEquals(400, http.post("/v1/envs/" + id + "/reset/", "").status());
    }

    @Test
    void spacesAsTheReferenceDescribesThem() {
        String id = http.create("CartPole-v1");
        JsonNode act = http.get("/v1/envs/" + id + "/action_space/").json();
        assertEquals("{\"info\":{\"name\":\"Discrete\",\"n\":2}}", act.toString());
        JsonNode obs = http.get("/v1/envs/" + id + "/observation_space/").json();
        assertEquals(List.of("info"), keys(obs));
        JsonNode info = obs.get("info");
        assertEquals("Box", info.get("name").asText());
        assertEquals("[4]", info.get("shape").toString());
        assertEquals(4, info.get("low").size());
        assertEquals(1e100, info.get("high").get(1).asDouble(), "infinite bounds travel as 1e100");
        assertEquals(-1e100, info.get("low").get(3).asDouble());
        assertEquals((double) 4.8f, info.get("high").get(0).asDouble(), "a float32 bound is sent as its exact double");

        String pid = http.create("Pendulum-v1");
        JsonNode pact = http.get("/v1/envs/" + pid + "/action_space/").json().get("info");
        assertEquals("Box", pact.get("name").asText());
        assertEquals("[1]", pact.get("shape").toString());
        assertEquals(-2.0, pact.get("low").get(0).asDouble());
        assertEquals(2.0, pact.get("high").get(0).asDouble());
    }

    @Test
    void resetAndStepShapesWithExactFloats() {
        String id = http.create("CartPole-v1");
        Http.Reply reset = http.post("/v1/envs/" + id + "/reset/", "{\"seed\": 42}");
        assertEquals(200, reset.status());
        assertEquals(List.of("observation", "info"), keys(reset.json()));
        Env<?, ?> local = Envs.make("CartPole-v1");
        float[] expected = (float[]) local.reset(42).observation();
        JsonNode obs = reset.json().get("observation");
        for (int i = 0; i < 4; i++) {
            assertEquals(Double.toString(expected[i]), obs.get(i).toString(), "exact double of the float32");
            assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits((float) obs.get(i).asDouble()));
        }

        Http.Reply step = http.post("/v1/envs/" + id + "/step/", "{\"action\": 0, \"render\": false}");
        assertEquals(200, step.status(), step.body());
        assertEquals(List.of("observation", "reward", "done", "info", "terminated", "truncated"), keys(step.json()));
        @SuppressWarnings("unchecked")
        Step<float[]> s = ((Env<float[], Integer>) local).step(0);
        for (int i = 0; i < 4; i++) {
            assertEquals(s.observation()[i], (float) step.json().get("observation").get(i).asDouble());
        }
        assertEquals(1.0, step.json().get("reward").asDouble());
        assertFalse(step.json().get("done").asBoolean());
        assertTrue(step.json().get("info").isObject());
        local.close();
    }

    @Test
    void discreteObservationsAreIntegers() {
        String id = http.create("Identity-v0");
        JsonNode obs = http.post("/v1/envs/" + id + "/reset/", "{\"seed\": 3}").json().get("observation");
        assertTrue(obs.isInt(), obs.toString());
        JsonNode step = http.post("/v1/envs/" + id + "/step/", "{\"action\": " + obs.asInt() + "}").json();
        assertTrue(step.get("observation").isInt(), step.toString());
        assertEquals(1.0, step.get("reward").asDouble(), "the identity env rewards repeating the observation");
    }

    @Test
    void continuousActionsAsLists() {
        String id = http.create("Pendulum-v1");
        http.post("/v1/envs/" + id + "/reset/", "{\"seed\": 1}");
        JsonNode step = http.post("/v1/envs/" + id + "/step/", "{\"action\": [0.5]}").json();
        assertEquals(3, step.get("observation").size());
        assertTrue(step.get("reward").asDouble() <= 0);
        JsonNode sample = http.get("/v1/envs/" + id + "/action_space/sample").json();
        assertEquals(List.of("action"), keys(sample));
        double a = sample.get("action").get(0).asDouble();
        assertTrue(a >= -2 && a <= 2, sample.toString());
    }

    @Test
    void terminationAndTruncationForOldAndNewClients() {
        String cart = http.create("CartPole-v1");
        http.post("/v1/envs/" + cart + "/reset/", "{\"seed\": 0}");
        JsonNode last;
        do {
            last = http.post("/v1/envs/" + cart + "/step/", "{\"action\": 1}").json();
        } while (!last.get("done").asBoolean());
        assertTrue(last.get("terminated").asBoolean());
        assertFalse(last.get("truncated").asBoolean());
        assertNull(last.get("info").get("TimeLimit.truncated"), "only time-outs carry the key");

        String car = http.create("MountainCar-v0"); // never reaches the goal by idling: cut at 200 steps
        http.post("/v1/envs/" + car + "/reset/", "{\"seed\": 0}");
        int steps = 0;
        do {
            last = http.post("/v1/envs/" + car + "/step/", "{\"action\": 1}").json();
            steps++;
        } while (!last.get("done").asBoolean());
        assertEquals(200, steps);
        assertFalse(last.get("terminated").asBoolean());
        assertTrue(last.get("truncated").asBoolean());
        assertTrue(last.get("info").get("TimeLimit.truncated").asBoolean());
    }

    @Test
    void seedAtCreationSeedsTheFirstReset() {
        String a = http.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\", \"seed\": 7}").json().get("instance_id").asText();
        String b = http.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\", \"seed\": 0}").json().get("instance_id").asText();
        Reset<?> ra = Envs.make("CartPole-v1").reset(7);
        Reset<?> rb = Envs.make("CartPole-v1").reset(0);
        JsonNode oa = http.post("/v1/envs/" + a + "/reset/", "null").json().get("observation");
        JsonNode ob = http.post("/v1/envs/" + b + "/reset/", "").json().get("observation");
        assertEquals(((float[]) ra.observation())[0], (float) oa.get(0).asDouble());
        assertEquals(((float[]) rb.observation())[0], (float) ob.get(0).asDouble(), "seed 0 is a seed");
    }

    @Test
    void containsEndpoints() {
        String id = http.create("CartPole-v1");
        assertEquals("{\"member\":true}", http.get("/v1/envs/" + id + "/action_space/contains/1").json().toString());
        assertEquals("{\"member\":false}", http.get("/v1/envs/" + id + "/action_space/contains/2").json().toString());
        assertEquals(400, http.get("/v1/envs/" + id + "/action_space/contains/abc").status());

        String path = "/v1/envs/" + id + "/observation_space/contains";
        assertTrue(http.post(path, "{\"name\": \"Box\", \"shape\": [4]}").json().get("member").asBoolean());
        assertTrue(http.post(path, "{\"shape\": [4.0]}").json().get("member").asBoolean(), "numbers compare by value");
        assertFalse(http.post(path, "{\"name\": \"Discrete\"}").json().get("member").asBoolean());
        assertFalse(http.post(path, "{\"no_such_key\": 1}").json().get("member").asBoolean());
    }

    @Test
    void pathsWorkWithOrWithoutTrailingSlash() {
        String id = http.create("CartPole-v1");
        assertEquals(200, http.post("/v1/envs/" + id + "/reset", "{}").status());
        assertEquals(200, http.get("/v1/envs/" + id + "/action_space").status());
        assertEquals(200, http.get("/v1/envs/" + id + "/action_space/sample/").status());
        assertEquals(200, http.get("/v1/envs").status());
    }

    @Test
    void monitorStartAndCloseAnswer204() throws Exception {
        String id = http.create("CartPole-v1");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("gym-http-mon");
        String body = "{\"directory\": \"" + dir.toString().replace("\\", "\\\\")
                + "\", \"force\": true, \"resume\": false, \"video_callable\": false}";
        Http.Reply start = http.post("/v1/envs/" + id + "/monitor/start/", body);
        assertEquals(204, start.status(), start.body());
        assertEquals(204, http.post("/v1/envs/" + id + "/monitor/close/", "null").status());
        assertEquals(204, http.post("/v1/envs/" + id + "/monitor/close/", "null").status(), "closing twice is harmless");
    }
}
