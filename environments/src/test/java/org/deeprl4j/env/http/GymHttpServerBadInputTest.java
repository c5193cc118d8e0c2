package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Malformed and invalid requests get a 4xx with a JSON message, and leave the instance intact. */
class GymHttpServerBadInputTest {
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

    private static void assertError(int status, String messagePart, Http.Reply r) {
        assertEquals(status, r.status(), r.body());
        assertNotNull(r.message(), "error body must be JSON with a message: " + r.body());
        assertTrue(r.message().contains(messagePart), "message '" + r.message() + "' should mention '" + messagePart + "'");
    }

    private static String reset(String envId) {
        String id = http.create(envId);
        assertEquals(200, http.post("/v1/envs/" + id + "/reset/", "{\"seed\": 5}").status());
        return id;
    }

    @Test
    void malformedJsonIs400() {
        assertError(400, "not a valid json", http.post("/v1/envs/", "{\"env_id\": "));
        assertError(400, "not a valid json", http.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\"} trailing"));
        assertError(400, "must be a JSON object", http.post("/v1/envs/", "[\"CartPole-v1\"]"));
        String id = reset("CartPole-v1");
        assertError(400, "not a valid json", http.post("/v1/envs/" + id + "/step/", "{action: 1}"));
        assertError(400, "not a valid json", http.post("/v1/envs/" + id + "/step/", new byte[] {'{', (byte) 0xff, '}'}));
    }

    @Test
    void missingParametersAreNamed() {
        assertError(400, "'env_id'", http.post("/v1/envs/", "{}"));
        assertError(400, "'env_id'", http.post("/v1/envs/", ""));
        assertError(400, "'env_id'", http.post("/v1/envs/", "{\"env_id\": \"\"}"));
        String id = reset("CartPole-v1");
        assertError(400, "'action'", http.post("/v1/envs/" + id + "/step/", "{\"render\": false}"));
        assertError(400, "'action'", http.post("/v1/envs/" + id + "/step/", "{\"action\": null}"));
        assertError(400, "'action'", http.post("/v1/envs/" + id + "/step/", "null"));
        assertError(400, "'directory'", http.post("/v1/envs/" + id + "/monitor/start/", "{\"force\": true}"));
    }

    @Test
    void actionZeroIsAValueNotMissing() {
        String id = reset("CartPole-v1");
        Http.Reply r = http.post("/v1/envs/" + id + "/step/", "{\"action\": 0}");
        assertEquals(200, r.status(), r.body());
        assertEquals(200, http.post("/v1/envs/" + id + "/step/", "{\"action\": 0.0}").status(), "an integral float is an int");
    }

    @Test
    void wrongTypesAreNamed() {
        assertError(400, "'env_id' must be a string", http.post("/v1/envs/", "{\"env_id\": 5}"));
        assertError(400, "'seed' must be an integer", http.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\", \"seed\": 1.5}"));
        String id = http.create("CartPole-v1");
        assertError(400, "'seed' must be an integer", http.post("/v1/envs/" + id + "/reset/", "{\"seed\": \"abc\"}"));
        assertError(400, "'seed' must be an integer",
                http.post("/v1/envs/" + id + "/reset/", "{\"seed\": 99999999999999999999}"));
        http.post("/v1/envs/" + id + "/reset/", "{}");
        assertError(400, "'render' must be true or false",
                http.post("/v1/envs/" + id + "/step/", "{\"action\": 1, \"render\": \"yes\"}"));
    }

    @Test
    void unknownInstanceIs400AsInTheReference() {
        assertError(400, "Instance_id nope unknown", http.post("/v1/envs/nope/reset/", "{}"));
        assertError(400, "Instance_id nope unknown", http.post("/v1/envs/nope/step/", "{\"action\": 1}"));
        assertError(400, "Instance_id nope unknown", http.get("/v1/envs/nope/action_space/"));
        assertError(400, "Instance_id nope unknown", http.post("/v1/envs/nope/close/", "{}"));
        assertError(400, "Instance_id nope unknown", http.delete("/v1/envs/nope/"));
    }

    @Test
    void actionsOutsideTheSpaceNameTheSpace() {
        String cart = reset("CartPole-v1");
        assertError(400, "Discrete(2)", http.post("/v1/envs/" + cart + "/step/", "{\"action\": 2}"));
        assertError(400, "Discrete(2)", http.post("/v1/envs/" + cart + "/step/", "{\"action\": -1}"));
        assertError(400, "Discrete(2)", http.post("/v1/envs/" + cart + "/step/", "{\"action\": \"left\"}"));
        assertError(400, "Discrete(2)", http.post("/v1/envs/" + cart + "/step/", "{\"action\": 0.5}"));
        assertError(400, "Discrete(2)", http.post("/v1/envs/" + cart + "/step/", "{\"action\": true}"));
        String pend = reset("Pendulum-v1");
        String box = "Box(-2.0, 2.0, (1,), float32)";
        assertError(400, box, http.post("/v1/envs/" + pend + "/step/", "{\"action\": [5.0]}"));
        assertError(400, box, http.post("/v1/envs/" + pend + "/step/", "{\"action\": [0.1, 0.2]}"));
        assertError(400, box, http.post("/v1/envs/" + pend + "/step/", "{\"action\": [NaN]}"));
        assertError(400, box, http.post("/v1/envs/" + pend + "/step/", "{\"action\": {\"a\": 1}}"));
        // the rejected requests changed nothing: the episodes go on
        assertEquals(200, http.post("/v1/envs/" + cart + "/step/", "{\"action\": 1}").status());
        assertEquals(200, http.post("/v1/envs/" + pend + "/step/", "{\"action\": [1.5]}").status());
    }

    @Test
    void unknownEnvironmentsAreRefusedWithSuggestions() {
        assertError(400, "CartPole-v1", http.post("/v1/envs/", "{\"env_id\": \"CartPole-v9\"}"));
        assertError(400, "unknown environment id", http.post("/v1/envs/", "{\"env_id\": \"CartPol-v1\"}"));
        // a server never proxies to other servers: prefixed ids are not served
        assertError(400, "unknown environment id",
                http.post("/v1/envs/", "{\"env_id\": \"gym-http:CartPole-v1@http://127.0.0.1:1\"}"));
    }

    @Test
    void callOrderErrorsAre400() {
        String id = http.create("CartPole-v1");
        assertError(400, "before reset", http.post("/v1/envs/" + id + "/step/", "{\"action\": 1}"));
        http.post("/v1/envs/" + id + "/reset/", "{\"seed\": 0}");
        Http.Reply r;
        do {
            r = http.post("/v1/envs/" + id + "/step/", "{\"action\": 1}");
        } while (!r.json().get("done").asBoolean());
        assertError(400, "reset", http.post("/v1/envs/" + id + "/step/", "{\"action\": 1}"));
        assertEquals(200, http.post("/v1/envs/" + id + "/reset/", "{}").status());
    }

    @Test
    void unknownRoutesAndMethods() {
        assertError(404, "No endpoint", http.get("/v1/nothing/"));
        assertError(404, "No endpoint", http.get("/"));
        String id = http.create("CartPole-v1");
        assertError(404, "No endpoint", http.post("/v1/envs/" + id + "/fly/", "{}"));
        Http.Reply r = http.get("/v1/envs/" + id + "/step/");
        assertError(405, "use POST", r);
        assertEquals("POST", r.raw().headers().firstValue("Allow").orElse(""));
        assertError(405, "use GET, POST", http.method("PUT", "/v1/envs/"));
        assertError(405, "use POST", http.get("/v1/shutdown/"));
        assertError(501, "no longer exists", http.post("/v1/upload/", "{\"training_dir\": \"x\", \"api_key\": \"k\"}"));
    }

    @Test
    void monitorDirectoryMustBeUsable() throws Exception {
        String id = http.create("CartPole-v1");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("gym-http", ".txt");
        String path = file.toString().replace("\\", "\\\\");
        assertError(400, "Cannot create monitor directory",
                http.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\": \"" + path + "/sub\"}"));
        assertError(400, "'force' must be true or false",
                http.post("/v1/envs/" + id + "/monitor/start/", "{\"directory\": \"x\", \"force\": 1}"));
        java.nio.file.Files.delete(file);
    }
}
