package org.deeprl4j.agents.sac;

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

/** SAC learns IdentityBox-v0 (repeat the observation within 0.05) in a short run; same seed, same parameters. */
class SacIdentityTest {
    static final SacConfig IDENTITY = ConfigBinder.override(SacConfig.defaults(), Map.of(
            "learning_rate", 1e-3, "buffer_size", 3000, "learning_starts", 200, "batch_size", 64,
            "gamma", 0.9, "net_arch", List.of(64, 64)));
    /** SB3's test_identity.py uses eps = 0.5 for the continuous identity env. */
    static final Map<String, Object> ENV_KWARGS = Map.of("eps", Double.parseDouble(System.getProperty("sac.eps", "0.5")));
    static final int STEPS = Integer.getInteger("sac.steps", 600);

    static SacAgent train(long seed, int steps) {
        try (VectorEnv env = TrainingEnvs.vector("IdentityBox-v0", ENV_KWARGS, 1, false)) {
            SacAgent agent = new SacAgent(IDENTITY, env.observationSpace(), env.actionSpace(), new Rng(seed));
            var res = new Trainer(agent, env, () -> null, List.of()).run(TrainOptions.of(steps, seed));
            System.out.println("SAC " + steps + " steps in " + res.seconds() + " s");
            return agent;
        }
    }

    @Test
    void learnsIdentityBox() {
        SacAgent agent = train(1, STEPS);
        try (Env<?, ?> evalEnv = TrainingEnvs.make("IdentityBox-v0", ENV_KWARGS)) {
            EvalResult r = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, 20, 123);
            System.out.println("SAC IdentityBox mean greedy return " + r.mean() + " alpha " + agent.alpha());
            assertTrue(r.mean() >= 90, "mean greedy return " + r);
        }
    }

    @Test
    void sameSeedGivesIdenticalParameters() {
        SacAgent a = train(7, 300);
        SacAgent b = train(7, 300);
        assertTrue(a.gradientUpdates() > 0);
        assertArrayEquals(a.actor().params().toFloatVector(), b.actor().params().toFloatVector());
        assertArrayEquals(a.critic().params().toFloatVector(), b.critic().params().toFloatVector());
        assertTrue(a.alpha() == b.alpha(), a.alpha() + " vs " + b.alpha());
    }
}
