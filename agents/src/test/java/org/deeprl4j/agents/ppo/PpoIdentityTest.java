package org.deeprl4j.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.vector.VectorEnv;
import org.junit.jupiter.api.Test;

/**
 * PPO learns IdentityEnv (repeat the observation), discrete within 1,024 steps and Box (reward only
 * within 0.05 of the observation; greedy = the Gaussian mean) within 4,096 steps.
 */
class PpoIdentityTest {
    static final PpoConfig DISCRETE = ConfigBinder.override(PpoConfig.defaults(), Map.of(
            "learning_rate", 3e-3, "n_steps", 64, "batch_size", 64, "n_epochs", 4, "num_envs", 4,
            "net_arch", List.of(32)));
    static final PpoConfig BOX = ConfigBinder.override(PpoConfig.defaults(), Map.of(
            "learning_rate", 3e-3, "n_steps", 64, "batch_size", 128, "n_epochs", 10, "num_envs", 4,
            "net_arch", List.of(32), "gamma", 0.0, "log_std_init", -1.0));

    static EvalResult trainAndEvaluate(String envId, PpoConfig cfg, long steps, long seed) {
        try (VectorEnv env = TrainingEnvs.vector(envId, Map.of(), cfg.numEnvs(), false);
             Env<?, ?> evalEnv = TrainingEnvs.make(envId, Map.of())) {
            PpoAgent agent = new PpoAgent(cfg, env.observationSpace(), env.actionSpace(), steps, new Rng(seed));
            new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(steps, seed));
            return Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 20, 123);
        }
    }

    @Test
    void learnsDiscreteIdentity() {
        EvalResult r = trainAndEvaluate("Identity-v0", DISCRETE, 1024, 1);
        assertTrue(r.mean() >= 90, "mean greedy return " + r);
        assertEquals(100, r.meanLength());
    }

    @Test
    void learnsBoxIdentity() {
        EvalResult r = trainAndEvaluate("IdentityBox-v0", BOX, 4096, 1);
        assertTrue(r.mean() >= 90, "mean greedy return " + r);
    }
}
