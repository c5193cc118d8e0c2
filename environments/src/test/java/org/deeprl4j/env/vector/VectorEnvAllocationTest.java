package org.deeprl4j.env.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stepping allocates nothing beyond what the sub-environments themselves allocate. */
class VectorEnvAllocationTest {

    /** Allocation-free env: one observation array and one Step object, reused. */
    private static final class StaticEnv extends BaseEnv<float[], Integer> {
        private static final Box<float[]> OBS = Box.of(-1e9f, 1e9f, 3);
        private static final Discrete ACTIONS = new Discrete(2);
        private final float[] obs = new float[3];
        private final Step<float[]> step = Step.of(obs, 1.0, false, false);
        private final Reset<float[]> reset = Reset.of(obs);

        @Override
        public Space<float[]> observationSpace() {
            return OBS;
        }

        @Override
        public Space<Integer> actionSpace() {
            return ACTIONS;
        }

        @Override
        protected Reset<float[]> doReset() {
            return reset;
        }

        @Override
        protected Step<float[]> doStep(Integer action) {
            obs[0] += action;
            return step;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void steppingDoesNotAllocate(String kind) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        Supplier<Env<?, ?>> factory = StaticEnv::new;
        try (VectorEnv v = VectorEnvTest.create(kind, Collections.nCopies(4, factory), AutoresetMode.NEXT_STEP)) {
            List<Thread> threads = new ArrayList<>(List.of(Thread.currentThread()));
            if (v instanceof ThreadedVectorEnv t) {
                threads.addAll(t.workerThreads());
            }
            long[] ids = threads.stream().mapToLong(Thread::getId).toArray();
            int[] actions = {1, 0, 1, 1};
            v.reset(0);
            int steps = 10_000;
            for (int t = 0; t < steps; t++) { // warm up the JIT
                v.step(actions);
            }
            long before = sum(mx.getThreadAllocatedBytes(ids));
            for (int t = 0; t < steps; t++) {
                v.step(actions);
            }
            long allocated = sum(mx.getThreadAllocatedBytes(ids)) - before;
            assertEquals(2f * steps, v.step(actions).observations()[0] - 1, 0f);
            // one 16-byte object per step would be 160 kB; leave room for incidental JVM allocation
            assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes in " + steps + " steps");
        }
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += Math.max(0, v);
        }
        return s;
    }
}
