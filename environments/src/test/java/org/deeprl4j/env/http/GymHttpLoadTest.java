package org.deeprl4j.env.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bounded loopback load test: 1 client x 3000 steps, then 8 concurrent clients x 1000 steps each,
 * on CartPole-v1 through {@link GymHttpEnv}. Every step received must equal the step the same env
 * produces locally with the same seeds and actions (no error, no lost or duplicated step). Prints
 * steps/s and p50/p99 latency; asserts no timing.
 */
class GymHttpLoadTest {
    private static GymHttpServer server;

    @BeforeAll
    static void start() {
        server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0));
        run(1, 1500, 99); // warm up the JIT of server and client; not reported
        run(8, 150, 99);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Totals of one client: steps made, mismatches against the local env, latencies in ns. */
    private record ClientResult(int steps, int mismatches, long[] latencies) {
    }

    /** All clients' results and the wall time of the run. */
    private record RunResult(List<ClientResult> clients, long elapsedNanos) {
    }

    @Test
    void oneKeepAliveClient() {
        report("1 client x 3000 steps", run(1, 3000, 1));
    }

    @Test
    void eightConcurrentClients() {
        report("8 clients x 1000 steps", run(8, 1000, 100));
    }

    private static RunResult run(int clients, int steps, long seed) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long t0 = System.nanoTime();
            List<Future<ClientResult>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                long s = seed + 1000L * c;
                futures.add(pool.submit(() -> client(steps, s)));
            }
            List<ClientResult> results = new ArrayList<>();
            for (Future<ClientResult> f : futures) {
                results.add(f.get());
            }
            long elapsed = System.nanoTime() - t0;
            for (ClientResult r : results) {
                assertEquals(steps, r.steps(), "every step answered exactly once");
                assertEquals(0, r.mismatches(), "remote trajectory equals the local one");
            }
            return new RunResult(results, elapsed);
        } catch (Exception e) {
            throw new AssertionError("load test client failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Steps a remote and a local CartPole in lockstep with the same seeds and random actions. */
    @SuppressWarnings("unchecked")
    private static ClientResult client(int steps, long seed) {
        Rng actions = new Rng(seed);
        long[] lat = new long[steps];
        int mismatches = 0;
        try (GymHttpEnv remote = GymHttpEnv.create(server.uri(), "CartPole-v1");
             Env<float[], Integer> local = (Env<float[], Integer>) Envs.make("CartPole-v1")) {
            long episode = seed;
            Reset<Object> r = remote.reset(episode);
            mismatches += Arrays.equals((float[]) r.observation(), local.reset(episode).observation()) ? 0 : 1;
            for (int i = 0; i < steps; i++) {
                int a = actions.nextInt(2);
                long t = System.nanoTime();
                Step<Object> got = remote.step(a);
                lat[i] = System.nanoTime() - t;
                Step<float[]> want = local.step(a);
                boolean same = Arrays.equals((float[]) got.observation(), want.observation())
                        && got.reward() == want.reward() && got.terminated() == want.terminated()
                        && got.truncated() == want.truncated();
                mismatches += same ? 0 : 1;
                if (want.done()) {
                    episode++;
                    mismatches += Arrays.equals((float[]) remote.reset(episode).observation(),
                            local.reset(episode).observation()) ? 0 : 1;
                }
            }
        }
        return new ClientResult(steps, mismatches, lat);
    }

    private static void report(String label, RunResult run) {
        long elapsed = run.elapsedNanos();
        long[] all = run.clients().stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
        double stepsPerSecond = all.length / (elapsed / 1e9);
        double mean = Arrays.stream(all).average().orElse(0);
        System.out.printf("Gym HTTP load, %s: %.0f steps/s, latency mean %.3f ms, p50 %.3f ms, p99 %.3f ms "
                        + "(%d steps, 0 errors, 0 mismatches)%n", label, stepsPerSecond, mean / 1e6,
                all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6, all.length);
    }
}
