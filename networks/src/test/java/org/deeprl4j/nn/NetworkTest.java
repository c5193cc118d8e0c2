package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class NetworkTest {
    private static final INDArray X = QNetworksTest.input(16, 3, 21, DataType.FLOAT);
    private static final INDArray Y = QNetworksTest.input(16, 2, 22, DataType.FLOAT).muli(5).addi(10);

    private static Network net(OptimizerConfig opt, long seed) {
        return QNetworks.mlp(3, 2, MlpSpec.of(8, 8), true, Loss.MSE, opt, seed);
    }

    /** Mean (over the batch) gradient of the loss, as a PyTorch backward() would produce it. */
    private static double[] meanGradient(Network net, INDArray x, INDArray y) {
        ComputationGraph g = net.graph();
        g.setInputs(x);
        g.setLabels(y);
        g.computeGradientAndScore();
        return g.getFlattenedGradients().dup().divi(x.size(0)).toDoubleVector();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Asserts that one fit moved the parameters by exactly {@code -scale * grad}. */
    private static void assertStep(Network net, double[] grad, double scale) {
        double[] before = net.params().toDoubleVector();
        net.fit(X, Y, null);
        double[] after = net.params().toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertEquals(-scale * grad[i], after[i] - before[i], 2e-6 + 1e-5 * Math.abs(grad[i]), "param " + i);
        }
    }

    @Test
    void clipsByGlobalNormLikeClipGradNorm() {
        Network net = net(OptimizerConfig.sgd(1.0).withMaxGradNorm(0.5), 1);
        double[] grad = meanGradient(net, X, Y);
        double raw = norm(grad);
        assertTrue(raw > 5, "raw gradient norm " + raw + " should exceed the bound by far");
        double[] before = net.params().toDoubleVector();
        assertStep(net, grad, 0.5 / (raw + 1e-6));
        double[] after = net.params().toDoubleVector();
        double[] change = new double[before.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = after[i] - before[i];
        }
        assertEquals(0.5, norm(change), 1e-4); // lr 1: the step is the clipped gradient
        assertEquals(raw, net.lastGradNorm(), 1e-4 * raw);
    }

    @Test
    void smallGradientsAreNotClipped() {
        Network net = net(OptimizerConfig.sgd(1.0).withMaxGradNorm(1e4), 2);
        double[] grad = meanGradient(net, X, Y);
        assertStep(net, grad, 1.0);
        Network unclipped = net(OptimizerConfig.sgd(1.0), 2);
        assertStep(unclipped, meanGradient(unclipped, X, Y), 1.0);
        assertTrue(Double.isNaN(unclipped.lastGradNorm()));
    }

    @Test
    void setLearningRateChangesTheStepAndKeepsState() {
        Network net = net(OptimizerConfig.sgd(1.0), 3);
        assertStep(net, meanGradient(net, X, Y), 1.0);
        net.setLearningRate(0.25);
        assertEquals(0.25, net.optimizer().learningRate());
        assertStep(net, meanGradient(net, X, Y), 0.25);
        net.setLearningRate(0.5);
        assertStep(net, meanGradient(net, X, Y), 0.5);
        assertThrows(IllegalArgumentException.class, () -> net.setLearningRate(-1));
    }

    @Test
    void setLearningRateMatchesAFreshAdamNetworkAtThatRate() {
        Network a = net(OptimizerConfig.adam(0.01), 4);
        a.setLearningRate(0.001);
        Network b = net(OptimizerConfig.adam(0.001), 4);
        for (int i = 0; i < 3; i++) {
            a.fit(X, Y, null);
            b.fit(X, Y, null);
        }
        assertArrayEquals(QNetworksTest.values(b.params()), QNetworksTest.values(a.params()));
    }

    @Test
    void copyIsDeepAndCarriesUpdaterState() {
        Network net = net(OptimizerConfig.adam(0.01).withMaxGradNorm(1.0), 5);
        net.fit(X, Y, null);
        Network copy = net.copy();
        assertEquals(net.params(), copy.params());
        assertEquals(net.output(X), copy.output(X));
        assertEquals(net.optimizer(), copy.optimizer());
        for (int i = 0; i < 3; i++) {
            assertEquals(net.fit(X, Y, null), copy.fit(X, Y, null));
        }
        // same Adam moments and step count
        assertArrayEquals(QNetworksTest.values(net.params()), QNetworksTest.values(copy.params()));
        INDArray frozen = copy.params().dup();
        net.fit(X, Y, null);
        assertEquals(frozen, copy.params());
        assertNotEquals(frozen, net.params());
        assertEquals(1, copy.graph().getListeners().size()); // one clipper, not two
        assertEquals(1, net.graph().getListeners().size());
        assertNotSame(net.graph().getListeners().iterator().next(), copy.graph().getListeners().iterator().next());
        Network fresh = net.copy();
        double before = net.lastGradNorm();
        net.fit(X, Y, null);
        assertTrue(Double.isNaN(fresh.lastGradNorm())); // the original's steps do not reach the copy's clipper
        assertNotEquals(before, net.lastGradNorm());
    }

    @Test
    void copyParamsFromIsAHardUpdate() {
        Network online = net(OptimizerConfig.adam(0.01), 6);
        Network target = net(OptimizerConfig.adam(0.01), 7);
        Network untrainedCopy = online.copy(); // no updater state yet
        assertArrayEquals(QNetworksTest.values(online.params()), QNetworksTest.values(untrainedCopy.params()));
        assertEquals(untrainedCopy.fit(X, Y, null), online.copy().fit(X, Y, null));
        assertNotEquals(online.params(), target.params());
        target.copyParamsFrom(online);
        assertEquals(online.params(), target.params());
        assertEquals(online.output(X), target.output(X));
        online.fit(X, Y, null);
        assertNotEquals(online.params(), target.params());
    }

    @Test
    void polyakAveragesInPlace() {
        Network online = net(OptimizerConfig.adam(0.01), 8);
        Network target = net(OptimizerConfig.adam(0.01), 9);
        double[] o = online.params().toDoubleVector();
        double[] t = target.params().toDoubleVector();
        INDArray view = target.params();
        target.polyakFrom(online, 0.3);
        assertEquals(target.params(), view); // updated in place: an earlier view sees the new values
        double[] r = target.params().toDoubleVector();
        for (int i = 0; i < r.length; i++) {
            assertEquals(0.3 * o[i] + 0.7 * t[i], r[i], 1e-6);
        }
        target.polyakFrom(online, 0.0);
        assertEquals(Nd4j.createFromArray(r).castTo(DataType.FLOAT), target.params().reshape(r.length));
        target.polyakFrom(online, 1.0);
        assertEquals(online.params(), target.params());
        assertThrows(IllegalArgumentException.class, () -> target.polyakFrom(online, 1.5));
        Network other = QNetworks.mlp(3, 2, MlpSpec.of(4), false, Loss.MSE, OptimizerConfig.adam(0.01), 1);
        assertThrows(IllegalArgumentException.class, () -> target.polyakFrom(other, 0.5));
        assertThrows(IllegalArgumentException.class, () -> target.copyParamsFrom(other));
    }

    @Test
    void outputsAndMultiArrayFit() {
        Network net = net(OptimizerConfig.adam(0.01), 10);
        assertEquals(net.output(X), net.outputs(X)[0]);
        double loss = net.fit(new INDArray[] {X}, new INDArray[] {Y}, null);
        assertTrue(loss > 0);
        assertThrows(IllegalArgumentException.class, () -> net.fit(new INDArray[] {X, X}, new INDArray[] {Y}, null));
        assertTrue(net.toString().contains(Long.toString(net.numParams())));
    }
}
