package org.deeprl4j.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.dist.DiagGaussian;
import org.deeprl4j.nn.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** PPO configuration checks, determinism, Box action handling and the runner adapter. */
class PpoAgentTest {
    static final PpoConfig SMALL = ConfigBinder.override(PpoConfig.defaults(), Map.of(
            "n_steps", 32, "batch_size", 32, "n_epochs", 2, "num_envs", 2, "net_arch", List.of(16)));

    @Test
    void rejectsBadHyperparametersWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(PpoConfig.defaults(), Map.of("batch_size", 100)));
        assertTrue(e.getMessage().contains("batch_size") && e.getMessage().contains("2048"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(PpoConfig.defaults(), Map.of("clip_range", 0.0)));
        assertTrue(e.getMessage().contains("clip_range must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(PpoConfig.defaults(), Map.of("lr_schedule", "cosine")));
        assertTrue(e.getMessage().contains("lr_schedule"), e.getMessage());
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("clip_range_vf", null);
        nulls.put("target_kl", null);
        PpoConfig c = ConfigBinder.override(PpoConfig.defaults(), nulls);
        assertEquals(0.0, c.clipRangeVf());
        assertEquals(0.0, c.targetKl());
    }

    @Test
    void rejectsUnsupportedActionSpaceNamingAlternatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PpoAgent(SMALL, Box.of(-1f, 1f, 2), new MultiBinary(new int[] {3}), 100, new Rng(1)));
        assertTrue(e.getMessage().contains("PPO") && e.getMessage().contains("sac"), e.getMessage());
    }

    @Test
    void sameSeedGivesIdenticalParameters() {
        INDArray a = train(SMALL, 5);
        INDArray b = train(SMALL, 5);
        assertEquals(a, b);
        assertNotEquals(a, train(SMALL, 6));
    }

    private static INDArray train(PpoConfig cfg, long seed) {
        try (VectorEnv env = TrainingEnvs.vector("IdentityBox-v0", Map.of(), cfg.numEnvs(), false)) {
            PpoAgent agent = new PpoAgent(cfg, env.observationSpace(), env.actionSpace(), 256, new Rng(seed));
            new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(256, seed));
            assertEquals(2 * 2 * 4, agent.gradientUpdates()); // 4 rollouts x 2 epochs x 2 minibatches
            return agent.network().params().dup();
        }
    }

    @Test
    void boxActionsAreClippedForTheEnvButStoredRaw() {
        Box<float[]> box = Box.of(-1f, 1f, 2);
        ActorCriticModel m = ActorCriticModel.create(Box.of(-1f, 1f, 3), box, List.of(8), "tanh", "relu_uniform",
                false, 1.5, OptimizerConfig.adam(1e-3), 3, "PPO");
        int n = 50;
        float[] obs = new float[n * 3];
        float[] raw = new float[n * 2];
        float[] env = new float[n * 2];
        float[] logp = new float[n];
        m.act(obs, n, new Rng(4), raw, env, new float[n], logp);
        boolean anyOutside = false;
        for (int k = 0; k < raw.length; k++) {
            assertTrue(env[k] >= -1 && env[k] <= 1, "env action " + env[k]);
            assertEquals(Math.min(Math.max(raw[k], -1f), 1f), env[k]);
            anyOutside |= Math.abs(raw[k]) > 1;
        }
        assertTrue(anyOutside, "with std e^1.5 some raw samples leave the box");
        INDArray[] out = m.network().outputs(Nd4j.create(obs, new long[] {n, 3}, 'c')); // mean, log_std, value
        double[] rawD = new double[raw.length];
        for (int k = 0; k < raw.length; k++) {
            rawD[k] = raw[k];
        }
        double[] expected = new DiagGaussian(out[0], out[1]).logProb(rawD); // log-probs of the unclipped samples
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], logp[i], 1e-4);
        }
    }

    @Test
    void registeredAndLoadsTheGreedyPolicyFromModelMetadata() {
        Ppo ppo = (Ppo) Algorithms.get("ppo");
        Box<float[]> box = Box.of(-1f, 1f, 1);
        PpoAgent agent = ppo.createAgent(SMALL, box, box, 100, new Rng(2));
        LoadedModels model = new LoadedModels(ppo.networks(agent),
                Map.of("obs_dim", 1, "action_space", box.toJson()), "test");
        float[] obs = {0.3f, -0.7f, 0.9f};
        float[] expected = new float[3];
        float[] actual = new float[3];
        agent.greedyPolicy().act(obs, 3, 0, expected);
        ppo.loadPolicy(model).act(obs, 3, 0, actual);
        assertArrayEquals(expected, actual);
        assertFalse(expected[0] == 0f && expected[1] == 0f);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ppo.loadPolicy(new LoadedModels(ppo.networks(agent), Map.of("obs_dim", 1), "test")));
        assertTrue(e.getMessage().contains("action_space"), e.getMessage());
    }
}
