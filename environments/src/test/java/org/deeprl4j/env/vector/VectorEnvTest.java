package org.deeprl4j.env.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batching, seeding and autoreset sequences, for both vector env implementations. */
class VectorEnvTest {

    /** A sync env, or a threaded one with two threads (the caller's slice and one worker). */
    static VectorEnv create(String kind, List<Supplier<Env<?, ?>>> factories, AutoresetMode mode) {
        return kind.equals("sync") ? new SyncVectorEnv(factories, mode) : new ThreadedVectorEnv(factories, mode, 2);
    }

    static float[] row(VectorStep s, int i) {
        return Arrays.copyOfRange(s.observations(), i * s.obsDim(), (i + 1) * s.obsDim());
    }

    static void assertRow(VectorStep s, int i, Step<float[]> expected) {
        assertArrayEquals(expected.observation(), row(s, i), "observation row " + i);
        assertEquals(expected.reward(), s.rewards()[i], 0.0, "reward " + i);
        assertEquals(expected.terminated(), s.terminated()[i], "terminated " + i);
        assertEquals(expected.truncated(), s.truncated()[i], "truncated " + i);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void batchesRowsAndSeedsEnvIWithSeedPlusI(String kind) {
        try (VectorEnv v = create(kind, CounterEnv.discreteFactories(100, 100, 100), AutoresetMode.NEXT_STEP)) {
            assertEquals(3, v.numEnvs());
            assertEquals(2, v.obsDim());
            assertEquals(1, v.actionDim());
            float[] obs = v.reset(7);
            assertEquals(6, obs.length);
            List<CounterEnv<Integer>> refs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                CounterEnv<Integer> ref = CounterEnv.discrete(100);
                Reset<float[]> r = ref.reset(7 + i);
                assertArrayEquals(r.observation(), Arrays.copyOfRange(obs, 2 * i, 2 * i + 2));
                assertEquals(r.info(), v.resetInfos().get(i));
                refs.add(ref);
            }
            assertNotEquals(obs[1], obs[3], "different seeds give different noise");
            int[] actions = {0, 1, 2};
            VectorStep first = null;
            for (int t = 0; t < 5; t++) {
                VectorStep s = v.step(actions);
                assertSame(obs, s.observations(), "observations live in the one shared array");
                first = first == null ? s : first;
                assertSame(first, s, "the VectorStep is reused");
                for (int i = 0; i < 3; i++) {
                    assertRow(s, i, refs.get(i).step(actions[i]));
                    assertTrue(s.info(i).isEmpty());
                    assertFalse(s.autoreset()[i]);
                }
            }
            assertEquals(10f, obs[4], "env 2 counted 5 steps of +2");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void nextStepAutoresetsOnTheFollowingStep(String kind) {
        try (VectorEnv v = create(kind, CounterEnv.discreteFactories(2, 3), AutoresetMode.NEXT_STEP)) {
            CounterEnv<Integer> r0 = CounterEnv.discrete(2);
            CounterEnv<Integer> r1 = CounterEnv.discrete(3);
            v.reset(11);
            r0.reset(11);
            r1.reset(12);
            int[] ones = {1, 1};
            VectorStep s = v.step(ones);
            Step<float[]> a0 = r0.step(1);
            assertRow(s, 0, a0);
            Step<float[]> a1 = r1.step(1);
            assertRow(s, 1, a1);

            s = v.step(ones); // env 0 terminates: final observation, reward and flags
            Step<float[]> end0 = r0.step(1);
            assertTrue(end0.terminated());
            assertRow(s, 0, end0);
            assertFalse(s.autoreset()[0]);
            assertArrayEquals(end0.observation(), (float[]) s.info(0).get(VectorEnv.FINAL_OBS));
            assertEpisode(s.info(0), a0.reward() + end0.reward(), 2);
            Step<float[]> b1 = r1.step(1);
            assertRow(s, 1, b1);

            s = v.step(new int[] {2, 1}); // env 0 resets, its action ignored; env 1 terminates
            Reset<float[]> again0 = r0.reset();
            assertArrayEquals(again0.observation(), row(s, 0));
            assertEquals(0.0, s.rewards()[0]);
            assertFalse(s.terminated()[0] || s.truncated()[0]);
            assertTrue(s.autoreset()[0]);
            assertEquals(Boolean.TRUE, s.info(0).get(VectorEnv.AUTORESET));
            assertEquals(2, s.info(0).get("resets"), "reset info is passed on");
            Step<float[]> end1 = r1.step(1);
            assertRow(s, 1, end1);
            assertEpisode(s.info(1), a1.reward() + b1.reward() + end1.reward(), 3);

            s = v.step(ones); // env 0 steps normally from count 0; env 1 resets
            assertRow(s, 0, r0.step(1));
            assertEquals(1f, row(s, 0)[0], "the ignored action 2 was not applied");
            assertTrue(s.info(0).isEmpty());
            assertFalse(s.autoreset()[0]);
            assertArrayEquals(r1.reset().observation(), row(s, 1));
            assertTrue(s.autoreset()[1]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void sameStepResetsImmediatelyAndReportsTheFinalObservation(String kind) {
        try (VectorEnv v = create(kind, CounterEnv.discreteFactories(2, 100), AutoresetMode.SAME_STEP)) {
            CounterEnv<Integer> r0 = CounterEnv.discrete(2);
            v.reset(3);
            r0.reset(3);
            int[] ones = {1, 1};
            VectorStep s = v.step(ones);
            Step<float[]> a0 = r0.step(1);
            assertRow(s, 0, a0);

            s = v.step(ones);
            Step<float[]> end0 = r0.step(1);
            Reset<float[]> again0 = r0.reset();
            assertTrue(s.terminated()[0]);
            assertFalse(s.truncated()[0]);
            assertEquals(end0.reward(), s.rewards()[0], 0.0);
            assertArrayEquals(again0.observation(), row(s, 0), "observation is already the reset one");
            assertTrue(s.autoreset()[0]);
            Map<String, Object> info = s.info(0);
            assertArrayEquals(end0.observation(), (float[]) info.get(VectorEnv.FINAL_OBS));
            assertEquals(end0.info(), info.get(VectorEnv.FINAL_INFO));
            assertEquals(Boolean.TRUE, info.get(VectorEnv.AUTORESET));
            assertEquals(2, info.get("resets"));
            assertEpisode(info, a0.reward() + end0.reward(), 2);
            assertFalse(s.done(1));
            assertTrue(s.info(1).isEmpty());

            s = v.step(ones);
            assertRow(s, 0, r0.step(1));
            assertFalse(s.autoreset()[0]);
            assertTrue(s.info(0).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sync", "threaded"})
    void timeLimitTruncatesAndCountsEpisodeLength(String kind) {
        try (VectorEnv v = create(kind, CounterEnv.limited(3, 1000, 3), AutoresetMode.NEXT_STEP)) {
            v.reset(0);
            int[] actions = {0, 1, 2};
            for (int t = 1; t <= 3; t++) {
                VectorStep s = v.step(actions);
                for (int i = 0; i < 3; i++) {
                    assertEquals(t == 3, s.truncated()[i]);
                    assertFalse(s.terminated()[i]);
                }
            }
            VectorStep s = v.step(actions);
            for (int i = 0; i < 3; i++) {
                assertTrue(s.autoreset()[i]);
                assertEquals(0f, row(s, i)[0]);
            }
            for (int t = 1; t <= 3; t++) {
                s = v.step(actions);
            }
            Map<?, ?> ep = (Map<?, ?>) s.info(2).get(VectorEnv.EPISODE);
            assertEquals(3, ep.get("l"));
            assertEquals(6.0 + 3 * 0.5, (double) ep.get("r"), 1.5, "three steps of +2 plus noise in [0, 1)");
        }
    }

    static void assertEpisode(Map<String, Object> info, double expectedReturn, int expectedLength) {
        Map<?, ?> ep = (Map<?, ?>) info.get(VectorEnv.EPISODE);
        assertEquals(expectedLength, ep.get("l"));
        assertEquals(expectedReturn, (double) ep.get("r"), 1e-12);
    }
}
