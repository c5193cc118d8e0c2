package org.deeprl4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.agents.ppo.PpoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConfigFileTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private String error(Path f, String algo, String env) {
        return assertThrows(IllegalArgumentException.class, () -> RunConfigFile.read(f, algo, env)).getMessage();
    }

    @Test
    void readsARunConfigWithItsSettings() throws IOException {
        Path f = write("config.yaml", """
                algo: ppo
                env: Acrobot-v1
                seed: 7
                n_timesteps: 5000
                deeprl4j_version: 0.1.0
                hyperparameters:
                  learning_rate: 1e-3
                  n_steps: 64
                """);
        RunConfigFile c = RunConfigFile.read(f, null, null);
        assertEquals("ppo", c.algo());
        assertEquals("Acrobot-v1", c.envId());
        assertEquals(7L, c.seed());
        assertEquals(5000L, c.steps());
        assertEquals(Map.of("learning_rate", 1e-3, "n_steps", 64), c.hyperparameters()); // 1e-3 read as a number
    }

    @Test
    void readsAZooFileKeyedByEnvWithAnchorsMergeKeysAndLinearSchedules() throws IOException {
        Path f = write("ppo.yml", """
                defaults:
                  n_timesteps: 1000
                CartPole-v1: &base
                  n_timesteps: !!float 2e4
                  learning_rate: lin_1e-3
                  n_epochs: 5
                Acrobot-v1:
                  <<: *base
                  n_epochs: 7
                """);
        RunConfigFile acro = RunConfigFile.read(f, null, "Acrobot-v1");
        assertEquals("ppo", acro.algo()); // from the file name
        assertEquals(20_000L, acro.steps());
        assertEquals(7, acro.hyperparameters().get("n_epochs"));
        PpoConfig bound = (PpoConfig) TrainRunner.resolveConfig(new TrainJob("ppo", "Acrobot-v1", 0, 1L, dir,
                acro.hyperparameters(), Map.of(), 0, 1));
        assertEquals(1e-3, bound.learningRate());
        assertEquals("linear", bound.lrSchedule());
        assertEquals(1000L, RunConfigFile.read(f, null, "Pendulum-v1").steps()); // no entry: defaults
    }

    @Test
    void unknownKeysNameTheFileLineAndNearestKey() throws IOException {
        Path f = write("ppo.yml", """
                CartPole-v1:
                  n_timesteps: 1000
                  learning_rat: 0.001
                """);
        String msg = error(f, null, "CartPole-v1");
        assertTrue(msg.contains(f + ":3") && msg.contains("learning_rat") && msg.contains("did you mean: learning_rate?"), msg);
        Path run = write("config.yaml", "algo: ppo\nenv: CartPole-v1\nhyperparamters: {}\n");
        String top = error(run, null, null);
        assertTrue(top.contains(run + ":3") && top.contains("hyperparameters"), top);
    }

    @Test
    void wrongTypesAndRangesNameTheLine() throws IOException {
        Path f = write("config.yaml", "algo: ppo\nenv: CartPole-v1\nhyperparameters:\n  n_epochs: 10\n  clip_range: -0.2\n");
        String msg = error(f, null, null);
        assertTrue(msg.contains(f + ":5") && msg.contains("clip_range"), msg);
        Path typed = write("typed.yaml", "algo: ppo\nhyperparameters:\n  n_epochs: many\n");
        String t = error(typed, null, null);
        assertTrue(t.contains(typed + ":3") && t.contains("n_epochs"), t);
        Path sched = write("sched.yaml", "algo: ppo\nhyperparameters:\n  gamma: lin_0.99\n");
        String s = error(sched, null, null);
        assertTrue(s.contains(sched + ":3") && s.contains("learning_rate") && s.contains("clip_range"), s);
    }

    @Test
    void malformedOrMissingFilesGiveClearErrors() throws IOException {
        Path bad = write("bad.yaml", "algo: ppo\nhyperparameters: [1, 2\n");
        String msg = error(bad, null, null);
        assertTrue(msg.contains(bad.toString()) && msg.contains("malformed YAML"), msg);
        String missing = error(dir.resolve("nope.yaml"), null, null);
        assertTrue(missing.contains("does not exist"), missing);
        Path zoo = write("mine.yml", "CartPole-v1:\n  n_epochs: 3\n");
        String noAlgo = error(zoo, null, null);
        assertTrue(noAlgo.contains("--algo"), noAlgo);
        Path noEntry = write("dqn.yml", "CartPole-v1:\n  batch_size: 32\n");
        String entry = error(noEntry, null, "Acrobot-v1");
        assertTrue(entry.contains("no entry for Acrobot-v1"), entry);
        Path unknownAlgo = write("config2.yaml", "algo: pp0\n");
        String a = error(unknownAlgo, null, null);
        assertTrue(a.contains(unknownAlgo + ":1") && a.contains("pp0"), a);
    }
}
