package org.deeprl4j.tests.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.http.GymHttp;
import org.deeprl4j.env.http.GymHttpServer;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents train through the Gym HTTP API on loopback exactly as they do locally: same seed, same
 * episodes and same parameters, so every local learning result carries over.
 */
class GymHttpTrainingTest {
    private static GymHttpServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private TrainOutcome train(String envId, String name, long steps, Map<String, Object> overrides) {
        return TrainRunner.run(new TrainJob("dqn", envId, 7, steps, dir.resolve(name), overrides, Map.of(), 0, 5), System.out);
    }

    @Test
    void dqnOnRemoteCartPoleEqualsLocal() throws Exception {
        Map<String, Object> cfg = Map.of("learning_starts", 500, "train_freq", 4, "gradient_steps", 1, "net_arch", List.of(64, 64));
        TrainOutcome local = train("CartPole-v1", "local", 3000, cfg);
        TrainOutcome remote = train(GymHttp.id("CartPole-v1", server.uri()), "remote", 3000, cfg);
        String episodes = Files.readString(local.model().resolveSibling("episodes.csv"));
        assertTrue(episodes.lines().count() > 20);
        assertEquals(episodes, Files.readString(remote.model().resolveSibling("episodes.csv")));
        assertEquals(ModelFile.loadAll(local.model()).network("q").params(), ModelFile.loadAll(remote.model()).network("q").params());
        assertEquals(0, server.instanceCount(), "the remote instances are closed after training");
    }

    @Test
    void dqnLearnsIdentityThroughTheServer() {
        TrainOutcome remote = train(GymHttp.id("Identity-v0", server.uri()), "identity", 2000, Map.of());
        assertTrue(remote.finalEvaluation().mean() >= 90, "greedy return through HTTP " + remote.finalEvaluation());
    }
}
