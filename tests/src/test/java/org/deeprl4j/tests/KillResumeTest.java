package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeprl4j.experiments.Checkpoint;
import org.deeprl4j.experiments.RunControl;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety (issue 5): a {@code deeprl4j train} process killed with SIGKILL mid-run leaves a
 * loadable checkpoint, and resuming from it finishes the run exactly as an uninterrupted one.
 */
class KillResumeTest {
    /** SIGTERM (and SIGINT, the same JVM shutdown path) makes the run checkpoint its current step and exit. */
    @Test
    void sigtermWritesACheckpointOfTheCurrentStep(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("terminated");
        Process p = start(tmp, dir, "0"); // no periodic checkpoints: only the one on SIGTERM
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(dir.resolve("monitor.csv")) || Files.readAllLines(dir.resolve("monitor.csv")).size() < 12) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("training did not run 10 episodes:\n" + Files.readString(tmp.resolve("train.log")));
            }
            Thread.sleep(50);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the process exits after its checkpoint");
        assertEquals(143, p.exitValue());
        String log = Files.readString(tmp.resolve("train.log"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("stopped at step (\\d+); checkpoint saved").matcher(log);
        assertTrue(m.find(), log);
        assertEquals(Long.parseLong(m.group(1)), checkpointStep(dir.resolve(Checkpoint.FILE)));
    }

    private static Process start(Path tmp, Path dir, String checkpointFreq) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0", "-cp", System.getProperty("java.class.path"),
                "org.deeprl4j.cli.Main", "train", "--algo", "dqn", "--env", "CartPole-v1", "--seed", "3", "--steps", "2000",
                "--eval-freq", "500", "--eval-episodes", "3", "--checkpoint-freq", checkpointFreq, "--out", dir.toString()));
        for (Map.Entry<String, Object> e : ResumeTest.OVERRIDES.get("dqn").entrySet()) {
            cmd.add("--set");
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("train.log").toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        return pb.start();
    }

    @Test
    void killedTrainingProcessResumesFromItsLastCheckpoint(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("killed");
        Process p = start(tmp, dir, "200");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        long checkpointStep = -1;
        while (checkpointStep < 600) {
            if (!p.isAlive()) {
                fail("training ended before it could be killed:\n" + Files.readString(tmp.resolve("train.log")));
            }
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("no checkpoint past step 600 within 5 minutes:\n" + Files.readString(tmp.resolve("train.log")));
            }
            Thread.sleep(50);
            checkpointStep = checkpointStep(dir.resolve(Checkpoint.FILE));
        }
        p.destroyForcibly(); // SIGKILL: no shutdown hook, no final checkpoint
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(p.exitValue() != 0, "the process was killed");

        TrainOutcome resumed = TrainRunner.resume(dir, System.out, List.of(), new RunControl());
        TrainOutcome whole = TrainRunner.run(ResumeTest.job("dqn", tmp.resolve("whole"), 0), System.out);
        assertEquals(2000, resumed.result().steps());
        assertEquals(Files.readString(tmp.resolve("whole/episodes.csv")), Files.readString(dir.resolve("episodes.csv")));
        assertEquals(ResumeTest.monitorRows(tmp.resolve("whole/monitor.csv")), ResumeTest.monitorRows(dir.resolve("monitor.csv")));
        assertEquals(whole.finalEvaluation().mean(), resumed.finalEvaluation().mean());
    }

    /** Step of the checkpoint file, or -1 while there is none; a file that exists must always load. */
    private static long checkpointStep(Path file) throws IOException {
        if (!Files.exists(file)) {
            return -1;
        }
        return Checkpoint.read(file).trainer().step();
    }
}
