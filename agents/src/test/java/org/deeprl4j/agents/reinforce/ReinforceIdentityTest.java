package org.deeprl4j.agents.reinforce;

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

/** REINFORCE with a baseline learns IdentityEnv (100-step episodes, time-limit truncated). */
class ReinforceIdentityTest {
    static final ReinforceConfig IDENTITY = ConfigBinder.override(ReinforceConfig.defaults(), Map.of(
            "learning_rate", 3e-3, "episodes_per_update", 2, "num_envs", 2, "net_arch", List.of(32), "gamma", 0.0));

    @Test
    void learnsIdentity() {
        long steps = 3000;
        try (VectorEnv env = TrainingEnvs.vector("Identity-v0", Map.of(), IDENTITY.numEnvs(), false);
             Env<?, ?> evalEnv = TrainingEnvs.make("Identity-v0", Map.of())) {
            ReinforceAgent agent = new ReinforceAgent(IDENTITY, env.observationSpace(), env.actionSpace(), new Rng(1));
            new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(steps, 1));
            assertTrue(agent.gradientUpdates() >= 10, "updates " + agent.gradientUpdates());
            EvalResult r = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 20, 123);
            assertTrue(r.mean() >= 90, "mean greedy return " + r);
        }
    }

    @Test
    void rejectsBadValuesByName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(ReinforceConfig.defaults(), Map.of("episodes_per_update", 0)));
        assertTrue(e.getMessage().contains("episodes_per_update"), e.getMessage());
    }
}
