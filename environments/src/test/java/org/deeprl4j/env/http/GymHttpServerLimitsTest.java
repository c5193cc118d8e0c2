package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Body and instance limits, idle eviction, per-instance serialization, shutdown and stop. */
class GymHttpServerLimitsTest {
    private static GymHttpServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        ProbeEnv.register();
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.stop();
        ProbeEnv.unregister();
    }

    @Test
    void bodiesOverOneMegabyteAre413() {
        int limit = 1 << 20;
        String pad = "x".repeat(limit - 40);
        Http.Reply ok = http.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\", \"p\": \"" + pad + "\"}");
        assertEquals(200, ok.status(), "a body just under 1 MB is fine");

        byte[] big = new byte[limit + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        String head = "POST /v1/envs/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + big.length + "\r\n\r\n";
        String reply = http.raw(head, big);
        assertTrue(reply.startsWith("HTTP/1.1 413"), reply);
        assertTrue(reply.contains("larger than the server's limit of 1048576 bytes"), reply);

        // no Content-Length: the limit holds while streaming a chunked body
        byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] chunked = new byte[chunk.length * 2];
        System.arraycopy(chunk, 0, chunked, 0, chunk.length);
        System.arraycopy(chunk, 0, chunked, chunk.length, chunk.length);
        String reply2 = http.raw("POST /v1/envs/ HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", chunked);
        assertTrue(reply2.startsWith("HTTP/1.1 413"), reply2);
        assertEquals(200, http.get("/v1/envs/").status(), "the server carries on");
    }

    @Test
    void tooManyInstancesAre429() {
        try (GymHttpServer small = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0).withMaxInstances(3))) {
            Http h = new Http(small.uri());
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                assertEquals(400, h.post("/v1/envs/", "{\"env_id\": \"Nope-v0\"}").status());
                ids.add(h.create("CartPole-v1")); // failed creations did not use up a slot
            }
            Http.Reply r = h.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\"}");
            assertEquals(429, r.status());
            assertTrue(r.message().contains("allows 3"), r.message());
            assertEquals(204, h.post("/v1/envs/" + ids.get(0) + "/close/", "{}").status());
            assertEquals(200, h.post("/v1/envs/", "{\"env_id\": \"CartPole-v1\"}").status());
            assertEquals(3, small.instanceCount());
        }
    }

    @Test
    void idleInstancesAreEvicted() throws Exception {
        try (GymHttpServer quick = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0)
                .withIdleTimeout(Duration.ofMillis(300)))) {
            Http h = new Http(quick.uri());
            String idle = h.create("CartPole-v1");
            String busy = h.create("CartPole-v1");
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (h.get("/v1/envs/").json().get("all_envs").has(idle) && System.nanoTime() < end) {
                assertEquals(200, h.get("/v1/envs/" + busy + "/action_space/").status()); // keeps it in use
                Thread.sleep(50);
            }
            assertFalse(h.get("/v1/envs/").json().get("all_envs").has(idle), "idle instance evicted");
            assertTrue(h.get("/v1/envs/").json().get("all_envs").has(busy), "instance in use kept");
            Http.Reply r = h.post("/v1/envs/" + idle + "/reset/", "{}");
            assertEquals(400, r.status());
            assertTrue(r.message().contains("idle"), r.message());
        }
    }

    @Test
    void requestsOnOneInstanceRunOneAtATime() throws Exception {
        ProbeEnv.resetCounters();
        String id = http.create(ProbeEnv.SLOW);
        http.post("/v1/envs/" + id + "/reset/", "{}");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> f = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                f.add(pool.submit(() -> {
                    int ok = 0;
                    for (int j = 0; j < 4; j++) {
                        ok += http.post("/v1/envs/" + id + "/step/", "{\"action\": 1}").status() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int ok = 0;
            for (Future<Integer> x : f) {
                ok += x.get();
            }
            assertEquals(24, ok);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, ProbeEnv.MAX_ACTIVE.get(), "never two steps inside one instance");
        Http.Reply last = http.post("/v1/envs/" + id + "/step/", "{\"action\": 1}");
        assertEquals(25, last.json().get("observation").asInt(), "no step lost or repeated");
    }

    @Test
    void differentInstancesRunInParallel() throws Exception {
        ProbeEnv.resetCounters();
        String a = http.create(ProbeEnv.RENDEZVOUS);
        String b = http.create(ProbeEnv.RENDEZVOUS);
        http.post("/v1/envs/" + a + "/reset/", "{}");
        http.post("/v1/envs/" + b + "/reset/", "{}");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Http.Reply> fa = pool.submit(() -> http.post("/v1/envs/" + a + "/step/", "{\"action\": 0}"));
            Future<Http.Reply> fb = pool.submit(() -> http.post("/v1/envs/" + b + "/step/", "{\"action\": 0}"));
            // each step waits for the other: both get reward 1 only if they ran at the same time
            assertEquals(1.0, fa.get().json().get("reward").asDouble());
            assertEquals(1.0, fb.get().json().get("reward").asDouble());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestWaitingTooLongForABusyInstanceIs409() throws Exception {
        ProbeEnv.resetCounters();
        try (GymHttpServer s = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0)
                .withLockTimeout(Duration.ofMillis(1)))) {
            Http h = new Http(s.uri());
            String id = h.create(ProbeEnv.RENDEZVOUS);
            h.post("/v1/envs/" + id + "/reset/", "{}");
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                // this step holds the instance until its rendezvous times out (nobody else can enter)
                Future<Http.Reply> first = pool.submit(() -> h.post("/v1/envs/" + id + "/step/", "{\"action\": 0}"));
                while (ProbeEnv.ACTIVE.get() == 0) {
                    Thread.sleep(5);
                }
                Http.Reply second = h.post("/v1/envs/" + id + "/step/", "{\"action\": 0}");
                assertEquals(409, second.status(), second.body());
                assertTrue(second.message().contains("busy"), second.message());
                ProbeEnv.rendezvous.countDown(); // release the first step
                assertEquals(200, first.get().status());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void shutdownIsRefusedUnlessAllowed() throws Exception {
        Http.Reply r = http.post("/v1/shutdown/", "null");
        assertEquals(403, r.status());
        assertTrue(r.message().contains("allow-shutdown"), r.message());
        // gym-java-client 1.0.0-beta6 posts to /v1/envs//shutdown/: not an endpoint, nothing stops
        assertEquals(404, http.post("/v1/envs//shutdown/", "{}").status());
        assertTrue(server.isRunning());

        GymHttpServer s = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0).withAllowShutdown(true));
        Http h = new Http(s.uri());
        h.create("CartPole-v1");
        Http.Reply bye = h.post("/v1/shutdown/", "null");
        assertEquals(200, bye.status());
        assertEquals("Server shutting down", bye.body());
        assertTrue(s.awaitTermination(Duration.ofSeconds(20)));
        assertFalse(s.isRunning());
        assertEquals(0, s.instanceCount());
        assertThrows(java.io.UncheckedIOException.class, () -> h.get("/v1/envs/"));
    }

    @Test
    void stopClosesEveryInstance() {
        GymHttpServer s = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        Http h = new Http(s.uri());
        int before = ProbeEnv.CLOSED.get();
        h.create(ProbeEnv.SLOW);
        h.create(ProbeEnv.SLOW);
        s.stop();
        s.stop(); // idempotent
        assertEquals(before + 2, ProbeEnv.CLOSED.get());
        assertFalse(s.isRunning());
    }

    @Test
    void stopLetsARunningRequestFinish() throws Exception {
        ProbeEnv.resetCounters();
        GymHttpServer s = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        Http h = new Http(s.uri());
        String id = h.create(ProbeEnv.RENDEZVOUS);
        h.post("/v1/envs/" + id + "/reset/", "{}");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Http.Reply> step = pool.submit(() -> h.post("/v1/envs/" + id + "/step/", "{\"action\": 0}"));
            while (ProbeEnv.ACTIVE.get() == 0) {
                Thread.sleep(5);
            }
            Thread stopper = new Thread(s::stop);
            stopper.start();
            Thread.sleep(100); // let stop() begin waiting for the running step
            ProbeEnv.rendezvous.countDown();
            assertEquals(200, step.get().status(), "the running step was answered");
            stopper.join(10_000);
            assertFalse(s.isRunning());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void bindingBeyondLoopbackLogsAWarning() {
        Logger log = Logger.getLogger(GymHttpServer.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(h);
        try {
            GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0)).stop();
            assertTrue(records.stream().noneMatch(r -> r.getLevel() == java.util.logging.Level.WARNING));
            GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0).withHost("0.0.0.0")).stop();
            assertTrue(records.stream().anyMatch(r -> r.getLevel() == java.util.logging.Level.WARNING
                    && r.getMessage().contains("non-loopback")), "warning logged");
        } finally {
            log.removeHandler(h);
        }
    }
}
