package org.deeprl4j.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The TD target and loss of one DQN update, against numbers computed here from the networks' outputs. */
class DqnUpdateTest {
    private static final Box<float[]> OBS = Box.of(-1f, 1f, 2);
    private static final float[] S = {0.3f, -0.2f};
    private static final float[] S2 = {-0.5f, 0.7f};

    private static DqnAgent agent(Map<String, Object> overrides) {
        DqnConfig cfg = ConfigBinder.override(DqnConfig.defaults(), overrides);
        return new DqnAgent(cfg, OBS, new Discrete(3), 1000, new Rng(9));
    }

    private static Map<String, Object> base(String loss, boolean doubleDqn) {
        return Map.of("buffer_size", 1, "batch_size", 1, "learning_starts", 0, "gamma", 0.9, "loss", loss,
                "double_dqn", doubleDqn, "net_arch", List.of(8));
    }

    private static double loss(DqnAgent a, boolean terminated, boolean truncated) {
        return loss(a, S2, terminated, truncated);
    }

    private static double loss(DqnAgent a, float[] next, boolean terminated, boolean truncated) {
        a.observe(new Transitions(S, new float[] {2f}, new double[] {1.5}, next, new boolean[] {terminated},
                new boolean[] {truncated}, 1), 1);
        return a.train(1).get("losses/td_loss");
    }

    private static float[] q(DqnAgent a, boolean target, float[] obs) {
        return (target ? a.targetNetwork() : a.qNetwork()).output(Nd4j.create(obs, new long[] {1, 2}, 'c')).toFloatVector();
    }

    private static int argMax(float[] v) {
        int b = 0;
        for (int i = 1; i < v.length; i++) {
            b = v[i] > v[b] ? i : b;
        }
        return b;
    }

    @Test
    void terminalTransitionsDoNotBootstrap() {
        DqnAgent a = agent(base("mse", false));
        double expected = Math.pow(q(a, false, S)[2] - 1.5, 2);
        assertEquals(expected, loss(a, true, false), 1e-5);
    }

    @Test
    void truncatedTransitionsBootstrapFromTheFinalObservation() {
        DqnAgent a = agent(base("mse", false));
        float[] next = q(a, true, S2);
        double y = 1.5 + 0.9 * next[argMax(next)];
        assertEquals(Math.pow(q(a, false, S)[2] - y, 2), loss(a, false, true), 1e-5);
    }

    @Test
    void doubleDqnLetsTheOnlineNetPickTheNextAction() {
        DqnAgent a = agent(base("mse", true));
        a.targetNetwork().params().assign(Nd4j.rand(new Rng(4).nextLong(), a.targetNetwork().params().shape()).subi(0.5));
        // find a next observation on which the online and target nets prefer different actions
        Rng rng = new Rng(5);
        float[] next = null;
        for (int i = 0; i < 1000 && next == null; i++) {
            float[] cand = {rng.nextFloat() * 2 - 1, rng.nextFloat() * 2 - 1};
            if (argMax(q(a, false, cand)) != argMax(q(a, true, cand))) {
                next = cand;
            }
        }
        assertTrue(next != null, "the test needs the two nets to disagree somewhere");
        double y = 1.5 + 0.9 * q(a, true, next)[argMax(q(a, false, next))];
        assertEquals(Math.pow(q(a, false, S)[2] - y, 2), loss(a, next, false, false), 1e-5);
    }

    @Test
    void huberLossIsSmoothL1() {
        DqnAgent a = agent(Map.of("buffer_size", 1, "batch_size", 1, "learning_starts", 0, "loss", "huber",
                "net_arch", List.of(8)));
        double d = Math.abs(q(a, false, S)[2] - 1.5);
        double expected = d < 1 ? 0.5 * d * d : d - 0.5;
        assertEquals(expected, loss(a, true, false), 1e-5);
    }

    @Test
    void continuousActionsAreRefusedWithAHint() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DqnAgent(DqnConfig.defaults(), OBS, Box.of(-1f, 1f, 1), 100, new Rng(1)));
        assertTrue(e.getMessage().contains("Discrete") && e.getMessage().contains("Box(") && e.getMessage().contains("SAC"),
                e.getMessage());
    }

    @Test
    void trainingMovesQTowardsTheTarget() {
        DqnAgent a = agent(Map.of("buffer_size", 1, "batch_size", 1, "learning_starts", 0, "loss", "mse",
                "learning_rate", 1e-2, "net_arch", List.of(8)));
        double first = loss(a, true, false);
        double later = first;
        for (int i = 0; i < 50; i++) {
            later = a.train(1).get("losses/td_loss");
        }
        assertTrue(later < first * 0.1, "loss " + first + " -> " + later);
    }

    @Test
    void weightInitKeyChoosesTheInitAndRejectsUnknownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigBinder.override(DqnConfig.defaults(), Map.of("weight_init", "orthogonal")));
        assertTrue(e.getMessage().contains("orthogonal") && e.getMessage().contains("xavier"), e.getMessage());
        // the 64x64 layer: uniform draws |W| <= 1/sqrt(fanIn) = 1/8; Xavier (normal, std 1/8) exceeds it
        Map<String, Object> wide = Map.of("net_arch", List.of(64, 64));
        java.util.HashMap<String, Object> xavier = new java.util.HashMap<>(wide);
        xavier.put("weight_init", "xavier");
        double uniformMax = squareLayerMax(agent(wide));
        double xavierMax = squareLayerMax(agent(xavier));
        assertTrue(uniformMax <= 0.125 + 1e-6, "uniform: " + uniformMax);
        assertTrue(xavierMax > 0.25, "xavier: " + xavierMax);
    }

    /** The largest |weight| of the 64x64 hidden layer of the agent's Q-network. */
    private static double squareLayerMax(DqnAgent a) {
        for (org.deeplearning4j.nn.api.Layer layer : a.qNetwork().graph().getLayers()) {
            org.nd4j.linalg.api.ndarray.INDArray w = layer.getParam("W");
            if (w != null && w.size(0) == 64 && w.size(1) == 64) {
                return w.amaxNumber().doubleValue();
            }
        }
        throw new AssertionError("no 64x64 layer");
    }
}
