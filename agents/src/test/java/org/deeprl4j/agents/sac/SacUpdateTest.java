package org.deeprl4j.agents.sac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.PolicyNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** SAC's update math on tiny batches, its policies, config validation and space refusal. */
class SacUpdateTest {
    static final Box<float[]> OBS = Box.of(-1f, 1f, 3);
    static final Box<float[]> ACT = Box.of(new float[] {-2f, 0f}, new float[] {2f, 1f});

    static SacConfig small(Map<String, ?> overrides) {
        SacConfig base = ConfigBinder.override(SacConfig.defaults(), Map.of("buffer_size", 100, "batch_size", 8,
                "learning_starts", 10, "net_arch", List.of(16)));
        return ConfigBinder.override(base, overrides);
    }

    /** An agent whose buffer holds 20 random transitions. */
    static SacAgent filled(SacConfig cfg) {
        SacAgent agent = new SacAgent(cfg, OBS, ACT, new Rng(3));
        Rng r = new Rng(5);
        for (int k = 0; k < 20; k++) {
            float[] a = new float[2];
            agent.bounds().sampleUniform(r, 1, a);
            agent.observe(new Transitions(OBS.sample(r), a, new double[] {r.nextDouble()}, OBS.sample(r),
                    new boolean[] {k % 7 == 6}, new boolean[] {false}, 1), k);
        }
        return agent;
    }

    @Test
    void softTargetUsesMinOfTwinsAndEntropyTerm() {
        float[] q1 = {1f, 3f, -1f};
        float[] q2 = {2f, 0.5f, 4f};
        double[] logp = {-1, 2, 0.5};
        float[] rewards = {1f, 0f, 2f};
        float[] discounts = {0.9f, 0.9f, 0.81f};
        float[] dones = {0f, 1f, 0f};
        double[] y = SacAgent.softTargets(q1, q2, logp, 0.5, rewards, discounts, dones);
        assertEquals(1 + 0.9 * (1 - 0.5 * -1), y[0], 1e-6);    // min = q1, entropy bonus +0.5
        assertEquals(0, y[1], 1e-6);                            // terminal: no bootstrap
        assertEquals(2 + 0.81 * (-1 - 0.5 * 0.5), y[2], 1e-6); // min = q1 = -1 (not q2 = 4)
    }

    @Test
    void scalarAdamFirstStepMovesByLearningRateAgainstTheGradient() {
        assertEquals(1e-3, new ScalarAdam(1e-3).step(0, -2.0), 1e-9);
        assertEquals(0.5 - 1e-3, new ScalarAdam(1e-3).step(0.5, 7.0), 1e-9);
    }

    @Test
    void alphaRisesWhenEntropyIsBelowTargetAndFallsWhenAbove() {
        SacAgent high = filled(small(Map.of("target_entropy", "50")));  // any policy has entropy below 50
        high.train(3);
        assertTrue(high.alpha() > 1.0, "alpha " + high.alpha());
        SacAgent low = filled(small(Map.of("target_entropy", "-50")));
        low.train(3);
        assertTrue(low.alpha() < 1.0, "alpha " + low.alpha());
        SacAgent fixed = filled(small(Map.of("ent_coef", "0.2")));
        Map<String, Double> m = fixed.train(3);
        assertEquals(0.2, fixed.alpha(), 1e-12);
        assertEquals(3.0, m.get("train/n_updates"));
        assertTrue(Double.isFinite(m.get("losses/qf_loss")) && Double.isFinite(m.get("losses/actor_loss")));
    }

    @Test
    void trainingChangesActorAndCriticAndMovesTargetByTau() {
        SacAgent agent = filled(small(Map.of("tau", 1.0)));
        INDArray actor0 = agent.actor().params().dup();
        INDArray critic0 = agent.critic().params().dup();
        assertEquals(critic0, agent.criticTarget().params());
        agent.train(1);
        assertNotEquals(actor0, agent.actor().params());
        assertNotEquals(critic0, agent.critic().params());
        assertEquals(agent.critic().params(), agent.criticTarget().params()); // tau = 1: hard copy
    }

    @Test
    void greedyIsTanhOfMeanScaledAndWarmUpIsUniformInTheBox() {
        SacAgent agent = new SacAgent(small(Map.of()), OBS, ACT, new Rng(3));
        float[] obs = {0.1f, -0.2f, 0.3f};
        float[] greedy = new float[2];
        agent.greedyPolicy().act(obs, 1, 0, greedy);
        INDArray mean = agent.actor().outputs(Nd4j.create(obs, new long[] {1, 3}, 'c'))[0]; // [1, 2]
        assertEquals(Math.tanh(mean.getDouble(0, 0)) * 2, greedy[0], 1e-5);
        assertEquals(Math.tanh(mean.getDouble(0, 1)) * 0.5 + 0.5, greedy[1], 1e-5);
        float[] a = new float[2 * 50];
        float[] many = new float[3 * 50];
        agent.behaviourPolicy().act(many, 50, 0, a); // step 0 < learning_starts: uniform
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < 50; i++) {
            assertTrue(ACT.contains(new float[] {a[2 * i], a[2 * i + 1]}));
            min = Math.min(min, a[2 * i]);
            max = Math.max(max, a[2 * i]);
        }
        assertTrue(min < -1 && max > 1, "uniform over [-2, 2]: " + min + ".." + max);
    }

    @Test
    void loadedPolicyActsLikeTheAgentsGreedyPolicy() {
        SacAgent agent = new SacAgent(small(Map.of()), OBS, ACT, new Rng(3));
        Sac sac = new Sac();
        LoadedModels model = new LoadedModels(sac.networks(agent), ActionBounds.metadata(3, ACT), "test");
        Policy loaded = sac.loadPolicy(model);
        float[] obs = {0.5f, 0.5f, -0.5f, 0.1f, 0.2f, 0.3f};
        float[] expected = new float[4];
        float[] actual = new float[4];
        agent.greedyPolicy().act(obs, 2, 0, expected);
        loaded.act(obs, 2, 0, actual);
        assertArrayEquals(expected, actual);
        assertEquals(List.of("actor", "critic", "critic_target"), List.copyOf(sac.networks(agent).keySet()));
        assertEquals(2, agent.critic().outputs(Nd4j.zeros(1, 3), Nd4j.zeros(1, 2)).length);
        assertEquals(PolicyNetworks.ACT, agent.critic().graph().getConfiguration().getNetworkInputs().get(1));
    }

    @Test
    void refusesDiscreteActionsNamingTheSpaceAndAlternatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sac().createAgent(SacConfig.defaults(), OBS, new Discrete(3), 1000, new Rng(1)));
        assertTrue(e.getMessage().contains("Discrete") && e.getMessage().contains("dqn")
                && e.getMessage().contains("ppo"), e.getMessage());
    }

    @Test
    void invalidConfigNamesTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(SacConfig.defaults(), Map.of("ent_coef", "lots")));
        assertTrue(e.getMessage().contains("ent_coef"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(SacConfig.defaults(), Map.of("tau", 0.0)));
        assertTrue(e.getMessage().contains("tau"), e.getMessage());
        SacConfig c = ConfigBinder.override(SacConfig.defaults(), Map.of("ent_coef", "auto_0.1"));
        assertTrue(c.autoEntCoef());
        assertEquals(0.1, c.initialEntCoef(), 1e-12);
        assertEquals(-2.0, SacConfig.defaults().resolvedTargetEntropy(2));
    }
}
