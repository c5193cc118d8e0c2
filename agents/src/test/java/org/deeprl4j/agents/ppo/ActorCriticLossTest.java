package org.deeprl4j.agents.ppo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.ToDoubleFunction;
import org.deeprl4j.env.Rng;
import org.deeprl4j.replay.RolloutBatch;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The loss gradients fed to stepExternal agree with hand computation and finite differences. */
class ActorCriticLossTest {
    static final ActorCriticLoss.Settings PPO = new ActorCriticLoss.Settings(0.2, 0.0, 0.01, 0.5, false);

    @Test
    void clippedSurrogateByHand() {
        double r = Math.log(1.5); // ratio 1.5, outside [0.8, 1.2]
        ActorCriticLoss.Terms t = ActorCriticLoss.terms(new double[] {r, r}, new double[] {0, 0}, new double[] {0, 0},
                new double[] {0, 0}, new double[] {0, 0}, new double[] {1, -1}, new double[] {0, 0}, PPO);
        // A = +1: max(-1.5, -1.2) = -1.2, the clipped term is active: no gradient
        // A = -1: max(1.5, 1.2) = 1.5, the unclipped term: d/dlogp = -A * ratio / B = 0.75
        assertEquals((-1.2 + 1.5) / 2, t.policyLoss(), 1e-12);
        assertArrayEquals(new double[] {0, 0.75}, t.dLogProb(), 1e-12);
        assertEquals(1.0, t.clipFraction());
        assertEquals((0.5 - r), t.approxKl(), 1e-12);
        assertArrayEquals(new double[] {-0.005, -0.005}, t.dEntropy(), 1e-15);
    }

    @Test
    void valueClippingStopsTheGradientOutsideTheBand() {
        ActorCriticLoss.Settings s = new ActorCriticLoss.Settings(0.2, 0.1, 0, 0.5, false);
        ActorCriticLoss.Terms t = ActorCriticLoss.terms(new double[2], new double[2], new double[] {1.0, 0.05},
                new double[2], new double[] {0, 0}, new double[2], new double[] {2, 1}, s);
        // row 0: V clipped to 0.1, loss (2 - 0.1)^2, no gradient; row 1: inside the band
        assertEquals((1.9 * 1.9 + 0.95 * 0.95) / 2, t.valueLoss(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5 * 2 * (0.05 - 1) / 2}, t.dValue(), 1e-12);
    }

    @Test
    void categoricalGradientsMatchFiniteDifferences() {
        int b = 5;
        int n = 3;
        Rng rng = new Rng(7);
        INDArray logits = random(rng, b, n, 1.0);
        INDArray value = random(rng, b, 1, 1.0);
        RolloutBatch batch = batch(rng, b, new double[] {0, 2, 1, 1, 0}, 1, logProbsNear(logits, new int[] {0, 2, 1, 1, 0}, rng));
        ActorCriticLoss.Settings s = new ActorCriticLoss.Settings(0.2, 0.3, 0.05, 0.5, true);
        INDArray[] outputs = {logits, value};
        ActorCriticLoss.Result r = ActorCriticLoss.evaluate(outputs, batch, true, s);
        checkFiniteDifferences(outputs, r.gradients(), o -> ActorCriticLoss.evaluate(o, batch, true, s).loss());
    }

    @Test
    void gaussianGradientsMatchFiniteDifferences() {
        int b = 4;
        int d = 2;
        Rng rng = new Rng(8);
        INDArray mean = random(rng, b, d, 1.0);
        INDArray logStd = random(rng, b, d, 0.3);
        INDArray value = random(rng, b, 1, 1.0);
        double[] actions = new double[b * d];
        for (int k = 0; k < actions.length; k++) {
            actions[k] = rng.nextGaussian() * 1.5;
        }
        double[] old = new org.deeprl4j.nn.dist.DiagGaussian(mean, logStd).logProb(actions);
        for (int i = 0; i < b; i++) {
            old[i] += 0.3 * rng.nextGaussian(); // some ratios leave the clip band
        }
        RolloutBatch batch = batch(rng, b, actions, d, old);
        ActorCriticLoss.Settings s = new ActorCriticLoss.Settings(0.2, 0.0, 0.01, 0.5, true);
        INDArray[] outputs = {mean, logStd, value};
        ActorCriticLoss.Result r = ActorCriticLoss.evaluate(outputs, batch, false, s);
        checkFiniteDifferences(outputs, r.gradients(), o -> ActorCriticLoss.evaluate(o, batch, false, s).loss());
    }

    @Test
    void vanillaPolicyGradientForA2c() {
        ActorCriticLoss.Settings s = new ActorCriticLoss.Settings(0, 0, 0, 0.5, false);
        ActorCriticLoss.Terms t = ActorCriticLoss.terms(new double[] {-0.5, -2}, new double[2], new double[2],
                new double[] {-0.5, -2}, new double[2], new double[] {2, -1}, new double[2], s);
        assertEquals(-(2 * -0.5 + -1 * -2) / 2.0, t.policyLoss(), 1e-12);
        assertArrayEquals(new double[] {-1, 0.5}, t.dLogProb(), 1e-12);
    }

    /** Central differences of the loss w.r.t. every output element against the analytic gradient. */
    private static void checkFiniteDifferences(INDArray[] outputs, INDArray[] grads, ToDoubleFunction<INDArray[]> loss) {
        double h = 1e-6;
        for (int k = 0; k < outputs.length; k++) {
            for (int i = 0; i < outputs[k].rows(); i++) {
                for (int j = 0; j < outputs[k].columns(); j++) {
                    double x = outputs[k].getDouble(i, j);
                    outputs[k].putScalar(i, j, x + h);
                    double up = loss.applyAsDouble(outputs);
                    outputs[k].putScalar(i, j, x - h);
                    double down = loss.applyAsDouble(outputs);
                    outputs[k].putScalar(i, j, x);
                    assertEquals((up - down) / (2 * h), grads[k].getDouble(i, j), 1e-6,
                            "output " + k + " element [" + i + ", " + j + "]");
                }
            }
        }
    }

    private static double[] logProbsNear(INDArray logits, int[] actions, Rng rng) {
        double[] lp = new org.deeprl4j.nn.dist.Categorical(logits).logProb(actions);
        for (int i = 0; i < lp.length; i++) {
            lp[i] += 0.3 * rng.nextGaussian();
        }
        return lp;
    }

    private static RolloutBatch batch(Rng rng, int b, double[] actions, int actDim, double[] oldLogProbs) {
        INDArray oldValues = random(rng, b, 1, 1.0);
        INDArray adv = random(rng, b, 1, 1.0);
        return new RolloutBatch(Nd4j.zeros(DataType.DOUBLE, b, 3), Nd4j.create(actions, new long[] {b, actDim}, 'c'),
                oldValues, Nd4j.create(oldLogProbs, new long[] {b, 1}, 'c'), adv, adv.add(oldValues), new int[b]);
    }

    private static INDArray random(Rng rng, int rows, int cols, double scale) {
        double[] v = new double[rows * cols];
        for (int k = 0; k < v.length; k++) {
            v[k] = scale * rng.nextGaussian();
        }
        return Nd4j.create(v, new long[] {rows, cols}, 'c'); // [rows, cols]
    }
}
