package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprl4j.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI verbs end to end, in-process: train writes a model that evaluate loads and plays. */
class CliEndToEndTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void trainThenEvaluate() throws Exception {
        Path run = dir.resolve("run");
        Result train = cli("train", "--algo", "dqn", "--env", "Identity-v0", "--seed", "3", "--steps", "2000", "--out", run.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("final evaluation"), train.out());
        for (String f : new String[] {"final_model.zip", "monitor.csv", "episodes.csv", "config.yaml", "progress.csv",
            "evaluations.csv", "learning_curve.png", "learning_curve.svg", "report.html"}) {
            assertTrue(Files.exists(run.resolve(f)), f + " written");
        }
        try (var files = Files.list(run)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("events.out.tfevents.")), "TensorBoard file");
        }
        assertTrue(Files.exists(dir.resolve("index.sqlite")), "run index next to the run folder");
        String config = Files.readString(run.resolve("config.yaml"));
        assertTrue(config.contains("env: Identity-v0") && config.contains("seed: 3") && config.contains("learning_rate:"), config);
        assertTrue(Files.readString(run.resolve("report.html")).contains("Identity-v0"));
        Result runs = cli("runs", "--dir", dir.toString());
        assertEquals(0, runs.code(), runs.err());
        assertTrue(runs.out().contains("Identity-v0") && runs.out().contains("finished") && runs.out().contains(run.toString()),
                runs.out());
        String monitor = Files.readString(run.resolve("monitor.csv"));
        assertTrue(monitor.startsWith("#{\"t_start\": ") && monitor.contains("\"env_id\": \"Identity-v0\"}\nr,l,t\n"), monitor);
        assertEquals(22, monitor.lines().count(), "20 episodes of 100 steps plus the comment and header lines");

        Result eval = cli("evaluate", run.resolve("final_model.zip").toString(), "--episodes", "5", "--json");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("\"env_id\":\"Identity-v0\""), eval.out());
        double mean = Double.parseDouble(eval.out().replaceAll("(?s).*\"mean_return\":([-0-9.E]+).*", "$1"));
        assertTrue(mean >= 90, eval.out());

        // the run folder's config.yaml reproduces the run
        Path again = dir.resolve("again");
        Result repeat = cli("train", "--config", run.resolve("config.yaml").toString(), "--out", again.toString());
        assertEquals(0, repeat.code(), repeat.err());
        assertEquals(Files.readString(run.resolve("episodes.csv")), Files.readString(again.resolve("episodes.csv")));
        Result finished = cli("train", "--resume", run.toString());
        assertEquals(2, finished.code());
        assertTrue(finished.err().contains("has finished"), finished.err());
    }

    @Test
    void badConfigFilesNameFileLineAndKey() throws Exception {
        Path cfg = dir.resolve("ppo.yml");
        Files.writeString(cfg, "CartPole-v1:\n  n_timesteps: 1000\n  n_epoch: 3\n");
        Result r = cli("train", "--config", cfg.toString(), "--out", dir.resolve("c").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(cfg + ":3") && r.err().contains("n_epoch") && r.err().contains("n_epochs"), r.err());
        assertTrue(!Files.exists(dir.resolve("c")), "nothing written before the config is valid");
        Result noThreshold = cli("train", "--algo", "sac", "--env", "Pendulum-v1", "--early-stop", "--out", dir.resolve("e").toString());
        assertEquals(2, noThreshold.code());
        assertTrue(noThreshold.err().contains("Pendulum-v1 has no reward threshold"), noThreshold.err());
        Result twoStops = cli("train", "--early-stop", "--stop-at-reward", "5", "--out", dir.resolve("e").toString());
        assertEquals(2, twoStops.code());
        assertTrue(twoStops.err().contains("not both"), twoStops.err());
        Result badFreq = cli("train", "--checkpoint-freq", "-1", "--out", dir.resolve("e").toString());
        assertEquals(2, badFreq.code());
        assertTrue(badFreq.err().contains("--checkpoint-freq must be >= 0"), badFreq.err());
        Result both = cli("train", "--resume", dir.toString(), "--seed", "1");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("--resume"), both.err());
    }

    @Test
    void badInputGetsExitTwoAndANamedError() throws Exception {
        Result algo = cli("train", "--algo", "dqnn", "--env", "CartPole-v1", "--out", dir.resolve("x").toString());
        assertEquals(2, algo.code());
        assertTrue(algo.err().contains("unknown algorithm 'dqnn'") && algo.err().contains("dqn"), algo.err());

        Result continuous = cli("train", "--algo", "dqn", "--env", "Pendulum-v1", "--steps", "10", "--out", dir.resolve("p").toString());
        assertEquals(2, continuous.code());
        assertTrue(continuous.err().contains("Box(") && continuous.err().contains("SAC"), continuous.err());

        Result lr = cli("train", "--env", "CartPole-v1", "--set", "learning_rate=-1", "--out", dir.resolve("l").toString());
        assertEquals(2, lr.code());
        assertTrue(lr.err().contains("learning_rate must be > 0"), lr.err());

        Result key = cli("train", "--env", "CartPole-v1", "--set", "gama=0.9", "--out", dir.resolve("k").toString());
        assertEquals(2, key.code());
        assertTrue(key.err().contains("'gama'") && key.err().contains("gamma"), key.err());

        Result steps = cli("train", "--steps", "-5");
        assertEquals(2, steps.code());

        Path corrupt = dir.resolve("corrupt.zip");
        Files.writeString(corrupt, "not a zip");
        Result eval = cli("evaluate", corrupt.toString());
        assertEquals(2, eval.code());
        assertTrue(eval.err().contains("corrupt.zip"), eval.err());

        Result missing = cli("evaluate", dir.resolve("nope.zip").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }
}
