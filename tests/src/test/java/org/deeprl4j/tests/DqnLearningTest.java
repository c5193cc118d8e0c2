package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Env;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DQN reaches the return thresholds with the embedded hyperparameters and a fixed seed. */
class DqnLearningTest {
    @TempDir
    Path dir;

    static EvalResult evaluateFile(Path model, String envId, long seed) throws Exception {
        var loaded = ModelFile.loadAll(model);
        try (Env<?, ?> env = TrainingEnvs.make(envId, Map.of())) {
            return Evaluator.evaluate(Algorithms.get("dqn").loadPolicy(loaded), env, 20, seed);
        }
    }

    @Test
    void identityWithin2000Steps() throws Exception {
        TrainOutcome out = TrainRunner.run(new TrainJob("dqn", "Identity-v0", 0, 2000L, dir, Map.of(), Map.of(), 0, 20),
                System.out);
        assertTrue(out.result().steps() <= 2000);
        EvalResult r = evaluateFile(out.model(), "Identity-v0", 77);
        assertTrue(r.mean() >= 90, "Identity-v0 mean greedy return " + r);
    }

    @Test
    void cartPoleWithin50000Steps() throws Exception {
        // best model over evaluations every 2,500 steps, as LearningBenchmark selects it (there: 5 of 5 seeds solve)
        TrainOutcome out = TrainRunner.run(new TrainJob("dqn", "CartPole-v1", 0, 50_000L, dir, Map.of(), Map.of(), 2500, 20),
                System.out);
        Path policy = out.bestModel() != null ? out.bestModel() : out.model();
        EvalResult r = evaluateFile(policy, "CartPole-v1", 77);
        assertTrue(r.mean() >= 475, "CartPole-v1 mean greedy return over 20 episodes " + r);
    }
}
