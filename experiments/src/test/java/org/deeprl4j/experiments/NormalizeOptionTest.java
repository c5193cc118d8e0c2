package org.deeprl4j.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deeprl4j.agents.dqn.DqnConfig;
import org.deeprl4j.agents.ppo.PpoConfig;
import org.deeprl4j.env.vector.NormalizeSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code normalize} key in zoo files, run configs and {@code --set}: forms, defaults and errors. */
class NormalizeOptionTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private TrainRunner.Resolved resolve(String algo, String env, Map<String, Object> overrides) {
        return TrainRunner.resolve(new TrainJob(algo, env, 0, 1L, dir, overrides, Map.of(), 0, 1));
    }

    private String error(Path f, String env) {
        return assertThrows(IllegalArgumentException.class, () -> RunConfigFile.read(f, null, env)).getMessage();
    }

    @Test
    void zooFormsResolveWithTheAlgorithmsGamma() throws IOException {
        Path f = write("ppo.yml", """
                CartPole-v1:
                  normalize: true
                  gamma: 0.98
                Acrobot-v1:
                  normalize: {norm_obs: true, norm_reward: false, clip_obs: 5}
                MountainCar-v0:
                  normalize: "{'norm_obs': False, 'norm_reward': True}"
                Pendulum-v1:
                  normalize: "dict(norm_obs=True, norm_reward=True, gamma=0.5, epsilon=1e-6)"
                Identity-v0:
                  normalize: false
                """);
        RunConfigFile cart = RunConfigFile.read(f, null, "CartPole-v1");
        assertEquals(true, cart.hyperparameters().get("normalize"));
        assertEquals(new NormalizeSettings(true, true, 10, 10, 0.98, 1e-8),
                resolve("ppo", "CartPole-v1", cart.hyperparameters()).normalize());
        assertEquals(0.98, ((PpoConfig) resolve("ppo", "CartPole-v1", cart.hyperparameters()).config()).gamma());

        RunConfigFile acro = RunConfigFile.read(f, null, "Acrobot-v1");
        assertEquals(new NormalizeSettings(true, false, 5, 10, 0.99, 1e-8),
                resolve("ppo", "Acrobot-v1", Map.of("normalize", acro.hyperparameters().get("normalize"), "gamma", 0.99)).normalize());
        RunConfigFile car = RunConfigFile.read(f, null, "MountainCar-v0");
        assertEquals(new NormalizeSettings(false, true, 10, 10, 0.99, 1e-8),
                resolve("ppo", "Identity-v0", car.hyperparameters()).normalize());
        RunConfigFile pend = RunConfigFile.read(f, null, "Pendulum-v1");
        assertEquals(new NormalizeSettings(true, true, 10, 10, 0.5, 1e-6),
                resolve("ppo", "Identity-v0", pend.hyperparameters()).normalize(), "an explicit gamma wins");
        assertNull(resolve("ppo", "Identity-v0", RunConfigFile.read(f, null, "Identity-v0").hyperparameters()).normalize());
        assertNull(resolve("ppo", "Identity-v0", Map.of()).normalize(), "no key: no normalization");
    }

    @Test
    void everyAlgorithmTakesItAndEmbeddedPresetsUseIt() {
        TrainRunner.Resolved dqn = resolve("dqn", "CartPole-v1", Map.of("normalize", true));
        assertEquals(((DqnConfig) dqn.config()).gamma(), dqn.normalize().gamma());
        for (String algo : new String[] {"ppo", "a2c"}) {
            for (String env : new String[] {"Acrobot-v1", "MountainCar-v0", "MountainCarContinuous-v0"}) {
                assertEquals(NormalizeSettings.DEFAULT_CLIP, resolve(algo, env, Map.of()).normalize().clipObs(), algo + " " + env);
            }
            assertNull(resolve(algo, "CartPole-v1", Map.of()).normalize(), algo + " CartPole-v1");
            assertNull(resolve(algo, "Acrobot-v1", Map.of("normalize", false)).normalize(), "--set normalize=false wins");
        }
        assertEquals(0.9, resolve("a2c", "Pendulum-v1", Map.of("gamma", 0.9)).normalize().gamma());
    }

    @Test
    void configYamlRecordsTheResolvedSettingAndReadsItBack() throws IOException {
        assertEquals(false, NormalizeOption.configValue(null));
        Object all = NormalizeOption.configValue(NormalizeOption.parse(true, k -> null));
        assertEquals(Map.of("norm_obs", true, "norm_reward", true, "clip_obs", 10.0, "clip_reward", 10.0, "epsilon", 1e-8), all,
                "gamma follows the algorithm's gamma unless given");
        Object withGamma = NormalizeOption.configValue(NormalizeOption.parse(Map.of("gamma", 0.5, "norm_reward", false), k -> null));
        assertEquals(0.5, ((Map<?, ?>) withGamma).get("gamma"));
        Path run = write("config.yaml", "algo: ppo\nenv: CartPole-v1\nhyperparameters:\n  gamma: 0.95\n  normalize:\n"
                + "    norm_obs: true\n    norm_reward: true\n    clip_obs: 10.0\n    clip_reward: 10.0\n    epsilon: 1.0e-08\n");
        RunConfigFile cfg = RunConfigFile.read(run, null, null);
        assertEquals(NormalizeSettings.defaults(0.95), resolve("ppo", "CartPole-v1", cfg.hyperparameters()).normalize());
    }

    @Test
    void badValuesNameTheFileLineKeyAndWhatIsAllowed() throws IOException {
        Path f = write("ppo.yml", """
                CartPole-v1:
                  n_steps: 32
                  normalize:
                    norm_obs: true
                    norm_ob: false
                Acrobot-v1:
                  normalize: 7
                MountainCar-v0:
                  normalize:
                    clip_obs: -1
                Pendulum-v1:
                  normalize: {norm_reward: maybe}
                Identity-v0:
                  normalize: "{'norm_obs': True, 'clip': 3}"
                GridWorld-v0:
                  normalise: true
                """);
        String sub = error(f, "CartPole-v1");
        assertTrue(sub.startsWith(f + ":5: unknown key 'norm_ob' in 'normalize' (did you mean: norm_obs?); valid keys: norm_obs,"), sub);
        String type = error(f, "Acrobot-v1");
        assertTrue(type.startsWith(f + ":7: 'normalize' must be true, false or a mapping with keys norm_obs, norm_reward, clip_obs, "
                + "clip_reward, gamma, epsilon; got 7"), type);
        String range = error(f, "MountainCar-v0");
        assertTrue(range.startsWith(f + ":10: 'normalize.clip_obs' must be a finite number > 0, got -1"), range);
        String bool = error(f, "Pendulum-v1");
        assertTrue(bool.startsWith(f + ":12: 'normalize.norm_reward' must be true or false, got 'maybe'"), bool);
        String zoo = error(f, "Identity-v0");
        assertTrue(zoo.startsWith(f + ":14: unknown key 'clip' in 'normalize'"), zoo);
        String top = error(f, "GridWorld-v0");
        assertTrue(top.contains(f + ":16") && top.contains("did you mean: normalize?"), top);

        Path run = write("config.yaml", "algo: dqn\nhyperparameters:\n  normalize:\n    gamma: 2\n");
        String r = error(run, null);
        assertTrue(r.startsWith(run + ":4: 'normalize.gamma' must be a number in [0, 1], got 2"), r);
    }

    @Test
    void setOverridesAreCheckedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainRunner.resolveConfig(new TrainJob("ppo", "CartPole-v1", 0, 1L, dir, Map.of("normalize", "yes please"),
                        Map.of(), 0, 1)));
        assertTrue(e.getMessage().startsWith("'normalize' must be true, false or a mapping"), e.getMessage());
        assertFalse(resolve("ppo", "CartPole-v1", Map.of("normalize", Map.of("norm_obs", false))).normalize().normObs());
    }
}
