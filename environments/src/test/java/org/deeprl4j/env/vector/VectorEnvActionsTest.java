package org.deeprl4j.env.vector;

import static org.deeprl4j.env.vector.VectorEnvTest.assertRow;
import static org.deeprl4j.env.vector.VectorEnvTest.create;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.wrappers.Wrapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Action layouts of every supported action space, and episode statistics from wrappers. */
class VectorEnvActionsTest {

    private static <A> List<Supplier<Env<?, ?>>> counters(int n, Space<A> actionSpace) {
        List<Supplier<Env<?, ?>>> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(() -> new CounterEnv<>(actionSpace, 1e6f));
        }
        return list;
    }

    private static <A> List<CounterEnv<A>> refs(int n, Space<A> actionSpace, long seed) {
        List<CounterEnv<A>> refs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            CounterEnv<A> ref = new CounterEnv<>(actionSpace, 1e6f);
            ref.reset(seed + i);
            refs.add(ref);
        }
        return refs;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void float32BoxActionsAreSlicedPerEnv(String kind) {
        Box<float[]> space = Box.of(-1f, 1f, 2);
        try (VectorEnv v = create(kind, counters(3, space), AutoresetMode.NEXT_STEP)) {
            assertEquals(2, v.actionDim());
            v.reset(5);
            List<CounterEnv<float[]>> refs = refs(3, space, 5);
            float[] actions = {0.5f, 0.25f, -1f, 1f, 1f, 1f}; // [numEnvs, actDim]
            VectorStep s = v.step(actions);
            for (int i = 0; i < 3; i++) {
                assertRow(s, i, refs.get(i).step(new float[] {actions[2 * i], actions[2 * i + 1]}));
            }
            assertEquals(0.75f, s.observations()[0]);
            assertEquals(0f, s.observations()[2]);
            assertEquals(2f, s.observations()[4]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void float64BoxActionsAreConvertedFromFloats(String kind) {
        Box<double[]> space = Box.float64(new double[] {-1, -1}, new double[] {1, 1});
        try (VectorEnv v = create(kind, counters(2, space), AutoresetMode.NEXT_STEP)) {
            v.reset(9);
            List<CounterEnv<double[]>> refs = refs(2, space, 9);
            float[] actions = {0.5f, 0.5f, -0.25f, 0f};
            VectorStep s = v.step(actions);
            assertRow(s, 0, refs.get(0).step(new double[] {0.5, 0.5}));
            assertRow(s, 1, refs.get(1).step(new double[] {-0.25, 0}));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void multiDiscreteAndMultiBinaryActionsAreFlatInts(String kind) {
        MultiDiscrete md = new MultiDiscrete(2, 3);
        try (VectorEnv v = create(kind, counters(3, md), AutoresetMode.NEXT_STEP)) {
            v.reset(1);
            List<CounterEnv<int[]>> refs = refs(3, md, 1);
            int[] actions = {1, 2, 0, 0, 1, 1}; // [numEnvs, 2]
            VectorStep s = v.step(actions);
            for (int i = 0; i < 3; i++) {
                assertRow(s, i, refs.get(i).step(new int[] {actions[2 * i], actions[2 * i + 1]}));
            }
        }
        MultiBinary mb = new MultiBinary(3);
        try (VectorEnv v = create(kind, counters(2, mb), AutoresetMode.NEXT_STEP)) {
            v.reset(1);
            VectorStep s = v.step(new int[] {1, 1, 1, 0, 1, 0});
            assertEquals(3f, s.observations()[0]);
            assertEquals(1f, s.observations()[2]);
        }
    }

    /** Stands in for RecordEpisodeStatistics: reports {@code episode = {r: 42, l: 7, t: 0.5}}. */
    private static final class FakeStats extends Wrapper<float[], Integer> {
        static final Map<String, Object> EPISODE = Map.of("r", 42.0, "l", 7, "t", 0.5);

        FakeStats(Env<float[], Integer> env) {
            super(env);
        }

        @Override
        public Step<float[]> step(Integer action) {
            Step<float[]> s = env.step(action);
            if (!s.done()) {
                return s;
            }
            Map<String, Object> info = new LinkedHashMap<>(s.info());
            info.put("episode", EPISODE);
            return new Step<>(s.observation(), s.reward(), s.terminated(), s.truncated(), info);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void episodeStatisticsFromAWrapperAreKept(String kind) {
        Supplier<Env<?, ?>> wrapped = () -> new FakeStats(CounterEnv.discrete(1));
        for (AutoresetMode mode : AutoresetMode.values()) {
            try (VectorEnv v = create(kind, Collections.nCopies(2, wrapped), mode)) {
                v.reset(0);
                VectorStep s = v.step(new int[] {1, 1});
                assertTrue(s.terminated()[0]);
                assertSame(FakeStats.EPISODE, s.info(0).get(VectorEnv.EPISODE), mode.toString());
                if (mode == AutoresetMode.SAME_STEP) {
                    Map<?, ?> finalInfo = (Map<?, ?>) s.info(0).get(VectorEnv.FINAL_INFO);
                    assertSame(FakeStats.EPISODE, finalInfo.get("episode"));
                }
            }
        }
    }
}
