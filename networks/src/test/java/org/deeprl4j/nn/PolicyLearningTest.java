package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.dist.Categorical;
import org.deeprl4j.nn.dist.DiagGaussian;
import org.deeprl4j.nn.dist.SquashedGaussian;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * End-to-end: the distributions' gradients, external steps and critic input gradients solve
 * one-step problems (bandits) the way REINFORCE/A2C, continuous PPO, TD3 and SAC updates would.
 */
class PolicyLearningTest {
    private static final int B = 32;

    private static INDArray observations(Rng rng) {
        float[] v = new float[B * 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextFloat() * 2 - 1;
        }
        return Nd4j.create(v, new long[] {B, 2}, 'c'); // [B, 2]
    }

    /** dL/dV for L = mean_i (V_i - r_i)^2 (times 0.5, as CleanRL's vf_coef). */
    private static INDArray valueGradient(INDArray value, double[] r) {
        return value.sub(Nd4j.createFromArray(r).castTo(DataType.FLOAT).reshape(B, 1)).muli(2 * 0.5 / B);
    }

    @Test
    void categoricalPolicyGradientFindsTheBestArm() {
        double[] armReward = {0.0, 1.0, 0.3};
        Network net = PolicyNetworks.categoricalActorCritic(2, 3, ActorCriticSpec.shared(MlpSpec.of(16)),
                OptimizerConfig.adam(0.02).withMaxGradNorm(0.5), 1);
        Rng rng = new Rng(1);
        for (int step = 0; step < 150; step++) {
            INDArray[] out = net.trainForward(observations(rng)); // logits [B, 3], value [B, 1]
            Categorical pi = new Categorical(out[0]);
            int[] a = pi.sample(rng);
            double[] r = new double[B];
            double[] dLogProb = new double[B];
            double[] dEntropy = new double[B];
            for (int i = 0; i < B; i++) {
                r[i] = armReward[a[i]];
                dLogProb[i] = -(r[i] - out[1].getDouble(i, 0)) / B; // L = -mean(A logp) - 0.01 mean(H)
                dEntropy[i] = -0.01 / B;
            }
            net.stepExternal(pi.backward(a, dLogProb, dEntropy), valueGradient(out[1], r));
        }
        INDArray[] out = net.outputs(observations(rng));
        INDArray probs = new Categorical(out[0]).probs();
        assertTrue(probs.getColumn(1).minNumber().doubleValue() > 0.9, probs.toString());
        assertEquals(1.0, out[1].meanNumber().doubleValue(), 0.15);
    }

    @Test
    void gaussianPolicyGradientMovesTheMeanAndShrinksTheStd() {
        Network net = PolicyNetworks.gaussianActorCritic(2, 1, 0.0, ActorCriticSpec.separate(MlpSpec.of(16),
                MlpSpec.of(16)), OptimizerConfig.adam(0.02), 2);
        Rng rng = new Rng(2);
        for (int step = 0; step < 300; step++) {
            INDArray[] out = net.trainForward(observations(rng)); // mean, log_std [B, 1], value [B, 1]
            DiagGaussian pi = new DiagGaussian(out[0], out[1]);
            double[] a = pi.sample(rng);
            double[] r = new double[B];
            double[] dLogProb = new double[B];
            for (int i = 0; i < B; i++) {
                r[i] = -(a[i] - 1.5) * (a[i] - 1.5);
                dLogProb[i] = -(r[i] - out[2].getDouble(i, 0)) / B;
            }
            INDArray[] g = pi.backward(a, dLogProb, null);
            net.stepExternal(g[0], g[1], valueGradient(out[2], r));
        }
        INDArray[] out = net.outputs(observations(rng));
        assertEquals(1.5, out[0].meanNumber().doubleValue(), 0.2);
        assertTrue(out[1].getDouble(0, 0) < -0.5, "log-std should shrink, got " + out[1].getDouble(0, 0));
    }

    /** Twin critics fitted to Q(s, a) = -(a - 0.5)^2; input gradients leave them unchanged. */
    private static Network critics;

    @BeforeAll
    static void fitCritics() {
        critics = fittedCritics(new Rng(3));
    }

    /** Twin critics fitted to Q(s, a) = -(a - 0.5)^2 on uniform actions in [-1, 1]. */
    private static Network fittedCritics(Rng rng) {
        Network q = PolicyNetworks.qCritics(2, 1, 2, MlpSpec.of(32, 32), OptimizerConfig.adam(0.005), 3);
        for (int step = 0; step < 400; step++) {
            INDArray obs = observations(rng);
            float[] a = new float[B];
            float[] y = new float[B];
            for (int i = 0; i < B; i++) {
                a[i] = rng.nextFloat() * 2 - 1;
                y[i] = -(a[i] - 0.5f) * (a[i] - 0.5f);
            }
            INDArray target = Nd4j.create(y, new long[] {B, 1}, 'c');
            INDArray[] out = q.trainForward(obs, Nd4j.create(a, new long[] {B, 1}, 'c'));
            // SAC/TD3 critic loss mse(q1, y) + mse(q2, y)
            q.stepExternal(out[0].sub(target).muli(2.0 / B), out[1].sub(target).muli(2.0 / B));
        }
        return q;
    }

    @Test
    void deterministicActorClimbsTheCriticThroughInputGradients() {
        Rng rng = new Rng(4);
        Network q = critics;
        Network actor = PolicyNetworks.deterministicActor(2, new double[] {-1}, new double[] {1}, MlpSpec.of(16),
                OptimizerConfig.adam(0.01), 4);
        INDArray dQ1 = Nd4j.valueArrayOf(new long[] {B, 1}, -1.0f / B); // TD3 actor loss -mean(q1)
        INDArray dQ2 = Nd4j.zeros(DataType.FLOAT, B, 1);
        for (int step = 0; step < 150; step++) {
            INDArray obs = observations(rng);
            INDArray a = actor.trainForward(obs)[0];
            INDArray dA = q.inputGradients(new INDArray[] {obs, a}, new INDArray[] {dQ1, dQ2})[1]; // [B, 1]
            actor.stepExternal(dA);
        }
        INDArray a = actor.output(observations(rng));
        assertEquals(0.5, a.meanNumber().doubleValue(), 0.1);
        assertTrue(a.maxNumber().doubleValue() - a.minNumber().doubleValue() < 0.2, a.toString());
    }

    @Test
    void sacActorMaximizesTheSoftValueOfTheMinimumCritic() {
        Rng rng = new Rng(5);
        Network q = critics;
        Network actor = PolicyNetworks.sacActor(2, 1, MlpSpec.of(16), OptimizerConfig.adam(0.01), 6);
        double alpha = 0.01;
        for (int step = 0; step < 200; step++) {
            INDArray obs = observations(rng);
            INDArray[] out = actor.trainForward(obs); // mean, log_std
            SquashedGaussian.Sample s = SquashedGaussian.unitBounds(out[0], out[1]).rsample(rng);
            // L = mean_i (alpha log pi(a_i) - min(q1, q2)(s_i, a_i)): the gradient goes to the smaller critic
            INDArray[] qs = q.trainForward(obs, s.actionArray());
            INDArray dQ1 = Nd4j.zeros(DataType.FLOAT, B, 1);
            INDArray dQ2 = Nd4j.zeros(DataType.FLOAT, B, 1);
            for (int i = 0; i < B; i++) {
                (qs[0].getDouble(i, 0) <= qs[1].getDouble(i, 0) ? dQ1 : dQ2).putScalar(i, 0, -1.0 / B);
            }
            INDArray dA = q.backpropToInputs(dQ1, dQ2)[1];
            double[] dLogProb = new double[B];
            Arrays.fill(dLogProb, alpha / B);
            INDArray[] g = s.backward(dLogProb, dA);
            actor.stepExternal(g[0], g[1]);
        }
        INDArray[] out = actor.outputs(observations(rng));
        double[] mode = SquashedGaussian.unitBounds(out[0], out[1]).mode();
        assertEquals(0.5, Arrays.stream(mode).average().orElseThrow(), 0.1);
        assertTrue(out[1].meanNumber().doubleValue() < -1.0, "log-std should shrink: " + out[1]);
    }
}
