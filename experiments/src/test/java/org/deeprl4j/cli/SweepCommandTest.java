package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.experiments.report.FakeRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sweep} and {@code report} through Main's error handling (registered here, as Main will). */
class SweepCommandTest {
    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        CommandLine cl = Main.commandLine(o, e);
        if (!cl.getSubcommands().containsKey("sweep")) {
            cl.addSubcommand("sweep", new SweepCommand());
        }
        if (!cl.getSubcommands().containsKey("report")) {
            cl.addSubcommand("report", new ReportCommand());
        }
        cl.setOut(o); // again, so the commands added after Main set them get the writers too
        cl.setErr(e);
        int code = cl.execute(args);
        cl.getOut().flush();
        cl.getErr().flush();
        return new Result(code, out.toString(), err.toString());
    }

    private Path config() throws Exception {
        return Files.writeString(dir.resolve("dqn.yml"), "Identity-v0:\n  n_timesteps: 300\n");
    }

    @Test
    void badUsageIsExitTwoWithTheValueNamed() throws Exception {
        Path c = config();
        String cfg = c.toString();
        assertUsage(cli("sweep", "--config", dir.resolve("none.yml").toString()), "--config: no such file: " + dir.resolve("none.yml"));
        Files.writeString(dir.resolve("list.yml"), "- 1\n");
        assertUsage(cli("sweep", "--config", dir.resolve("list.yml").toString()), "list.yml: expected a mapping");
        assertUsage(cli("sweep", "--config", cfg), "no entry for CartPole-v1");
        assertUsage(cli("sweep", "--config", cfg, "--env", "Identity-v0", "--grid", "learning_rate=1e-3,-1"),
                "--grid point {learning_rate=-1}: DqnConfig: learning_rate must be > 0");
        assertUsage(cli("sweep", "--config", cfg, "--env", "Identity-v0", "--grid", "gama=0.9"), "'gama'");
        assertUsage(cli("sweep", "--config", cfg, "--seeds", "3-1"), "--seeds: range '3-1' runs backwards");
        assertUsage(cli("sweep", "--config", cfg, "--grid", "lr"), "--grid expects KEY=V1,V2,..., got 'lr'");
        assertUsage(cli("sweep", "--config", cfg, "--grid", "net_arch=[64"), "unbalanced brackets");
        assertUsage(cli("sweep", "--config", cfg, "--shard", "2/2"), "--shard: the shard index must be in 0..1, got 2");
        assertUsage(cli("sweep", "--config", cfg, "--workers", "0"), "--workers must be at least 1, got 0");
        assertUsage(cli("sweep", "--config", cfg, "--steps", "0"), "--steps must be positive, got 0");
        assertUsage(cli("sweep"), "Missing required option: '--config=FILE'");
        assertTrue(Files.notExists(dir.resolve("sweeps")));
    }

    private static void assertUsage(Result r, String message) {
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("deeprl4j: error: ") && r.err().contains(message), r.err());
    }

    @Test
    void dryRunListsTheShardsTrialsAndTheirTrainArguments() throws Exception {
        Path c = config();
        Path out = dir.resolve("sw");
        Result r = cli("sweep", "--config", c.toString(), "--env", "Identity-v0", "--seeds", "0-2", "--grid",
                "learning_rate=1e-3,1e-4", "--shard", "1/2", "--out", out.toString(), "--steps", "300", "--dry-run");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("sweep: 6 trials (2 grid points x 3 seeds), shard 1/2: 3 trials, 1 worker(s)"), r.out());
        String line = "learning_rate=1e-3__seed1: train --config " + c.toAbsolutePath() + " --env Identity-v0 --seed 1 --set learning_rate=1e-3 --out "
                + out.resolve("learning_rate=1e-3__seed1").toAbsolutePath() + " --steps 300";
        assertTrue(r.out().contains(line + "\n"), r.out());
        assertTrue(r.out().contains("learning_rate=1e-4__seed0: ") && r.out().contains("learning_rate=1e-4__seed2: "), r.out());
        assertEquals(4, r.out().lines().count());
        assertTrue(Files.notExists(out), "a dry run writes nothing");
    }

    @Test
    void aSweepWhoseTrialsAllFinishedSkipsThemAndSummarizes() throws Exception {
        Path c = config();
        Path out = dir.resolve("sw");
        FakeRun.finished(out.resolve("exploration_fraction=0.2__seed0"), "E-v0", 0, Map.of(), 1, 10, 10);
        FakeRun.finished(out.resolve("exploration_fraction=0.2__seed1"), "E-v0", 1, Map.of(), 1, 30, 30);
        Result r = cli("sweep", "--config", c.toString(), "--env", "Identity-v0", "--seeds", "0,1", "--grid", "exploration_fraction=0.2",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("skip exploration_fraction=0.2__seed0 (already finished)")
                && r.out().contains("skip exploration_fraction=0.2__seed1"), r.out());
        assertTrue(r.out().contains("| exploration_fraction=0.2 | 0.2 | 2 | 2 | 0 1 | 20.00 | 10.00 | 20.00 | 10.00 | 100 |"), r.out());
        assertTrue(Files.exists(out.resolve("summary.csv")) && Files.exists(out.resolve("sweep.json"))
                && Files.exists(out.resolve("plots/exploration_fraction=0.2.png")), r.out());
    }

    @Test
    void defaultSweepFolderIsNamedAfterTheConfig() {
        assertEquals(Path.of("sweeps", "dqn"), SweepCommand.defaultDir(Path.of("conf/dqn.yml")));
        assertEquals(Path.of("sweeps", "CartPole-v1__dqn__0__x"),
                SweepCommand.defaultDir(Path.of("runs/CartPole-v1__dqn__0__x/config.yaml")));
    }

    @Test
    void reportWritesTableAndPlotAndRejectsFoldersWithoutRuns() throws Exception {
        FakeRun.finished(dir.resolve("runs/a"), "E-v0", 0, Map.of("lr", 1), 1, 10, 10);
        FakeRun.finished(dir.resolve("runs/b"), "E-v0", 1, Map.of("lr", 1), 1, 30, 20);
        Path out = dir.resolve("rep");
        Result r = cli("report", dir.resolve("runs").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("| env | algo | runs | finished | seeds | final_mean | final_std | best_mean | best_std | steps_mean |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
                + "| E-v0 | dqn | 2 | 2 | 0 1 | 15.00 | 5.00 | 20.00 | 10.00 | 100 |\n", r.out());
        assertTrue(r.err().startsWith("report: 2 runs in 1 groups; wrote " + out.resolve("comparison.csv")), r.err());
        for (String f : new String[] {"comparison.csv", "comparison.png", "comparison.svg"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        Files.createDirectories(dir.resolve("nothing/here"));
        assertUsage(cli("report", dir.resolve("nothing").toString()), dir.resolve("nothing") + " is not a run folder");
        assertUsage(cli("report", dir.resolve("runs/a").toString(), dir.resolve("missing").toString()),
                dir.resolve("missing") + ": no such folder");
        Files.writeString(dir.resolve("runs/a/config.yaml"), "env: [\n");
        assertUsage(cli("report", dir.resolve("runs").toString()), dir.resolve("runs/a/config.yaml") + " is not valid YAML");
        assertUsage(cli("report"), "Missing required parameter");
    }
}
