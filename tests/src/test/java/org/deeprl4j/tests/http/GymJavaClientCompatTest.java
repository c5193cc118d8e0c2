package org.deeprl4j.tests.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.gym.Client;
import org.deeplearning4j.gym.ClientFactory;
import org.deeplearning4j.gym.ClientUtils;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.http.GymHttpServer;
import org.json.JSONException;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deeprl4j's Gym HTTP server driven by the existing Java client, {@code gym-java-client}
 * 1.0.0-beta6 from Maven Central (it bundles old {@code org.deeplearning4j.rl4j.space} classes, so
 * rl4j must never be on this module's classpath).
 *
 * <p>Known bugs of that client, and what our server does about them:
 * <ul>
 *   <li>{@code Client.listAll} reads the key {@code envs}, but the reference server (and ours)
 *       answers {@code {"all_envs": {...}}}: the client throws {@code JSONException}; the server
 *       keeps the reference's shape, which every other client reads.</li>
 *   <li>{@code Client.serverShutdown} posts to {@code /v1/envs//shutdown/} instead of
 *       {@code /v1/shutdown/}: our server answers 404 with a JSON message naming the right path,
 *       the client ignores the status, and the server keeps running, even when started with
 *       allowShutdown.</li>
 *   <li>The client has no {@code close()}: instances are closed by posting to
 *       {@code Client.CLOSE} with the client's own {@code ClientUtils}, as below.</li>
 *   <li>{@code ClientUtils.post} ignores the HTTP status, so a step the server refuses (400 with
 *       {@code {"message": ...}}) surfaces as a {@code JSONException} about the missing
 *       {@code observation}.</li>
 * </ul>
 */
class GymJavaClientCompatTest {
    @TempDir
    static Path dir;
    private static GymHttpServer server;
    private static String url;

    @BeforeAll
    static void start() {
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        url = server.uri().toString();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Re-seeds the client's instance (the client itself cannot send a seed). */
    private static void seed(String instanceId, long seed) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/v1/envs/" + instanceId + "/reset/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"seed\": " + seed + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private static float[] floats(Box box) {
        double[] d = box.toArray();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    @SuppressWarnings("unchecked")
    void createResetStepAnEpisodeMonitorAndClose() throws Exception {
        Client<Box, Integer, DiscreteSpace> client = ClientFactory.build(url, "CartPole-v1", false);
        assertEquals(2, client.getActionSpace().getSize());
        assertArrayEquals(new int[] {4}, client.getObservationSpace().getShape());
        assertEquals(4, client.reset().toArray().length);

        client.monitorStart(dir.toString(), true, false);
        seed(client.getInstanceId(), 42);
        Env<float[], Integer> local = (Env<float[], Integer>) Envs.make("CartPole-v1");
        local.reset(42);
        int length = 0;
        boolean done = false;
        while (!done) {
            int action = length % 3 == 0 ? 0 : 1;
            StepReply<Box> reply = client.step(action);
            Step<float[]> want = local.step(action);
            assertArrayEquals(want.observation(), floats(reply.getObservation()), "bit-exact through the old client");
            assertEquals(want.reward(), reply.getReward());
            assertEquals(want.done(), reply.isDone());
            done = reply.isDone();
            length++;
        }
        client.monitorClose();

        List<String> rows = Files.readAllLines(dir.resolve(client.getInstanceId() + ".monitor.csv"));
        assertEquals("r,l,t", rows.get(1));
        assertEquals(length, Integer.parseInt(rows.get(2).split(",")[1]), "one episode recorded: " + rows);

        ClientUtils.post(url + Client.ENVS_ROOT + client.getInstanceId() + Client.CLOSE, new JSONObject());
        assertEquals(0, server.instanceCount(), "closed through the client's own utilities");
        local.close();
    }

    @Test
    void unknownEnvironmentIsReportedByTheClient() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> ClientFactory.build(url, "NoSuchEnv-v0", false));
        assertTrue(e.getMessage().contains("Environment id not found"), e.getMessage());
    }

    @Test
    void listAllBugReadsEnvsInsteadOfAllEnvs() {
        Client<Box, Integer, DiscreteSpace> client = ClientFactory.build(url, "CartPole-v1", false);
        assertThrows(JSONException.class, client::listAll);
        JSONObject list = ClientUtils.get(url + Client.ENVS_ROOT);
        assertTrue(list.getJSONObject("all_envs").has(client.getInstanceId()), "the reference shape is served");
        ClientUtils.post(url + Client.ENVS_ROOT + client.getInstanceId() + Client.CLOSE, new JSONObject());
    }

    @Test
    void shutdownBugPostsToAPathThatDoesNothing() {
        try (GymHttpServer allowing = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0)
                .withAllowShutdown(true))) {
            Client.serverShutdown(allowing.uri().toString()); // POST /v1/envs//shutdown/ -> 404
            assertTrue(allowing.isRunning());
            assertFalse(allowing.instanceCount() > 0);
        }
    }

    @Test
    void aRefusedStepSurfacesAsAJsonException() {
        Client<Box, Integer, DiscreteSpace> client = ClientFactory.build(url, "CartPole-v1", false);
        client.reset();
        assertThrows(JSONException.class, () -> client.step(5)); // server: 400 "... not in the action space Discrete(2)"
        assertEquals(4, client.step(1).getObservation().toArray().length, "the instance is intact");
        ClientUtils.post(url + Client.ENVS_ROOT + client.getInstanceId() + Client.CLOSE, new JSONObject());
    }
}
