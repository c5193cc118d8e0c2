package org.deeprl4j.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.ppo.Ppo;
import org.deeprl4j.agents.ppo.PpoAgent;
import org.deeprl4j.agents.ppo.PpoConfig;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.vector.NormalizationStats;
import org.deeprl4j.env.vector.NormalizeSettings;
import org.deeprl4j.env.vector.ObservationNormalizer;
import org.deeprl4j.env.vector.VecNormalize;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Normalization statistics are saved with a model and applied when it is loaded to act; models
 * without them act as before; corrupt statistics fail clearly.
 */
class NormalizedModelTest {
    static final PpoConfig SMALL = ConfigBinder.override(PpoConfig.defaults(), Map.of("n_steps", 16, "batch_size", 32,
            "net_arch", List.of(8), "num_envs", 2));

    @TempDir
    Path dir;

    /** A PPO agent on Pendulum (continuous greedy actions) and a normalized vector env stepped 30 times. */
    private static VectorEnv steppedPendulum() {
        VectorEnv env = TrainingEnvs.vector("Pendulum-v1", Map.of(), 2, false, NormalizeSettings.defaults(0.9));
        env.reset(4);
        Rng rng = new Rng(9);
        float[] a = new float[2];
        for (int t = 0; t < 30; t++) {
            a[0] = 4 * rng.nextFloat() - 2;
            a[1] = 4 * rng.nextFloat() - 2;
            env.step(a);
        }
        return env;
    }

    @Test
    void statisticsRoundTripThroughTheModelFileAndAreAppliedWhenActing() throws Exception {
        Ppo ppo = new Ppo();
        Path file = dir.resolve("ppo.zip");
        NormalizationStats saved;
        try (VectorEnv env = steppedPendulum()) {
            PpoAgent agent = ppo.createAgent(SMALL, env.observationSpace(), env.actionSpace(), 100, new Rng(1));
            ppo.save(file, agent, "Pendulum-v1", env);
            saved = TrainingEnvs.normalizer(env).orElseThrow().statistics();
        }
        LoadedModels model = ModelFile.loadAll(file);
        assertEquals(saved, Algorithm.normalization(model).orElseThrow(), "exact round trip of mean, var, count and settings");

        float[] raw = {0.3f, -0.9f, 4.5f, -1f, 0.1f, -6f}; // two raw Pendulum observations
        ObservationNormalizer n = saved.observationNormalizer();
        float[] normalized = new float[raw.length];
        n.apply(raw, 2, normalized);
        float[] expected = new float[2];
        float[] actual = new float[2];
        float[] plain = new float[2];
        ppo.loadNetworkPolicy(model).act(normalized, 2, 0, expected);
        Policy policy = ppo.loadPolicy(model);
        assertInstanceOf(NormalizingPolicy.class, policy);
        policy.act(raw, 2, 0, actual);
        assertArrayEquals(expected, actual);
        ppo.loadNetworkPolicy(model).act(raw, 2, 0, plain);
        assertFalse(plain[0] == actual[0] && plain[1] == actual[1], "the statistics change what the policy sees");
    }

    @Test
    void modelsWithoutStatisticsActAsBefore() throws Exception {
        Ppo ppo = new Ppo();
        Path file = dir.resolve("plain.zip");
        try (VectorEnv env = TrainingEnvs.vector("Pendulum-v1", Map.of(), 2, false)) {
            PpoAgent agent = ppo.createAgent(SMALL, env.observationSpace(), env.actionSpace(), 100, new Rng(1));
            ppo.save(file, agent, "Pendulum-v1", env);
        }
        LoadedModels model = ModelFile.loadAll(file);
        assertFalse(model.metadata().containsKey(Algorithm.NORMALIZATION));
        assertTrue(Algorithm.normalization(model).isEmpty());
        assertFalse(ppo.loadPolicy(model) instanceof NormalizingPolicy);
    }

    @Test
    void statisticsOfTheWrongObservationSizeAreAClearError() throws Exception {
        Ppo ppo = new Ppo();
        Path file = dir.resolve("bad.zip");
        try (VectorEnv env = steppedPendulum()) {
            PpoAgent agent = ppo.createAgent(SMALL, env.observationSpace(), env.actionSpace(), 100, new Rng(1));
            Map<String, Object> meta = new LinkedHashMap<>(ppo.modelMetadata("Pendulum-v1", env));
            Map<String, Object> stats = new LinkedHashMap<>(TrainingEnvs.normalizer(env).orElseThrow().statistics().toMap());
            stats.put("obs_rms", Map.of("mean", List.of(0.0, 0.0), "var", List.of(1.0, 1.0), "count", 3.0));
            meta.put(Algorithm.NORMALIZATION, stats);
            ModelFile.save(file, ppo.networks(agent), meta);
        }
        LoadedModels model = ModelFile.loadAll(file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ppo.loadPolicy(model));
        assertTrue(e.getMessage().contains("'normalization'") && e.getMessage().contains("'obs_rms' has 2 elements but the observations have 3"),
                e.getMessage());
    }

    @Test
    void evaluationEnvsOfANormalizedTrainingEnvApplyItsStatistics() {
        try (VectorEnv train = steppedPendulum();
             VectorEnv unnormalized = TrainingEnvs.vector("Pendulum-v1", Map.of(), 1, false);
             Env<?, ?> plain = TrainingEnvs.evalEnv("Pendulum-v1", Map.of(), unnormalized);
             Env<?, ?> eval = TrainingEnvs.evalEnv("Pendulum-v1", Map.of(), train);
             Env<?, ?> raw = TrainingEnvs.make("Pendulum-v1", Map.of())) {
            assertFalse(plain instanceof org.deeprl4j.env.vector.FrozenNormalizeObservation<?, ?>);
            VecNormalize norm = TrainingEnvs.normalizer(train).orElseThrow();
            float[] expected = norm.observationNormalizer().apply((float[]) raw.reset(21).observation());
            assertArrayEquals(expected, (float[]) eval.reset(21).observation());
        }
    }
}
