package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.agents.sac.SacConfig;
import org.deeprl4j.agents.td3.Td3Config;
import org.deeprl4j.env.Env;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAC reaches the Pendulum threshold with the embedded hyperparameters; SAC/TD3 presets bind. */
class SacLearningTest {
    @TempDir
    Path dir;

    @Test
    void embeddedSacAndTd3PresetsBindToValidConfigs() {
        for (String env : List.of("Pendulum-v1", "MountainCarContinuous-v0", "IdentityBox-v0", "Unknown-v0")) {
            TrainJob sac = new TrainJob("sac", env, 0, null, dir, Map.of(), Map.of(), 0, 20);
            TrainJob td3 = new TrainJob("td3", env, 0, null, dir, Map.of(), Map.of(), 0, 20);
            assertInstanceOf(SacConfig.class, TrainRunner.resolveConfig(sac));
            assertInstanceOf(Td3Config.class, TrainRunner.resolveConfig(td3));
        }
    }

    @Test
    void savedSacAndTd3ModelsLoadForEvaluation() throws Exception {
        for (String algo : List.of("sac", "td3")) {
            TrainOutcome out = TrainRunner.run(new TrainJob(algo, "IdentityBox-v0", 0, 300L, dir.resolve(algo),
                    Map.of("learning_starts", 100), Map.of(), 0, 2), System.out);
            try (Env<?, ?> env = TrainingEnvs.make("IdentityBox-v0", Map.of())) {
                EvalResult r = Evaluator.evaluate(Algorithms.get(algo).loadPolicy(ModelFile.loadAll(out.model())), env, 2, 77);
                assertEquals(100, r.meanLength(), algo);
            }
        }
    }

}
