package org.deeprl4j.agents.td3;

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
import org.deeprl4j.agents.sac.ActionBounds;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.nn.LoadedModels;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** TD3's update math on tiny batches: clipped double-Q targets, smoothing noise, delayed actor updates. */
class Td3UpdateTest {
    static final Box<float[]> OBS = Box.of(-1f, 1f, 3);
    static final Box<float[]> ACT = Box.of(-2f, 2f, 1);

    static Td3Agent filled(Map<String, ?> overrides) {
        Td3Config base = ConfigBinder.override(Td3Config.defaults(), Map.of("buffer_size", 100, "batch_size", 8,
                "learning_starts", 10, "net_arch", List.of(16)));
        Td3Agent agent = new Td3Agent(ConfigBinder.override(base, overrides), OBS, ACT, new Rng(3));
        Rng r = new Rng(5);
        for (int k = 0; k < 20; k++) {
            agent.observe(new Transitions(OBS.sample(r), ACT.sample(r), new double[] {r.nextDouble()}, OBS.sample(r),
                    new boolean[] {k % 7 == 6}, new boolean[] {false}, 1), k);
        }
        return agent;
    }

    @Test
    void targetUsesMinOfTwinsAndNoBootstrapOnTerminal() {
        float[] y = Td3Agent.clippedDoubleQTargets(new float[] {1f, 3f, 5f}, new float[] {2f, 0.5f, -4f},
                new float[] {1f, 0f, 2f}, new float[] {0.5f, 0.5f, 0.25f}, new float[] {0f, 0f, 1f});
        assertArrayEquals(new float[] {1.5f, 0.25f, 2f}, y, 1e-6f);
    }

    @Test
    void smoothingNoiseIsClippedScaledAndKeptInTheBox() {
        ActionBounds bounds = ActionBounds.of(ACT, "TD3");
        double[] scale = bounds.scale(); // 2
        float[][] mu = new float[200][];
        for (int i = 0; i < mu.length; i++) {
            mu[i] = new float[] {i % 2 == 0 ? 0f : 1.9f};
        }
        // sigma 100: |noise| hits the clip 0.5 almost always, times the half-range 2 = 1
        float[][] out = Td3Agent.smoothedActions(mu, new Rng(1), 100, 0.5, scale, bounds);
        for (int i = 0; i < mu.length; i++) {
            if (i % 2 == 0) {
                assertEquals(1.0, Math.abs(out[i][0]), 1e-6, "row " + i);
            } else {
                assertTrue(out[i][0] == 2f || Math.abs(out[i][0] - 0.9f) < 1e-6, "clipped into the box: " + out[i][0]);
            }
        }
        float[][] small = Td3Agent.smoothedActions(mu, new Rng(1), 0.01, 0.5, scale, bounds);
        assertTrue(Math.abs(small[0][0]) < 0.1 && Math.abs(small[0][0]) > 0);
        assertArrayEquals(mu[0], Td3Agent.smoothedActions(mu, new Rng(1), 0, 0.5, scale, bounds)[0]);
    }

    @Test
    void actorAndTargetsUpdateEveryPolicyDelayCriticSteps() {
        Td3Agent agent = filled(Map.of("policy_delay", 2));
        INDArray actor0 = agent.actor().params().dup();
        INDArray criticTarget0 = agent.criticTarget().params().dup();
        agent.train(1);
        assertEquals(1, agent.criticUpdates());
        assertEquals(0, agent.actorUpdates());
        assertEquals(actor0, agent.actor().params());                 // delayed: no actor step yet
        assertEquals(criticTarget0, agent.criticTarget().params());   // nor target update
        Map<String, Double> m = agent.train(1);
        assertEquals(1, agent.actorUpdates());
        assertNotEquals(actor0, agent.actor().params());
        assertNotEquals(criticTarget0, agent.criticTarget().params());
        assertTrue(m.containsKey("losses/actor_loss"));
        agent.train(5);
        assertEquals(7, agent.criticUpdates());
        assertEquals(3, agent.actorUpdates());
    }

    @Test
    void explorationAddsBoundedNoiseAndGreedyIsTheActorOutput() {
        Td3Agent agent = filled(Map.of("learning_starts", 0, "exploration_noise", 0.1));
        float[] obs = {0.1f, 0.2f, 0.3f};
        float[] greedy = new float[1];
        float[] explore = new float[1];
        agent.greedyPolicy().act(obs, 1, 100, greedy);
        assertEquals(agent.actor().output(org.nd4j.linalg.factory.Nd4j.create(obs, new long[] {1, 3}, 'c')).getFloat(0),
                greedy[0], 1e-6);
        agent.behaviourPolicy().act(obs, 1, 100, explore);
        assertNotEquals(greedy[0], explore[0]);
        assertTrue(Math.abs(greedy[0] - explore[0]) < 2 * 0.1 * 6, "noise std 0.2: " + (explore[0] - greedy[0]));
    }

    @Test
    void loadedPolicyActsLikeTheAgentsGreedyPolicy() {
        Td3Agent agent = filled(Map.of());
        Td3 td3 = new Td3();
        Policy loaded = td3.loadPolicy(new LoadedModels(td3.networks(agent), ActionBounds.metadata(3, ACT), "test"));
        float[] obs = {0.5f, 0.5f, -0.5f, 0.1f, 0.2f, 0.3f};
        float[] expected = new float[2];
        float[] actual = new float[2];
        agent.greedyPolicy().act(obs, 2, 0, expected);
        loaded.act(obs, 2, 0, actual);
        assertArrayEquals(expected, actual);
    }

    @Test
    void refusesDiscreteActionsNamingTheSpaceAndAlternatives() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Td3().createAgent(Td3Config.defaults(), OBS, new Discrete(3), 1000, new Rng(1)));
        assertTrue(e.getMessage().contains("TD3") && e.getMessage().contains("Discrete")
                && e.getMessage().contains("dqn") && e.getMessage().contains("ppo"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(Td3Config.defaults(), Map.of("policy_delay", 0)));
        assertTrue(e.getMessage().contains("policy_delay"), e.getMessage());
    }
}
