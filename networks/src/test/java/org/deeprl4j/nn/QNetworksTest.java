package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class QNetworksTest {
    private static final OptimizerConfig ADAM = OptimizerConfig.adam(1e-3);

    static INDArray input(int batch, int dim, long seed, DataType type) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(type, batch, dim).subi(0.5).muli(4); // [batch, dim] in [-2, 2)
    }

    /** All values of {@code a} in row-major order, for exact (not epsilon) comparisons. */
    static float[] values(INDArray a) {
        return a.dup('c').reshape(a.length()).toFloatVector(); // [length]
    }

    @Test
    void mlpHasExpectedLayerSizesAndParamCount() {
        Network net = QNetworks.mlp(4, 2, MlpSpec.of(64, 64), false, Loss.MSE, ADAM, 1);
        assertEquals(4 * 64 + 64 + 64 * 64 + 64 + 64 * 2 + 2, net.numParams());
        ComputationGraph g = net.graph();
        assertArrayEquals(new long[] {4, 64}, g.getLayer("dense0").getParam("W").shape());
        assertArrayEquals(new long[] {64, 64}, g.getLayer("dense1").getParam("W").shape());
        assertArrayEquals(new long[] {64, 2}, g.getLayer("head").getParam("W").shape());
        assertArrayEquals(new long[] {5, 2}, net.output(input(5, 4, 0, DataType.FLOAT)).shape());
        assertEquals(1, net.params().rows());
        assertEquals(net.numParams(), net.params().length());
    }

    @Test
    void duelingHeadAddsValueAndAdvantageStreams() {
        Network net = QNetworks.mlp(3, 5, MlpSpec.of(16), true, Loss.HUBER, ADAM, 2);
        assertEquals(3 * 16 + 16 + (16 + 1) + (16 * 5 + 5), net.numParams());
        assertArrayEquals(new long[] {16, 1}, net.graph().getLayer("value").getParam("W").shape());
        assertArrayEquals(new long[] {16, 5}, net.graph().getLayer("advantage").getParam("W").shape());
    }

    @Test
    void duelingOutputIsValuePlusCenteredAdvantage() {
        Network net = QNetworks.mlp(3, 4, MlpSpec.of(8), true, Loss.MSE, ADAM, 3);
        INDArray x = input(6, 3, 1, DataType.FLOAT);
        Map<String, INDArray> acts = net.graph().feedForward(x, false);
        double[][] v = acts.get("value").toDoubleMatrix();
        double[][] a = acts.get("advantage").toDoubleMatrix();
        double[][] q = net.output(x).toDoubleMatrix();
        for (int i = 0; i < 6; i++) {
            double mean = (a[i][0] + a[i][1] + a[i][2] + a[i][3]) / 4;
            for (int j = 0; j < 4; j++) {
                assertEquals(v[i][0] + a[i][j] - mean, q[i][j], 1e-5);
            }
            assertNotEquals(0.0, a[i][0] - mean); // the check is not vacuous
        }
    }

    @Test
    void natureCnnHasExpectedShapesAndParamCount() {
        CnnSpec spec = CnnSpec.natureDqn();
        assertArrayEquals(new int[] {64, 7, 7}, spec.convOutputShape(new int[] {4, 84, 84}));
        Network net = QNetworks.cnn(new int[] {4, 84, 84}, 6, spec, false, Loss.HUBER, ADAM, 4);
        long expected = (4 * 32 * 64 + 32) + (32 * 64 * 16 + 64) + (64 * 64 * 9 + 64) + (3136 * 512 + 512) + (512 * 6 + 6);
        assertEquals(expected, net.numParams());
        assertArrayEquals(new long[] {3136, 512}, net.graph().getLayer("dense0").getParam("W").shape());
        Nd4j.getRandom().setSeed(5);
        INDArray obs = Nd4j.rand(DataType.FLOAT, 2, 4, 84, 84).muli(255); // [batch, C, H, W] raw pixels
        assertArrayEquals(new long[] {2, 6}, net.output(obs).shape());
        INDArray labels = net.output(obs).addi(1);
        double before = net.fit(obs, labels, null);
        assertTrue(Double.isFinite(before));
    }

    @Test
    void smallCnnDuelingTrains() {
        CnnSpec spec = new CnnSpec(java.util.List.of(new CnnSpec.Conv(4, 3, 1)), new int[] {8}, "relu", "xavier", 1.0);
        Network net = QNetworks.cnn(new int[] {2, 5, 5}, 3, spec, true, Loss.MSE, OptimizerConfig.adam(0.01), 9);
        Nd4j.getRandom().setSeed(6);
        INDArray obs = Nd4j.rand(DataType.FLOAT, 8, 2, 5, 5); // [batch, C, H, W]
        INDArray labels = Nd4j.rand(DataType.FLOAT, 8, 3);
        double first = net.fit(obs, labels, null);
        double last = first;
        for (int i = 0; i < 100; i++) {
            last = net.fit(obs, labels, null);
        }
        assertTrue(last < 0.2 * first, first + " -> " + last);
    }

    @Test
    void fitReducesRegressionLoss() {
        Network net = QNetworks.mlp(2, 1, MlpSpec.of(32, 32), false, Loss.MSE, OptimizerConfig.adam(0.01), 5);
        INDArray x = input(64, 2, 3, DataType.FLOAT);
        INDArray y = x.getColumn(0).mul(x.getColumn(1)).reshape(64, 1); // [batch, 1] target x0 * x1
        double first = net.fit(x, y, null);
        double last = first;
        for (int i = 0; i < 300; i++) {
            last = net.fit(x, y, null);
        }
        assertTrue(last < 0.1 * first, first + " -> " + last);
    }

    @Test
    void fitScoreIsMseOfChosenActions() {
        Network net = QNetworks.mlp(3, 4, MlpSpec.of(8), true, Loss.MSE, OptimizerConfig.sgd(1e-9), 7);
        INDArray x = input(5, 3, 2, DataType.FLOAT);
        int[] actions = {0, 3, 1, 1, 2};
        double[] targets = {1.0, -0.5, 2.0, 0.0, 0.3};
        INDArray q = net.output(x);
        QNetworks.TdTargets td = QNetworks.tdTargets(actions, new float[] {1.0f, -0.5f, 2.0f, 0.0f, 0.3f}, null, 4);
        double expected = 0;
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(j == actions[i] ? (float) targets[i] : 0f, td.labels().getFloat(i, j));
                assertEquals(j == actions[i] ? 1f : 0f, td.mask().getFloat(i, j));
            }
            double d = q.getDouble(i, actions[i]) - targets[i];
            expected += d * d / 5;
        }
        assertEquals(expected, net.fit(x, td.labels(), td.mask()), 1e-5 * Math.max(1, expected));
        QNetworks.TdTargets weighted = QNetworks.tdTargets(new int[] {2}, new float[] {3f}, new float[] {0.25f}, 3);
        assertEquals(0.25f, weighted.mask().getFloat(0, 2));
        assertEquals(0f, weighted.mask().getFloat(0, 1));
        assertThrows(IllegalArgumentException.class, () -> QNetworks.tdTargets(new int[] {3}, new float[] {1f}, null, 3));
        assertThrows(IllegalArgumentException.class, () -> QNetworks.tdTargets(new int[] {0}, new float[] {1f, 2f}, null, 3));
    }

    @Test
    void sameSeedSameNetworkDifferentSeedDifferent() {
        Network a = QNetworks.mlp(4, 3, MlpSpec.of(16), true, Loss.HUBER, ADAM, 42);
        Network b = QNetworks.mlp(4, 3, MlpSpec.of(16), true, Loss.HUBER, ADAM, 42);
        Network c = QNetworks.mlp(4, 3, MlpSpec.of(16), true, Loss.HUBER, ADAM, 43);
        assertArrayEquals(values(a.params()), values(b.params()));
        assertNotEquals(a.params(), c.params());
        INDArray x = input(8, 4, 11, DataType.FLOAT);
        INDArray y = input(8, 3, 12, DataType.FLOAT);
        for (int i = 0; i < 5; i++) {
            assertEquals(a.fit(x, y, null), b.fit(x, y, null));
        }
        assertArrayEquals(values(a.params()), values(b.params()));
        assertArrayEquals(values(a.output(x)), values(b.output(x)));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> QNetworks.mlp(0, 2, MlpSpec.of(4), false, Loss.MSE, ADAM, 1));
        assertThrows(IllegalArgumentException.class, () -> QNetworks.mlp(3, 0, MlpSpec.of(4), false, Loss.MSE, ADAM, 1));
        assertThrows(IllegalArgumentException.class, () -> QNetworks.cnn(new int[] {4, 84}, 2, CnnSpec.natureDqn(),
                false, Loss.MSE, ADAM, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QNetworks.cnn(
                new int[] {4, 20, 20}, 2, CnnSpec.natureDqn(), false, Loss.MSE, ADAM, 1));
        assertTrue(e.getMessage().contains("kernel"), e.getMessage());
        Network net = QNetworks.mlp(3, 2, MlpSpec.of(4), false, Loss.MSE, ADAM, 1);
        assertThrows(IllegalArgumentException.class, () -> net.fit(Nd4j.ones(4, 3), Nd4j.ones(5, 2), null));
        assertThrows(IllegalArgumentException.class, () -> net.fit(Nd4j.ones(4, 3), Nd4j.ones(4, 2), Nd4j.ones(3, 2)));
    }
}
