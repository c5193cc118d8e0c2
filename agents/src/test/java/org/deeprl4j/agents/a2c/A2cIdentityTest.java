package org.deeprl4j.agents.a2c;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.Algorithms;
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

/** A2C learns IdentityEnv (discrete) in a short fixed-seed run; config and registry checks. */
class A2cIdentityTest {
    static final A2cConfig IDENTITY = ConfigBinder.override(A2cConfig.defaults(), Map.of(
            "learning_rate", 3e-3, "n_steps", 8, "num_envs", 4, "net_arch", List.of(32)));

    @Test
    void learnsIdentity() {
        long steps = 2048;
        try (VectorEnv env = TrainingEnvs.vector("Identity-v0", Map.of(), IDENTITY.numEnvs(), false);
             Env<?, ?> evalEnv = TrainingEnvs.make("Identity-v0", Map.of())) {
            A2cAgent agent = new A2cAgent(IDENTITY, env.observationSpace(), env.actionSpace(), steps, new Rng(1));
            new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(steps, 1));
            assertEquals(steps / (8 * 4), agent.gradientUpdates()); // one update per rollout
            EvalResult r = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 20, 123);
            assertTrue(r.mean() >= 90, "mean greedy return " + r);
        }
    }

    @Test
    void defaultsAreSb3sAndBadValuesAreNamed() {
        A2cConfig d = A2cConfig.defaults();
        assertEquals(7e-4, d.learningRate());
        assertEquals(5, d.nSteps());
        assertEquals("rmsprop", d.optimizer());
        assertEquals(1e-5, d.optimizerEps());
        assertEquals(1.0, d.gaeLambda());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(A2cConfig.defaults(), Map.of("gae_lambda", 1.5)));
        assertTrue(e.getMessage().contains("gae_lambda"), e.getMessage());
        assertTrue(Algorithms.names().contains("a2c"));
    }
}
