package org.deeprl4j.agents.dqn;

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

/** DQN learns IdentityEnv (repeat the observation) within 2,000 steps. */
class DqnIdentityTest {
    static final DqnConfig IDENTITY = ConfigBinder.override(DqnConfig.defaults(), Map.of(
            "learning_rate", 1e-3, "buffer_size", 2000, "learning_starts", 200, "batch_size", 32,
            "train_freq", 1, "target_update_interval", 100, "exploration_fraction", 0.5,
            "exploration_final_eps", 0.02, "net_arch", List.of(32)));

    @Test
    void learnsIdentityWithin2000Steps() {
        try (VectorEnv env = TrainingEnvs.vector("Identity-v0", Map.of(), 1, false);
             Env<?, ?> evalEnv = TrainingEnvs.make("Identity-v0", Map.of())) {
            DqnAgent agent = new DqnAgent(IDENTITY, env.observationSpace(), env.actionSpace(), 2000, new Rng(1));
            new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(2000, 1));
            EvalResult r = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 20, 123);
            assertTrue(r.mean() >= 90, "mean greedy return " + r);
            assertEquals(100, r.meanLength());
        }
    }
}
