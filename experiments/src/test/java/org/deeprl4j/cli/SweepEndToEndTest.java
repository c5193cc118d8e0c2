package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprl4j.experiments.output.RunIndex;
import org.deeprl4j.experiments.report.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real sweep: 2 seeds x 2 learning rates of a 300-step DQN run on CartPole-v1, each trial a
 * {@code train} in a child JVM (about a minute on two cores), then a re-run that skips all four.
 */
class SweepEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aRealSweepTrainsFourRunsInChildJvmsAndSkipsThemOnReRun() throws Exception {
        Path c = Files.writeString(dir.resolve("dqn.yml"), "CartPole-v1:\n  n_timesteps: 300\n  learning_starts: 100\n"
                + "  buffer_size: 1000\n  net_arch: [32]\n");
        Path out = dir.resolve("real");
        String[] args = {"sweep", "--config", c.toString(), "--seeds", "0-1", "--grid",
            "learning_rate=1e-3,5e-4", "--workers", "2", "--steps", "300", "--out", out.toString()};
        SweepCommandTest.Result r = SweepCommandTest.cli(args);
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> names = List.of("learning_rate=1e-3__seed0", "learning_rate=1e-3__seed1", "learning_rate=5e-4__seed0",
                "learning_rate=5e-4__seed1");
        for (String n : names) {
            Path run = out.resolve(n);
            assertTrue(RunFolder.isFinished(run), n + ": " + r.out());
            RunFolder f = RunFolder.read(run);
            assertEquals("CartPole-v1", f.env());
            assertEquals(n.endsWith("seed1") ? 1 : 0, f.seed());
            assertEquals(n.startsWith("learning_rate=1e-3") ? 1e-3 : 5e-4, ((Number) f.hyperparameters().get("learning_rate")).doubleValue());
            assertEquals(300, f.steps());
            assertTrue(Files.readString(run.resolve("train.log")).contains("training dqn on CartPole-v1 (seed " + f.seed() + ")"));
        }
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("learning_rate=1e-3,1e-3,2,2,0 1,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("learning_rate=5e-4,5e-4,2,2,0 1,"), csv.get(2));
        assertTrue(csv.get(1).endsWith(",300"), csv.get(1));
        assertTrue(Files.exists(out.resolve("plots/learning_rate=1e-3.png")) && Files.exists(out.resolve("summary.svg")));
        assertEquals(4, new RunIndex(out.resolve("index.sqlite")).list().size());

        SweepCommandTest.Result again = SweepCommandTest.cli(args);
        assertEquals(0, again.exit(), again.out() + again.err());
        assertEquals(4, again.out().lines().filter(l -> l.startsWith("skip ")).count(), again.out());
        assertTrue(again.out().lines().noneMatch(l -> l.contains("] start ")), again.out());
        assertEquals(csv, Files.readAllLines(out.resolve("summary.csv")));
    }

    @Test
    void failedTrialsAreNamedWithExitCodeAndLogAndTheSweepExitsOne() throws Exception {
        Path c = Files.writeString(dir.resolve("dqn.yml"), "CartPole-v1:\n  n_timesteps: 300\n");
        Path out = dir.resolve("broken");
        for (String trial : List.of("seed0", "seed1")) { // a corrupt checkpoint: the trial resumes from it and fails
            Files.createDirectories(out.resolve(trial));
            Files.writeString(out.resolve(trial).resolve("config.yaml"), "algo: dqn\nenv: CartPole-v1\nseed: 0\n");
            Files.writeString(out.resolve(trial).resolve("checkpoint.zip"), "not a zip");
        }
        SweepCommandTest.Result r = SweepCommandTest.cli("sweep", "--config", c.toString(), "--seeds", "0,1", "--workers", "2",
                "--out", out.toString());
        assertEquals(1, r.exit(), r.out() + r.err());
        for (String trial : List.of("seed0", "seed1")) {
            Path log = out.resolve(trial).resolve("train.log");
            assertTrue(r.err().contains("deeprl4j: error: trial " + trial + " failed (exit code 2); log: " + log), r.err());
            String text = Files.readString(log);
            assertTrue(text.contains("deeprl4j: error:") && text.contains("checkpoint"), text);
        }
        assertTrue(r.err().contains("2 of 2 trials failed"), r.err());
        assertTrue(Files.readString(out.resolve("summary.csv")).contains("default,2,0,"));
    }
}
