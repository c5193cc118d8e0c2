package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.TrainingListener;
import org.deeprl4j.experiments.Checkpoint;
import org.deeprl4j.experiments.RunControl;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Checkpoint and resume equal an uninterrupted run, bit for bit (issue 5): a 2,000-step run, and a
 * run stopped with a checkpoint after 1,000 steps then resumed for 1,000 more, give identical
 * episodes (monitor.csv returns and lengths, episodes.csv), evaluations and final parameters; for
 * DQN and PPO on CartPole-v1, SAC and TD3 on IdentityBox-v0 (shorter runs).
 */
class ResumeTest {
    /** Settings that make every part of the state matter within 2,000 steps. */
    static final Map<String, Map<String, Object>> OVERRIDES = Map.of(
            "dqn", Map.of("learning_starts", 200, "train_freq", 4, "gradient_steps", 1, "buffer_size", 5000,
                    "target_update_interval", 100, "n_step", 3, "prioritized", true),
            "ppo", Map.of(), // zoo settings: 8 envs x 32 steps, so step 1,000 is mid-rollout
            "sac", Map.of("learning_starts", 100, "batch_size", 32),
            "td3", Map.of("learning_starts", 100, "batch_size", 32, "policy_delay", 2));

    static TrainJob job(String algo, Path dir, long checkpointEvery) {
        return job(algo, "CartPole-v1", 2000, dir, checkpointEvery);
    }

    static TrainJob job(String algo, String env, long steps, Path dir, long checkpointEvery) {
        return new TrainJob(algo, env, 3, steps, dir, OVERRIDES.get(algo), Map.of(), steps / 4, 3, Double.NaN, checkpointEvery);
    }

    @ParameterizedTest
    @CsvSource({"dqn, CartPole-v1, 2000", "ppo, CartPole-v1, 2000", "sac, IdentityBox-v0, 400", "td3, IdentityBox-v0, 400"})
    void stoppedAndResumedRunEqualsUninterruptedRun(String algo, String env, long steps, @TempDir Path tmp) throws IOException {
        TrainOutcome whole = TrainRunner.run(job(algo, env, steps, tmp.resolve("whole"), 0), System.out);
        long half = steps / 2;

        Path dir = tmp.resolve("parts");
        RunControl control = new RunControl();
        TrainingListener stopAtHalf = new TrainingListener() {
            @Override
            public void onStep(long step, Map<String, Double> metrics) {
                if (step >= half) {
                    control.requestStop();
                }
            }
        };
        TrainOutcome first = TrainRunner.run(job(algo, env, steps, dir, 0), System.out, List.of(stopAtHalf), control);
        assertTrue(first.result().interrupted());
        assertNull(first.model(), "an interrupted run has no final model");
        assertTrue(Files.exists(dir.resolve(Checkpoint.FILE)));
        long stoppedAt = first.result().steps();
        assertTrue(stoppedAt >= half && stoppedAt < half + 100, "stopped at " + stoppedAt);

        TrainOutcome rest = TrainRunner.resume(dir, System.out, List.of(), new RunControl());
        assertEquals(steps, rest.result().steps());
        assertEquals(whole.result().episodes(), rest.result().episodes());
        assertEquals(Files.readString(tmp.resolve("whole/episodes.csv")), Files.readString(dir.resolve("episodes.csv")));
        assertEquals(monitorRows(tmp.resolve("whole/monitor.csv")), monitorRows(dir.resolve("monitor.csv")));
        assertEquals(Files.readString(tmp.resolve("whole/evaluations.csv")), Files.readString(dir.resolve("evaluations.csv")));
        LoadedModels a = ModelFile.loadAll(whole.model());
        LoadedModels b = ModelFile.loadAll(rest.model());
        for (String net : a.networks().keySet()) {
            assertArrayEquals(a.network(net).params().toFloatVector(), b.network(net).params().toFloatVector(), 0f,
                    "parameters of " + net);
        }
        assertEquals(whole.finalEvaluation().mean(), rest.finalEvaluation().mean());
    }

    /** monitor.csv without its t_start header and without the wall-clock column t. */
    static List<String> monitorRows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(1, lines.size()).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }
}
