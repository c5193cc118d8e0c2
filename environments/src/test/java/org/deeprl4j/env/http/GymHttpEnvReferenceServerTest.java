package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a stub that answers exactly like the Python reference server (no
 * {@code terminated}/{@code truncated}, no reset {@code info}, no {@code dtype}, Flask's error body).
 */
class GymHttpEnvReferenceServerTest {
    private HttpServer stub;
    private final List<String> steps = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(ex.getRequestMethod() + " " + path + " " + body);
            String reply;
            int status = 200;
            if (path.equals("/v1/envs/")) {
                reply = "{\"instance_id\": \"3c657dbc\"}";
            } else if (path.endsWith("/observation_space/")) {
                reply = "{\"info\": {\"name\": \"Box\", \"shape\": [2], \"low\": [-1e100, -1.0], \"high\": [1e100, 1.0]}}";
            } else if (path.endsWith("/action_space/")) {
                reply = "{\"info\": {\"name\": \"Discrete\", \"n\": 2}}";
            } else if (path.endsWith("/reset/")) {
                reply = "{\"observation\": [0.10000000149011612, -0.5]}";
            } else if (path.endsWith("/step/")) {
                reply = steps.isEmpty() ? "{\"message\": \"Instance_id 3c657dbc unknown\"}" : steps.remove(0);
                status = reply.contains("message") ? 400 : 200;
            } else {
                status = 204;
                reply = "";
            }
            byte[] b = reply.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
            if (b.length > 0) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(b);
                }
            }
            ex.close();
        });
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + stub.getAddress().getPort());
    }

    @Test
    void doneAndTimeLimitTruncatedMapToGymnasiumFlags() {
        steps.add("{\"observation\": [0.2, 0.25], \"reward\": 1.0, \"done\": false, \"info\": {}}");
        steps.add("{\"observation\": [0.3, 0.5], \"reward\": 1.0, \"done\": true, \"info\": {\"TimeLimit.truncated\": true}}");
        steps.add("{\"observation\": [0.4, 1.0], \"reward\": 0.5, \"done\": true, \"info\": {}}");
        try (GymHttpEnv env = GymHttpEnv.create(uri(), "CartPole-v0")) {
            assertEquals(new Discrete(2), env.actionSpace());
            Box<?> obs = (Box<?>) env.observationSpace();
            assertEquals(Double.POSITIVE_INFINITY, obs.high(0), "1e100 means unbounded");
            assertEquals(Box.DType.FLOAT32, obs.dtype(), "no dtype: float32, like Gym's Box default");

            assertArrayEquals(new float[] {0.1f, -0.5f}, (float[]) env.reset().observation());
            assertTrue(env.reset().info().isEmpty());
            Step<Object> s1 = env.step(1);
            assertFalse(s1.terminated() || s1.truncated());
            Step<Object> s2 = env.step(0);
            assertTrue(s2.truncated(), "done with TimeLimit.truncated is a time-out");
            assertFalse(s2.terminated());
            env.reset();
            Step<Object> s3 = env.step(1);
            assertTrue(s3.terminated(), "done without it is a terminal state");
            assertFalse(s3.truncated());
            assertEquals(0.5, s3.reward());
            env.reset();
            GymHttpException e = assertThrows(GymHttpException.class, () -> env.step(1));
            assertEquals("Instance_id 3c657dbc unknown", e.serverMessage());
        }
        assertTrue(requests.contains("POST /v1/envs/ {\"env_id\":\"CartPole-v0\"}"), requests.toString());
        assertTrue(requests.contains("POST /v1/envs/3c657dbc/step/ {\"action\":1}"), requests.toString());
        assertTrue(requests.contains("POST /v1/envs/3c657dbc/close/ {}"), "close() closes the remote instance");
    }

    @Test
    void aStepRefusedForItsActionBecomesInvalidActionException() {
        steps.add("{\"message\": \"action 1 (Integer) is not in the action space Discrete(1)\"}");
        try (GymHttpEnv env = GymHttpEnv.create(uri(), "CartPole-v0")) {
            env.reset();
            org.deeprl4j.env.InvalidActionException e = assertThrows(org.deeprl4j.env.InvalidActionException.class,
                    () -> env.step(1));
            assertInstanceOfGymHttp(e.getCause());
        }
    }

    private static void assertInstanceOfGymHttp(Throwable t) {
        assertTrue(t instanceof GymHttpException g && g.status() == 400, String.valueOf(t));
    }
}
