package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Kwargs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NaN observations or losses stop training with the step number and keep the last good model. */
class DqnDivergenceTest {
    /** Emits a NaN observation on global step {@code nan_at}. */
    static final class NaNEnv extends BaseEnv<float[], Integer> {
        private static final Box<float[]> OBS = Box.of(-10f, 10f, 2);
        private static final Discrete ACT = new Discrete(2);
        private final int nanAt;
        private int total;

        NaNEnv(Kwargs kw) {
            nanAt = kw.getInt("nan_at", 300);
        }

        @Override
        public Space<float[]> observationSpace() {
            return OBS;
        }

        @Override
        public Space<Integer> actionSpace() {
            return ACT;
        }

        @Override
        protected Reset<float[]> doReset() {
            return Reset.of(new float[] {0f, 1f});
        }

        @Override
        protected Step<float[]> doStep(Integer action) {
            total++;
            float v = total == nanAt ? Float.NaN : (float) rng.nextDouble();
            return Step.of(new float[] {v, 1f}, action, false, false);
        }
    }

    @TempDir
    Path dir;

    @BeforeAll
    static void register() {
        Envs.register(new EnvSpec("DivergenceNaN-v0", NaNEnv::new, 50, null, true, Map.of()));
    }

    @AfterAll
    static void unregister() {
        Envs.unregister("DivergenceNaN-v0");
    }

    @Test
    void nanObservationStopsWithTheStepAndSavesTheModel() throws Exception {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> TrainRunner.run(
                new TrainJob("dqn", "DivergenceNaN-v0", 0, 1000L, dir, Map.of("learning_starts", 100, "buffer_size", 1000),
                        Map.of(), 0, 1), System.out));
        assertTrue(e.getMessage().contains("non-finite observation") && e.getMessage().contains("at step 300:"), e.getMessage());
        assertTrue(e.getMessage().contains("final_model.zip"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("final_model.zip")));
        assertTrue(ModelFile.loadAll(dir.resolve("final_model.zip")).network("q").params().isInfinite().any() == false);
    }

    @Test
    void nanLossStopsAndKeepsFiniteParameters() throws Exception {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> TrainRunner.run(
                new TrainJob("dqn", "CartPole-v1", 0, 3000L, dir, Map.of("learning_starts", 100, "buffer_size", 1000,
                        "learning_rate", 1e30, "max_grad_norm", 0.0, "loss", "mse", "train_freq", 1), Map.of(), 0, 1), System.out));
        assertTrue(e.getMessage().contains("non-finite") && e.getMessage().matches(".*at step \\d+.*"), e.getMessage());
        var params = ModelFile.loadAll(dir.resolve("final_model.zip")).network("q").params();
        assertTrue(!params.isNaN().any() && !params.isInfinite().any(), "the saved model is the last good one");
    }
}
