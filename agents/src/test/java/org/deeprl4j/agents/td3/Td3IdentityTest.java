package org.deeprl4j.agents.td3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

/** TD3 learns IdentityBox-v0 in a short run (SB3's test_identity settings); same seed, same parameters. */
class Td3IdentityTest {
    static final Td3Config IDENTITY = ConfigBinder.override(Td3Config.defaults(), Map.of(
            "buffer_size", 3000, "learning_starts", 200, "batch_size", 64, "gamma", 0.95,
            "net_arch", List.of(64, 64)));
    /** SB3's test_identity.py uses eps = 0.5 for the continuous identity env. */
    static final Map<String, Object> ENV_KWARGS = Map.of("eps", Double.parseDouble(System.getProperty("td3.eps", "0.5")));
    static final int STEPS = Integer.getInteger("td3.steps", 600);

    static Td3Agent train(long seed, int steps) {
        try (VectorEnv env = TrainingEnvs.vector("IdentityBox-v0", ENV_KWARGS, 1, false)) {
            Td3Agent agent = new Td3Agent(IDENTITY, env.observationSpace(), env.actionSpace(), new Rng(seed));
            var res = new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(steps, seed));
            System.out.println("TD3 " + steps + " steps in " + res.seconds() + " s");
            return agent;
        }
    }

    @Test
    void learnsIdentityBox() {
        Td3Agent agent = train(1, STEPS);
        try (Env<?, ?> evalEnv = TrainingEnvs.make("IdentityBox-v0", ENV_KWARGS)) {
            EvalResult r = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 20, 123);
            System.out.println("TD3 IdentityBox mean greedy return " + r.mean());
            assertTrue(r.mean() >= 90, "mean greedy return " + r);
        }
    }

    @Test
    void sameSeedGivesIdenticalParameters() {
        Td3Agent a = train(7, 300);
        Td3Agent b = train(7, 300);
        assertTrue(a.actorUpdates() > 0);
        assertArrayEquals(a.actor().params().toFloatVector(), b.actor().params().toFloatVector());
        assertArrayEquals(a.critic().params().toFloatVector(), b.critic().params().toFloatVector());
    }
}
