package org.deeprl4j.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.nn.OptimizerConfig;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Time-outs are bootstrapped with V(final observation); terminations are not. */
class RolloutCollectorTest {
    @Test
    void bootstrapsTruncatedStepsOnly() {
        ActorCriticModel m = ActorCriticModel.create(Box.of(-1f, 1f, 2), new Discrete(3), List.of(8), "tanh",
                "relu_uniform", false, 0, OptimizerConfig.adam(1e-3), 1, "PPO");
        double gamma = 0.9;
        RolloutCollector c = new RolloutCollector(m, 2, 3, gamma, new Rng(2));
        float[] obs = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f};
        float[] next = {-0.5f, 0.5f, 0.9f, -0.9f, 0.2f, -0.2f};
        float[] actions = new float[3];
        c.behaviourPolicy().act(obs, 3, 0, actions);
        // env 0 truncated (time limit), env 1 terminated, env 2 both: only env 0 bootstraps
        c.observe(new Transitions(obs, actions, new double[] {1, 1, 1}, next, new boolean[] {false, true, true},
                new boolean[] {true, false, true}, 3));
        float[] v = m.values(next, 3);
        assertEquals(1 + gamma * v[0], c.buffer().rewardAt(0, 0), 1e-9);
        assertEquals(1.0, c.buffer().rewardAt(0, 1));
        assertEquals(1.0, c.buffer().rewardAt(0, 2));
        c.behaviourPolicy().act(obs, 3, 0, actions);
        c.observe(new Transitions(obs, actions, new double[] {0, 0, 0}, next, new boolean[3], new boolean[3], 3));
        assertTrue(c.full());
        c.computeReturns(1.0);
        // env 1's first step ended its episode: its advantage does not look past the reset
        float[] v0 = m.values(obs, 3);
        assertEquals(1 - v0[1], c.buffer().advantageAt(0, 1), 1e-5);
        assertFalse(c.buffer().advantageAt(1, 1) == 0f);
    }

    @Test
    void divergedUpdateRestoresTheLastGoodParametersAndNamesTheStep() {
        ActorCriticModel m = ActorCriticModel.create(Box.of(-1f, 1f, 2), Box.of(-1f, 1f, 1), List.of(8), "tanh",
                "relu_uniform", false, 0, OptimizerConfig.adam(1e-3), 1, "PPO");
        RolloutCollector c = new RolloutCollector(m, 1, 1, 0.99, new Rng(2));
        float[] obs = {0.1f, 0.2f};
        float[] action = new float[1];
        c.behaviourPolicy().act(obs, 1, 0, action);
        c.observe(new Transitions(obs, action, new double[] {1}, obs, new boolean[1], new boolean[1], 1));
        INDArray before = m.network().params().dup();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> c.trainOnRollout(42, 100, 0.95,
                progress -> {
                    m.network().params().putScalar(0, Double.NaN); // a step that blew up
                    return java.util.Map.of();
                }));
        assertEquals(42, e.step());
        assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        assertEquals(before, m.network().params());
        assertEquals(0, c.buffer().steps()); // ready for the next rollout
    }
}
