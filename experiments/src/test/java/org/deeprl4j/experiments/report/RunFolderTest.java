package org.deeprl4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {
    @TempDir
    Path dir;

    @Test
    void aFinishedRunHasItsFinalBestAndSteps() {
        Path run = FakeRun.write(dir.resolve("r"), "CartPole-v1", "ppo", 7, Map.of("learning_rate", 0.001), 10,
                new double[] {1, 2, 3}, new double[][] {{10, 5}, {20, 9}, {30, 8}}, true);
        RunFolder r = RunFolder.read(run);
        assertTrue(r.finished());
        assertEquals("CartPole-v1", r.env());
        assertEquals("ppo", r.algo());
        assertEquals(7, r.seed());
        assertEquals(Map.of("learning_rate", 0.001), r.hyperparameters());
        assertEquals(8, r.finalEvaluation());
        assertEquals(9, r.bestEvaluation());
        assertEquals(30, r.steps());
        assertEquals(3, r.history().episodes().size());
    }

    @Test
    void anUnfinishedRunHasNoFinalEvaluation() {
        Path run = FakeRun.write(dir.resolve("r"), "CartPole-v1", "dqn", 0, Map.of(), 10, new double[] {1, 2, 3, 4},
                new double[][] {{20, 6}}, false);
        RunFolder r = RunFolder.read(run);
        assertFalse(r.finished());
        assertTrue(Double.isNaN(r.finalEvaluation()));
        assertEquals(6, r.bestEvaluation());
        assertEquals(40, r.steps(), "the last episode's step");
    }

    @Test
    void finishedNeedsTheFinalModelAndTheReport() throws Exception {
        Path run = FakeRun.write(dir.resolve("r"), "CartPole-v1", "dqn", 0, Map.of(), 10, new double[] {1},
                new double[][] {{10, 1}}, true);
        assertTrue(RunFolder.isFinished(run));
        Files.delete(run.resolve("report.html"));
        assertFalse(RunFolder.isFinished(run), "a diverged run saves its model but writes no report");
        Files.writeString(run.resolve("report.html"), "x");
        Files.move(run.resolve("final_model.zip"), run.resolve("model.zip"));
        assertTrue(RunFolder.isFinished(run), "the older model name counts");
        Files.delete(run.resolve("model.zip"));
        assertFalse(RunFolder.isFinished(run));
    }

    @Test
    void badFoldersAreNamedInTheError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunFolder.read(empty));
        assertEquals(empty + " is not a run folder (no config.yaml)", e.getMessage());

        Path badYaml = Files.createDirectories(dir.resolve("yaml"));
        Files.writeString(badYaml.resolve("config.yaml"), "env: [unclosed\n");
        e = assertThrows(IllegalArgumentException.class, () -> RunFolder.read(badYaml));
        assertTrue(e.getMessage().startsWith(badYaml.resolve("config.yaml") + " is not valid YAML"), e.getMessage());

        Path noEnv = Files.createDirectories(dir.resolve("noenv"));
        Files.writeString(noEnv.resolve("config.yaml"), "algo: dqn\nseed: 1\n");
        e = assertThrows(IllegalArgumentException.class, () -> RunFolder.read(noEnv));
        assertTrue(e.getMessage().contains("'env' must be a non-empty string"), e.getMessage());

        Path list = Files.createDirectories(dir.resolve("list"));
        Files.writeString(list.resolve("config.yaml"), "- a\n- b\n");
        e = assertThrows(IllegalArgumentException.class, () -> RunFolder.read(list));
        assertTrue(e.getMessage().contains("is not a YAML mapping"), e.getMessage());

        Path badCsv = FakeRun.write(dir.resolve("csv"), "CartPole-v1", "dqn", 0, Map.of(), 10, new double[] {1, 2},
                new double[][] {{10, 1}}, true);
        Files.writeString(badCsv.resolve("episodes.csv"), "step,env,return,length\n10,0,abc,10\n20,0,1,10\n");
        e = assertThrows(IllegalArgumentException.class, () -> RunFolder.read(badCsv));
        assertTrue(e.getMessage().startsWith("run folder " + badCsv + ": ") && e.getMessage().contains("abc"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> RunFolder.read(dir.resolve("missing")));
        assertEquals(dir.resolve("missing") + " is not a folder", e.getMessage());
        assertEquals(List.of("final_model.zip", "model.zip"), RunFolder.FINAL_MODEL_NAMES);
    }
}
