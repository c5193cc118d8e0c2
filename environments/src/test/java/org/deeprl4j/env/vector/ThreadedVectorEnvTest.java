package org.deeprl4j.env.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.wrappers.TimeLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Threads, and bit-identical results of the threaded and the sequential vector env. */
class ThreadedVectorEnvTest {

    /** Seven counters with different targets and time limits, so episodes end out of step. */
    private static List<Supplier<Env<?, ?>>> mixed() {
        List<Supplier<Env<?, ?>>> list = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            int target = 5 + 3 * i;
            int limit = 4 + 2 * i;
            list.add(() -> new TimeLimit<>(CounterEnv.discrete(target), limit));
        }
        return list;
    }

    @ParameterizedTest
    @EnumSource(AutoresetMode.class)
    void threadedMatchesSyncBitForBit(AutoresetMode mode) {
        try (VectorEnv sync = new SyncVectorEnv(mixed(), mode);
             VectorEnv threaded = new ThreadedVectorEnv(mixed(), mode, 3)) {
            assertArrayEquals(sync.reset(123).clone(), threaded.reset(123));
            Rng rng = new Rng(99);
            int[] actions = new int[7];
            int episodes = 0;
            for (int t = 0; t < 3000; t++) {
                for (int i = 0; i < actions.length; i++) {
                    actions[i] = rng.nextInt(3);
                }
                VectorStep a = sync.step(actions);
                VectorStep b = threaded.step(actions);
                assertArrayEquals(a.observations(), b.observations(), "observations at step " + t);
                assertArrayEquals(a.rewards(), b.rewards(), "rewards at step " + t);
                assertArrayEquals(a.terminated(), b.terminated(), "terminated at step " + t);
                assertArrayEquals(a.truncated(), b.truncated(), "truncated at step " + t);
                assertArrayEquals(a.autoreset(), b.autoreset(), "autoreset at step " + t);
                for (int i = 0; i < actions.length; i++) {
                    assertInfoEquals(a.info(i), b.info(i));
                    episodes += a.done(i) ? 1 : 0;
                }
            }
            assertTrue(episodes > 500, "many episodes ended: " + episodes);
            assertArrayEquals(sync.reset().clone(), threaded.reset(), "unseeded resets continue the generators");
        }
    }

    private static void assertInfoEquals(Map<String, Object> a, Map<String, Object> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String key : a.keySet()) {
            if (a.get(key) instanceof float[] f) {
                assertArrayEquals(f, (float[]) b.get(key), key);
            } else {
                assertEquals(a.get(key), b.get(key), key);
            }
        }
    }

    @Test
    void workersAreNamedDaemonsAndStopOnClose() throws InterruptedException {
        ThreadedVectorEnv v =
                new ThreadedVectorEnv(CounterEnv.discreteFactories(5, 5, 5, 5, 5), AutoresetMode.NEXT_STEP, 3);
        assertEquals(3, v.numThreads());
        List<Thread> workers = v.workerThreads();
        assertEquals(2, workers.size(), "the caller runs the first slice");
        for (Thread w : workers) {
            assertTrue(w.getName().matches("deeprl4j-vecenv-\\d+"), w.getName());
            assertTrue(w.isDaemon());
            assertTrue(w.isAlive());
        }
        v.reset(0);
        for (int t = 0; t < 50; t++) {
            v.step(new int[] {1, 1, 1, 1, 1});
            if (t == 25) {
                Thread.sleep(20); // let the workers park, then wake them again
            }
        }
        v.close();
        for (Thread w : workers) {
            w.join(5000);
            assertFalse(w.isAlive(), w.getName() + " stopped");
        }
        v.close();
    }

    @Test
    void threadCountIsClampedToTheNumberOfEnvs() {
        List<Supplier<Env<?, ?>>> two = CounterEnv.discreteFactories(5, 5);
        try (ThreadedVectorEnv v = new ThreadedVectorEnv(two, AutoresetMode.NEXT_STEP, 8)) {
            assertEquals(2, v.numThreads());
        }
        try (ThreadedVectorEnv v = new ThreadedVectorEnv(two, AutoresetMode.NEXT_STEP, 1)) {
            assertTrue(v.workerThreads().isEmpty());
            v.reset(0);
            assertEquals(1f, v.step(new int[] {1, 1}).observations()[2]);
        }
        try (ThreadedVectorEnv v = new ThreadedVectorEnv(CounterEnv.discreteFactories(5, 5, 5))) {
            assertEquals(ThreadedVectorEnv.defaultThreads(3), v.numThreads());
            assertEquals(AutoresetMode.NEXT_STEP, v.autoresetMode());
        }
    }

    @Test
    void makeBuildsFromTheRegistryWithItsTimeLimit() {
        String id = "VecTestCounter-v0";
        Envs.register(EnvSpec.of(id, kw -> CounterEnv.discrete((float) kw.getDouble("target", 1000)), 4, null));
        try (VectorEnv sync = VectorEnvs.make(id, 3, false); VectorEnv threaded = VectorEnvs.make(id, 3, true)) {
            assertInstanceOf(SyncVectorEnv.class, sync);
            assertInstanceOf(ThreadedVectorEnv.class, threaded);
            assertArrayEquals(sync.reset(8).clone(), threaded.reset(8));
            VectorStep s = null;
            for (int t = 0; t < 4; t++) {
                s = sync.step(new int[] {2, 2, 2});
                assertArrayEquals(s.observations(), threaded.step(new int[] {2, 2, 2}).observations());
            }
            assertTrue(s.truncated()[0], "TimeLimit(4) from the spec applies");
        } finally {
            Envs.unregister(id);
        }
    }
}
