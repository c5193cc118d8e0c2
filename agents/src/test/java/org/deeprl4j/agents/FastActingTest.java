package org.deeprl4j.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.deeprl4j.agents.dqn.GreedyQPolicy;
import org.deeprl4j.agents.ppo.ActorCriticModel;
import org.deeprl4j.agents.sac.ActionBounds;
import org.deeprl4j.agents.sac.SacPolicy;
import org.deeprl4j.agents.td3.Td3Policy;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.nn.Loss;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.PolicyNetworks;
import org.deeprl4j.nn.QNetworks;
import org.deeprl4j.nn.dist.Categorical;
import org.deeprl4j.nn.dist.DiagGaussian;
import org.deeprl4j.nn.dist.SquashedGaussian;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The policies act on FastNet's outputs: the same actions, log-probs and values as the DL4J
 * outputs fed to the same distribution code, to float rounding.
 */
class FastActingTest {
    private static final OptimizerConfig ADAM = OptimizerConfig.adam(1e-3);
    private static final int OBS = 4;
    private static final int N = 16;

    private static float[] observations(long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[N * OBS];
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) rng.nextGaussian();
        }
        return x;
    }

    private static INDArray matrix(float[] x) {
        return Nd4j.create(x, new long[] {N, OBS}, 'c'); // [N, OBS]
    }

    @Test
    void greedyQPolicyTakesTheArgmax() {
        Network q = QNetworks.mlp(OBS, 5, MlpSpec.of(32, 32), true, Loss.MSE, ADAM, 1);
        q.params().muli(4); // spread the Q-values: no near-ties
        float[] x = observations(2);
        float[] actions = new float[N];
        new GreedyQPolicy(q, OBS).act(x, N, 0, actions);
        float[][] expected = q.output(matrix(x)).toFloatMatrix(); // [N][5]
        for (int i = 0; i < N; i++) {
            int best = 0;
            for (int a = 1; a < 5; a++) {
                best = expected[i][a] > expected[i][best] ? a : best;
            }
            assertEquals(best, (int) actions[i], "row " + i);
        }
    }

    @Test
    void actorCriticSamplesLikeDl4jOutputs() {
        ActorCriticModel discrete = ActorCriticModel.create(Box.of(-1, 1, OBS), new Discrete(3), List.of(32, 32), "tanh",
                "uniform", false, 0, ADAM, 3, "PPO");
        float[] x = observations(4);
        float[] env = new float[N];
        float[] values = new float[N];
        float[] logp = new float[N];
        discrete.act(x, N, new Rng(5), null, env, values, logp);
        INDArray[] out = discrete.network().outputs(matrix(x));
        Categorical c = new Categorical(out[0]);
        int[] a = c.sample(new Rng(5));
        double[] lp = c.logProb(a);
        float[] v = out[1].reshape(N).toFloatVector(); // [N, 1] -> [N]
        for (int i = 0; i < N; i++) {
            assertEquals(a[i], (int) env[i]);
            assertEquals(lp[i], logp[i], 1e-5);
            assertEquals(v[i], values[i], 1e-5 * Math.max(1, Math.abs(v[i])));
        }
        assertArrayEquals(values, discrete.values(x, N));

        ActorCriticModel box = ActorCriticModel.create(Box.of(-1, 1, OBS), Box.of(-0.5f, 0.5f, 2), List.of(32), "relu",
                "uniform", true, -0.5, ADAM, 6, "PPO");
        float[] raw = new float[N * 2];
        box.act(x, N, new Rng(7), raw, new float[N * 2], null, logp);
        INDArray[] g = box.network().outputs(matrix(x));
        DiagGaussian d = new DiagGaussian(g[0], g[1]);
        double[] sample = d.sample(new Rng(7));
        double[] lpg = d.logProb(sample);
        for (int k = 0; k < N * 2; k++) {
            assertEquals(sample[k], raw[k], 1e-5);
        }
        for (int i = 0; i < N; i++) {
            assertEquals(lpg[i], logp[i], 1e-4);
        }
    }

    @Test
    void sacAndTd3GreedyActionsMatchDl4j() {
        ActionBounds bounds = new ActionBounds(new double[] {-2, 0}, new double[] {2, 1});
        Network sac = PolicyNetworks.sacActor(OBS, 2, MlpSpec.of(32, 32), ADAM, 8);
        float[] x = observations(9);
        float[] actions = new float[N * 2];
        SacPolicy.greedy(sac, OBS, bounds).act(x, N, 0, actions);
        INDArray[] out = sac.outputs(matrix(x));
        double[] mode = new SquashedGaussian(out[0], out[1], bounds.scale(), bounds.bias()).mode();
        for (int k = 0; k < N * 2; k++) {
            assertEquals(mode[k], actions[k], 1e-5);
        }
        Network td3 = PolicyNetworks.deterministicActor(OBS, bounds.low(), bounds.high(), MlpSpec.of(32, 32), ADAM, 10);
        Td3Policy.greedy(td3, OBS, bounds).act(x, N, 0, actions);
        float[] mu = td3.output(matrix(x)).dup('c').data().asFloat(); // [N, 2] row-major
        for (int k = 0; k < N * 2; k++) {
            assertEquals(mu[k], actions[k], 1e-5);
        }
    }
}
