package org.deeprl4j.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.experiments.report.RunFolder;
import org.deeprl4j.experiments.sweep.SweepManifest.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessTrialExecutorTest {
    @TempDir
    Path dir;

    @Test
    void theCommandRunsTrainWithTheTrialsSettingsInThisJava() {
        Path config = dir.resolve("c.yml");
        ProcessTrialExecutor exec = new ProcessTrialExecutor(config, List.of(), 300L, 2, ProcessTrialExecutor.MAIN);
        Trial t = SweepPlan.of(List.of(4L), Grid.parse(List.of("lr=1e-3", "net_arch=[8,8]"))).trials().get(0);
        Path out = dir.resolve("sweep").resolve(t.name());
        List<String> cmd = exec.command(t, out);
        assertEquals(ProcessHandle.current().info().command().orElseThrow(), cmd.get(0));
        List<String> tail = List.of(ProcessTrialExecutor.MAIN, "train", "--config", config.toAbsolutePath().toString(), "--seed", "4",
                "--set", "lr=1e-3", "--set", "net_arch=[8,8]", "--out", out.toAbsolutePath().toString(), "--steps", "300");
        assertEquals(tail, cmd.subList(cmd.size() - tail.size(), cmd.size()));
        int cp = cmd.indexOf("-cp");
        assertEquals(System.getProperty("java.class.path"), cmd.get(cp + 1));
        for (String p : System.getProperties().stringPropertyNames()) {
            if (p.startsWith("org.bytedeco.")) {
                assertTrue(cmd.subList(1, cp).contains("-D" + p + "=" + System.getProperty(p)), p);
            }
        }
        assertEquals(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), exec.threadsPerTrial());
        assertEquals(1, new ProcessTrialExecutor(config, List.of(), null, 1000, ProcessTrialExecutor.MAIN).threadsPerTrial());
        assertEquals(List.of("train", "--config", config.toAbsolutePath().toString(), "--seed", "4", "--set", "lr=1e-3",
                "--set", "net_arch=[8,8]", "--out", out.toAbsolutePath().toString()),
                new ProcessTrialExecutor(config, List.of(), null, 1, ProcessTrialExecutor.MAIN).trainArguments(t, out));
    }

    @Test
    void anUnfinishedRunWithACheckpointIsResumed() throws Exception {
        ProcessTrialExecutor exec = new ProcessTrialExecutor(dir.resolve("c.yml"), List.of("--algo", "dqn"), null, 1,
                ProcessTrialExecutor.MAIN);
        Trial t = SweepPlan.of(List.of(0L), Grid.EMPTY).trials().get(0);
        Path run = Files.createDirectories(dir.resolve("seed0"));
        List<String> fresh = List.of("train", "--config", dir.resolve("c.yml").toAbsolutePath().toString(), "--algo", "dqn",
                "--seed", "0", "--out", run.toAbsolutePath().toString());
        Files.writeString(run.resolve("checkpoint.zip"), "x");
        assertEquals(fresh, exec.trainArguments(t, run), "no config.yaml: not a run to resume");
        org.deeprl4j.experiments.report.FakeRun.write(run, "E-v0", "dqn", 0, Map.of(), 10, new double[] {1},
                new double[][] {{10, 1}}, false);
        assertEquals(List.of("train", "--resume", run.toAbsolutePath().toString()), exec.trainArguments(t, run));
        Files.writeString(run.resolve("final_model.zip"), "m");
        Files.writeString(run.resolve("report.html"), "r");
        assertEquals(fresh, exec.trainArguments(t, run), "a finished run is not resumed");
    }

    @Test
    void aCrashingTrialJvmFailsAloneWithItsExitCodeAndLog() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yml"), "algo: dqn\n");
        SweepPlan plan = SweepPlan.of(List.of(0L, 1L, 2L), Grid.EMPTY);
        ProcessTrialExecutor exec = new ProcessTrialExecutor(config, List.of(), null, 2, FakeTrainMain.class.getName());
        Path sweep = dir.resolve("sweep");
        StringWriter out = new StringWriter();
        List<TrialState> states = new SweepRunner(sweep, plan, Shard.ALL, 2, exec,
                new SweepManifest(sweep, Map.of(), Shard.ALL), new PrintWriter(out)).run();
        assertEquals(List.of(TrialStatus.FINISHED, TrialStatus.FAILED, TrialStatus.FINISHED),
                states.stream().map(TrialState::status).toList(), out.toString());
        assertEquals(134, states.get(1).exitCode());
        assertTrue(RunFolder.isFinished(sweep.resolve("seed0")) && RunFolder.isFinished(sweep.resolve("seed2")));
        String log = Files.readString(sweep.resolve("seed1/train.log"));
        assertTrue(log.contains("args=train --config " + config.toAbsolutePath() + " --seed 1 --out " + sweep.resolve("seed1")
                .toAbsolutePath()), log);
        assertTrue(log.contains("OMP_NUM_THREADS=" + exec.threadsPerTrial()), log);
        assertTrue(log.contains("maxPhysicalBytes=" + System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes")), log);
        assertTrue(log.contains("stderr line"), "stderr goes to the log too: " + log);
    }
}
