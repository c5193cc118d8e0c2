package org.deeprl4j.env.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.junit.jupiter.api.Test;

/**
 * VecNormalize against values computed by hand with Stable-Baselines3's formulas (numpy float64
 * RunningMeanStd with count 1e-4, batch updates, discounted returns reset at episode ends).
 */
class VecNormalizeTest {
    /** Box(1) observations from a list (reset: the first), reward list, terminating at the last observation. */
    static final class Scripted extends BaseEnv<float[], Integer> {
        private final float[] obs;
        private final double[] rewards;
        private int index;

        Scripted(float[] obs, double[] rewards) {
            this.obs = obs;
            this.rewards = rewards;
        }

        @Override
        public Space<float[]> observationSpace() {
            return Box.of(-100f, 100f, 1);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(2);
        }

        @Override
        protected Reset<float[]> doReset() {
            index = 0;
            return Reset.of(new float[] {obs[0]});
        }

        @Override
        protected Step<float[]> doStep(Integer action) {
            index++;
            return Step.of(new float[] {obs[index]}, rewards[index - 1], index == obs.length - 1, false);
        }
    }

    /** Env 0 terminates after 2 steps (obs 1, 2, 3; rewards 1, 2); env 1 runs on (obs 5, 4, 6, 7, 8; rewards -1, 0, 3, 1). */
    static VectorEnv scripted() {
        List<Supplier<Env<?, ?>>> f = List.of(
                () -> new Scripted(new float[] {1, 2, 3}, new double[] {1, 2}),
                () -> new Scripted(new float[] {5, 4, 6, 7, 8}, new double[] {-1, 0, 3, 1}));
        return new SyncVectorEnv(f, AutoresetMode.SAME_STEP);
    }

    static final NormalizeSettings HALF = new NormalizeSettings(true, true, 10, 10, 0.5, 1e-8);
    static final int[] ACT = {0, 0};

    @Test
    void matchesStableBaselines3OnAScriptedBatch() {
        try (VecNormalize env = new VecNormalize(scripted(), HALF)) {
            assertArrayEquals(new float[] {-0.9998875f, 1.0000376f}, env.reset(0), 1e-6f);
            NormalizationStats s = env.statistics();
            assertArrayEquals(new double[] {2.99985001}, s.obs().mean(), 1e-8);
            assertArrayEquals(new double[] {4.00029996}, s.obs().var(), 1e-8);
            assertEquals(2.0001, s.obs().count(), 1e-12);

            VectorStep v = env.step(ACT);
            assertArrayEquals(new float[] {-0.63238436f, 0.63247925f}, v.observations(), 1e-6f);
            assertArrayEquals(new double[] {0.999999995, -0.999999995}, v.rewards(), 1e-9);
            assertArrayEquals(new double[] {1.0, -1.0}, env.returns(), 0);

            v = env.step(ACT); // env 0 terminates (final obs 3) and restarts at obs 1
            assertArrayEquals(new float[] {-1.1106204f, 1.4524121f}, v.observations(), 1e-6f);
            assertArrayEquals(new double[] {1.4605995685384219, 0.0}, v.rewards(), 1e-9);
            assertTrue(v.terminated()[0]);
            assertArrayEquals(new float[] {-0.08540736f}, (float[]) v.info(0).get(VectorEnv.FINAL_OBS), 1e-6f,
                    "the final observation is normalized with the statistics of its step");
            assertEquals(3.0, ((Number) ((Map<?, ?>) v.info(0).get(VectorEnv.EPISODE)).get("r")).doubleValue(), 0,
                    "episode statistics stay raw: rewards 1 + 2");
            assertArrayEquals(new double[] {0.0, -0.5}, env.returns(), 0, "the ended episode's return restarts at 0");

            v = env.step(ACT);
            assertArrayEquals(new float[] {-0.68821943f, 1.6059122f}, v.observations(), 1e-6f);
            assertArrayEquals(new double[] {0.7206849960833644, 2.1620549882500932}, v.rewards(), 1e-9);
            s = env.statistics();
            assertArrayEquals(new double[] {3.499956250546868}, s.obs().mean(), 1e-9);
            assertArrayEquals(new double[] {4.750106246757877}, s.obs().var(), 1e-9);
            assertArrayEquals(new double[] {0.9583173613773104}, s.ret().mean(), 1e-9);
            assertArrayEquals(new double[] {1.9253471062283072}, s.ret().var(), 1e-9);
            assertEquals(6.0001, s.ret().count(), 1e-12);
        }
    }

    @Test
    void clipsObservationsAndRewards() {
        NormalizeSettings tight = new NormalizeSettings(true, true, 0.5, 0.25, 0.5, 1e-8);
        try (VecNormalize env = new VecNormalize(scripted(), tight)) {
            assertArrayEquals(new float[] {-0.5f, 0.5f}, env.reset(0)); // -0.9999 and 1.00004 clipped
            VectorStep v = env.step(ACT);
            assertArrayEquals(new float[] {-0.5f, 0.5f}, v.observations()); // -0.632 and 0.632 clipped
            assertArrayEquals(new double[] {0.25, -0.25}, v.rewards(), 0); // +-0.99999 clipped
        }
    }

    @Test
    void frozenStatisticsNeitherChangeNorAccumulateReturns() {
        try (VecNormalize env = new VecNormalize(scripted(), HALF)) {
            env.reset(0);
            env.step(ACT);
            NormalizationStats before = env.statistics();
            double[] returnsBefore = env.returns();
            env.setTraining(false);
            VectorStep v = env.step(ACT);
            assertEquals(before, env.statistics());
            // obs [1, 6] and rewards [2, 0] with the frozen statistics (mean 2.999925, var 2.50018749, ret var 1)
            double sd = Math.sqrt(2.5001874896878986 + 1e-8);
            assertArrayEquals(new float[] {(float) ((1 - 2.999925001874953) / sd), (float) ((6 - 2.999925001874953) / sd)},
                    v.observations(), 1e-6f);
            assertArrayEquals(new double[] {2 / Math.sqrt(1 + 1e-8), 0}, v.rewards(), 1e-12);
            assertArrayEquals(new double[] {0.0, returnsBefore[1]}, env.returns(), 0, "frozen: returns only reset at episode ends");
        }
    }

    @Test
    void switchesOffWhatTheSettingsSwitchOff() {
        try (VecNormalize env = new VecNormalize(scripted(), new NormalizeSettings(false, false, 10, 10, 0.5, 1e-8))) {
            assertArrayEquals(new float[] {1, 5}, env.reset(0));
            VectorStep v = env.step(ACT);
            assertArrayEquals(new float[] {2, 4}, v.observations());
            assertArrayEquals(new double[] {1, -1}, v.rewards(), 0);
            assertArrayEquals(new double[] {0}, env.statistics().obs().mean(), 0, "norm_obs false: no observation statistics");
            assertEquals(2.0001, env.statistics().ret().count(), 1e-12, "the return statistics still update (as in SB3)");
        }
    }

    @Test
    void statisticsRoundTripThroughTheirMapExactlyAndRejectMismatches() {
        try (VecNormalize env = new VecNormalize(scripted(), HALF)) {
            env.reset(3);
            env.step(ACT);
            env.step(ACT);
            NormalizationStats s = env.statistics();
            NormalizationStats back = NormalizationStats.fromMap(s.toMap(), 1);
            assertEquals(s, back);
            Map<String, Object> wrongDim = s.toMap();
            wrongDim.put("obs_rms", Map.of("mean", List.of(0.0, 0.0), "var", List.of(1.0, 1.0), "count", 1.0));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NormalizationStats.fromMap(wrongDim, 1));
            assertTrue(e.getMessage().contains("'obs_rms' has 2 elements but the observations have 1"), e.getMessage());
            Map<String, Object> noClip = s.toMap();
            noClip.remove("clip_obs");
            e = assertThrows(IllegalArgumentException.class, () -> NormalizationStats.fromMap(noClip, 1));
            assertTrue(e.getMessage().contains("'clip_obs' must be a number"), e.getMessage());

            try (VecNormalize other = new VecNormalize(scripted(), HALF)) {
                other.setStatistics(back);
                assertEquals(s, other.statistics());
            }
            try (VecNormalize other = new VecNormalize(scripted(), NormalizeSettings.defaults(0.99))) {
                assertThrows(IllegalArgumentException.class, () -> other.setStatistics(back));
            }
        }
    }

    @Test
    void aSerializedCopyContinuesIdentically() throws Exception {
        try (VecNormalize env = new VecNormalize(VectorEnvs.make("CartPole-v1", Map.of(), 3, false, AutoresetMode.SAME_STEP),
                NormalizeSettings.defaults(0.98))) {
            env.reset(5);
            int[] a = new int[3];
            for (int t = 0; t < 50; t++) {
                a[t % 3] ^= 1;
                env.step(a);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(env);
            }
            try (VecNormalize copy = (VecNormalize) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject()) {
                assertEquals(env.statistics(), copy.statistics());
                for (int t = 0; t < 100; t++) {
                    a[t % 3] ^= 1;
                    VectorStep x = env.step(a);
                    VectorStep y = copy.step(a);
                    assertArrayEquals(x.observations(), y.observations(), "step " + t);
                    assertArrayEquals(x.rewards(), y.rewards(), "step " + t);
                }
                assertArrayEquals(env.returns(), copy.returns());
            }
        }
    }

    @Test
    void evaluationEnvAppliesTheTrainingStatisticsFrozenWithRawRewards() {
        try (VecNormalize train = new VecNormalize(scripted(), HALF);
             FrozenNormalizeObservation<float[], Integer> eval = new FrozenNormalizeObservation<>(
                     new Scripted(new float[] {1, 2, 3}, new double[] {7, 8}), train)) {
            train.reset(0);
            train.step(ACT);
            NormalizationStats stats = train.statistics();
            ObservationNormalizer n = train.observationNormalizer();
            assertArrayEquals(n.apply(new float[] {1}), eval.reset(0).observation());
            Step<float[]> s = eval.step(0);
            assertArrayEquals(n.apply(new float[] {2}), s.observation());
            assertEquals(7.0, s.reward(), 0, "evaluation rewards are raw");
            assertEquals(stats, train.statistics(), "evaluation never updates the training statistics");
            train.step(ACT); // training moves on: the next evaluation episode follows
            assertNotEquals(stats, train.statistics());
            assertArrayEquals(train.observationNormalizer().apply(new float[] {1}), eval.reset().observation());
        }
    }

    @Test
    void nonFiniteValuesPassUnnormalizedAndLeaveTheStatisticsAlone() {
        List<Supplier<Env<?, ?>>> f = List.of(
                () -> new Scripted(new float[] {1, Float.POSITIVE_INFINITY, 3}, new double[] {Double.NaN, 2}),
                () -> new Scripted(new float[] {5, 4, 6}, new double[] {-1, 0}));
        try (VecNormalize env = new VecNormalize(new SyncVectorEnv(f, AutoresetMode.SAME_STEP), HALF)) {
            env.reset(0);
            NormalizationStats before = env.statistics();
            VectorStep v = env.step(ACT);
            assertEquals(Float.POSITIVE_INFINITY, v.observations()[0], "not clipped to clip_obs: the loop's check sees it");
            assertEquals(ObservationNormalizer.normalize(4, before.obs().mean()[0], before.obs().var()[0], 1e-8, 10),
                    v.observations()[1]);
            assertTrue(Double.isNaN(v.rewards()[0]));
            assertEquals(before, env.statistics(), "a batch with a non-finite value is not added to the statistics");
            assertArrayEquals(new double[] {0, 0}, env.returns(), 0);
        }
    }

    @Test
    void rejectsNonBoxObservationsAndMismatchedEvaluationEnvs() {
        List<Supplier<Env<?, ?>>> grid = List.of(() -> org.deeprl4j.env.Envs.make("GridWorld-v0"));
        try (VectorEnv g = new SyncVectorEnv(grid, AutoresetMode.SAME_STEP)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VecNormalize(g, HALF));
            assertTrue(e.getMessage().contains("normalizes Box observations"), e.getMessage());
            VecNormalize rewardsOnly = new VecNormalize(g, new NormalizeSettings(false, true, 10, 10, 0.9, 1e-8));
            assertSame(g, rewardsOnly.inner());
        }
        try (VecNormalize train = new VecNormalize(scripted(), HALF)) {
            Env<?, ?> cartPole = org.deeprl4j.env.Envs.make("CartPole-v1");
            assertThrows(IllegalArgumentException.class, () -> new FrozenNormalizeObservation<>(cartPole, train));
        }
    }
}
