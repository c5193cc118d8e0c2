package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Back-propagated gradients of whole networks (float64) against central finite differences. */
class GradientCheckTest {

    private static double score(ComputationGraph g, INDArray x, INDArray y, INDArray mask) {
        g.setInputs(x);
        g.setLabels(y);
        g.setLayerMaskArrays(null, mask == null ? null : new INDArray[] {mask});
        g.computeGradientAndScore();
        return g.score();
    }

    private static void check(Network net, INDArray x, INDArray y, INDArray mask) {
        ComputationGraph g = net.graph();
        score(g, x, y, mask);
        // DL4J's gradient is the sum over the batch; the loss is the mean: divide by the batch size.
        double[] analytic = g.getFlattenedGradients().dup().divi(x.size(0)).toDoubleVector();
        INDArray params = g.params();
        double h = 1e-6;
        double maxAbs = 0;
        for (int i = 0; i < params.length(); i++) {
            double p = params.getDouble(i);
            params.putScalar(i, p + h);
            double plus = score(g, x, y, mask);
            params.putScalar(i, p - h);
            double minus = score(g, x, y, mask);
            params.putScalar(i, p);
            double numeric = (plus - minus) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-6 + 1e-5 * Math.abs(numeric), "param " + i);
            maxAbs = Math.max(maxAbs, Math.abs(numeric));
        }
        assertTrue(maxAbs > 1e-3, "gradient is not trivially zero");
    }

    private static INDArray[] batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 5, 3).subi(0.5).muli(4); // [batch, obsDim]
        INDArray y = Nd4j.rand(DataType.DOUBLE, 5, 4).subi(0.5).muli(6); // [batch, nActions]
        INDArray mask = Nd4j.zeros(DataType.DOUBLE, 5, 4); // taken action, importance weight
        double[] w = {1.0, 0.5, 2.0, 0.25, 1.5};
        int[] a = {0, 3, 1, 2, 3};
        for (int i = 0; i < 5; i++) {
            mask.putScalar(i, a[i], w[i]);
        }
        return new INDArray[] {x, y, mask};
    }

    @Test
    void duelingMseWithWeightedMask() {
        INDArray[] b = batch(1);
        Network net = QNetworks.mlp(3, 4, MlpSpec.of(6), true, Loss.MSE, OptimizerConfig.sgd(0.1), 1, DataType.DOUBLE);
        check(net, b[0], b[1], b[2]);
        check(net, b[0], b[1], null);
    }

    @Test
    void duelingHuberWithWeightedMask() {
        INDArray[] b = batch(2);
        Network net = QNetworks.mlp(3, 4, new MlpSpec(new int[] {6}, "tanh", "xavier"), true, Loss.HUBER,
                OptimizerConfig.sgd(0.1), 2, DataType.DOUBLE);
        check(net, b[0], b[1], b[2]);
    }

    @Test
    void plainHeadMseAndHuber() {
        INDArray[] b = batch(3);
        for (Loss loss : Loss.values()) {
            Network net = QNetworks.mlp(3, 4, new MlpSpec(new int[] {5, 5}, "elu", "relu"), false, loss,
                    OptimizerConfig.sgd(0.1), 3, DataType.DOUBLE);
            check(net, b[0], b[1], b[2]);
        }
    }

    @Test
    void plainMlpWithTanhOutput() {
        INDArray[] b = batch(4);
        Network net = Networks.mlp(3, 4, MlpSpec.of(5), "tanh", Loss.MSE, OptimizerConfig.sgd(0.1), 4, DataType.DOUBLE);
        check(net, b[0], b[1].muli(0.1), b[2]);
    }
}
