package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

class PolicyNetworksTest {
    private static final OptimizerConfig ADAM = OptimizerConfig.adam(0.01);
    private static final INDArray X = QNetworksTest.input(5, 4, 51, DataType.FLOAT);

    private static List<String> outputs(Network net) {
        return net.graph().getConfiguration().getNetworkOutputs();
    }

    @Test
    void categoricalActorCriticSharedAndSeparate() {
        Network shared = PolicyNetworks.categoricalActorCritic(4, 3, ActorCriticSpec.shared(MlpSpec.of(8)), ADAM, 1);
        assertEquals(List.of(PolicyNetworks.LOGITS, PolicyNetworks.VALUE), outputs(shared));
        assertEquals(4 * 8 + 8 + 8 * 3 + 3 + 8 + 1, shared.numParams());
        INDArray[] out = shared.outputs(X);
        assertArrayEquals(new long[] {5, 3}, out[0].shape());
        assertArrayEquals(new long[] {5, 1}, out[1].shape());
        Network separate = PolicyNetworks.categoricalActorCritic(4, 3,
                ActorCriticSpec.separate(MlpSpec.of(8), MlpSpec.of(6, 6)), ADAM, 1);
        assertEquals(4 * 8 + 8 + 8 * 3 + 3 + (4 * 6 + 6 + 6 * 6 + 6) + 6 + 1, separate.numParams());
        assertArrayEquals(new long[] {5, 1}, separate.outputs(X)[1].shape());
    }

    @Test
    void headInitScalesMultiplyTheInitialWeights() {
        ActorCriticSpec unscaled = ActorCriticSpec.shared(MlpSpec.of(8)).withInitScales(1, 1);
        Network a = PolicyNetworks.categoricalActorCritic(4, 3, unscaled, ADAM, 2);
        Network b = PolicyNetworks.categoricalActorCritic(4, 3, unscaled.withInitScales(0.01, 2), ADAM, 2);
        INDArray wa = a.graph().getLayer(PolicyNetworks.LOGITS).getParam("W");
        assertEquals(wa.mul(0.01), b.graph().getLayer(PolicyNetworks.LOGITS).getParam("W"));
        assertEquals(a.graph().getLayer(PolicyNetworks.VALUE).getParam("W").mul(2),
                b.graph().getLayer(PolicyNetworks.VALUE).getParam("W"));
        assertEquals(a.graph().getLayer("dense0").getParam("W"), b.graph().getLayer("dense0").getParam("W"));
        // the default spec starts near the uniform policy
        INDArray logits = PolicyNetworks.categoricalActorCritic(4, 3, ActorCriticSpec.shared(MlpSpec.of(8)), ADAM, 2)
                .outputs(X)[0];
        assertTrue(Transforms.abs(logits).maxNumber().doubleValue() < 0.05, logits.toString());
    }

    @Test
    void multiDiscreteConcatenatesLogits() {
        Network net = PolicyNetworks.multiDiscreteActorCritic(4, new int[] {2, 3, 4}, ActorCriticSpec.shared(
                MlpSpec.of(8)), ADAM, 3);
        assertArrayEquals(new long[] {5, 9}, net.outputs(X)[0].shape());
        assertThrows(IllegalArgumentException.class, () -> PolicyNetworks.multiDiscreteActorCritic(4, new int[] {2, 0},
                ActorCriticSpec.shared(MlpSpec.of(8)), ADAM, 3));
    }

    @Test
    void gaussianLogStdIsOneLearnableVectorThatTrains() {
        Network net = PolicyNetworks.gaussianActorCritic(4, 2, -0.5, ActorCriticSpec.separate(MlpSpec.of(8),
                MlpSpec.of(8)), OptimizerConfig.adam(0.05), 4);
        assertEquals(List.of(PolicyNetworks.MEAN, PolicyNetworks.LOG_STD, PolicyNetworks.VALUE), outputs(net));
        INDArray[] out = net.outputs(X);
        assertEquals(Nd4j.valueArrayOf(new long[] {5, 2}, -0.5f), out[1]);
        // L = mean_i sum_j (logStd_ij - target_j)^2: pulls the vector to target, whatever the inputs
        INDArray target = Nd4j.createFromArray(new float[][] {{-1.5f, 0.25f}});
        for (int step = 0; step < 150; step++) {
            INDArray x = QNetworksTest.input(5, 4, 100 + step, DataType.FLOAT);
            INDArray[] o = net.trainForward(x);
            INDArray gLogStd = o[1].subRowVector(target).muli(2.0 / 5); // [5, 2]
            net.stepExternal(Nd4j.zeros(DataType.FLOAT, 5, 2), gLogStd, Nd4j.zeros(DataType.FLOAT, 5, 1));
        }
        INDArray logStd = net.outputs(QNetworksTest.input(3, 4, 7, DataType.FLOAT))[1];
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(new float[] {-1.5f, 0.25f}, logStd.getRow(i).toFloatVector(), 0.02f);
        }
        assertEquals(2 + (4 * 8 + 8 + 8 * 2 + 2) + (4 * 8 + 8 + 8 + 1), net.numParams());
        assertTrue(net.graph().getConfiguration().getMemoryReport(InputType.feedForward(4)).getTotalMemoryBytes(
                1, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT) > 0);
    }

    @Test
    void sacActorLogStdStaysInItsRange() {
        Network net = PolicyNetworks.sacActor(4, 3, MlpSpec.of(16), ADAM, 5);
        assertEquals(List.of(PolicyNetworks.MEAN, PolicyNetworks.LOG_STD), outputs(net));
        INDArray huge = QNetworksTest.input(50, 4, 52, DataType.FLOAT).muli(1e4);
        net.graph().getLayer("log_std_tanh").getParam("W").muli(100);
        INDArray logStd = net.outputs(huge)[1];
        assertTrue(logStd.minNumber().doubleValue() >= PolicyNetworks.SAC_LOG_STD_MIN - 1e-5);
        assertTrue(logStd.maxNumber().doubleValue() <= PolicyNetworks.SAC_LOG_STD_MAX + 1e-5);
        assertTrue(logStd.maxNumber().doubleValue() - logStd.minNumber().doubleValue() > 6, "range is used");
        // log_std = -5 + 3.5 * (tanh(h) + 1): h = 0 gives -1.5
        net.graph().getLayer("log_std_tanh").getParam("W").assign(0);
        net.graph().getLayer("log_std_tanh").getParam("b").assign(0);
        assertEquals(Nd4j.valueArrayOf(new long[] {5, 3}, -1.5f), net.outputs(X)[1]);
    }

    @Test
    void sacActorGradientsMatchFiniteDifferences() {
        Network net = GradientChecks.toDouble(PolicyNetworks.sacActor(4, 2, new MlpSpec(new int[] {5}, "tanh",
                "xavier"), OptimizerConfig.sgd(1.0), 6));
        INDArray x = QNetworksTest.input(4, 4, 53, DataType.DOUBLE);
        GradientChecks.Quadratic loss = new GradientChecks.Quadratic(net, x, 54);
        double[] numeric = GradientChecks.numericParamGradient(net, new INDArray[] {x}, loss);
        double[] before = net.params().dup().toDoubleVector();
        net.fitExternal(new INDArray[] {x}, loss.gradients(net.outputs(x)));
        double[] after = net.params().toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertEquals(-numeric[i], after[i] - before[i], 1e-7 + 1e-5 * Math.abs(numeric[i]), "param " + i);
        }
    }

    @Test
    void deterministicActorStaysWithinBounds() {
        double[] low = {-2, 0};
        double[] high = {2, 1};
        Network net = PolicyNetworks.deterministicActor(4, low, high, MlpSpec.of(8), ADAM, 7);
        assertEquals(List.of(PolicyNetworks.ACTION), outputs(net));
        assertTrue(net.graph().getConfiguration().getMemoryReport(InputType.feedForward(4)).getTotalMemoryBytes(
                1, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT) > 0);
        net.graph().getLayer("mu").getParam("W").muli(1000);
        INDArray a = net.output(QNetworksTest.input(40, 4, 55, DataType.FLOAT).muli(100));
        for (int j = 0; j < 2; j++) {
            INDArray col = a.getColumn(j);
            assertTrue(col.minNumber().doubleValue() >= low[j] && col.maxNumber().doubleValue() <= high[j]);
            assertTrue(col.maxNumber().doubleValue() - col.minNumber().doubleValue() > 0.9 * (high[j] - low[j]));
        }
        net.graph().getLayer("mu").getParam("W").assign(0);
        net.graph().getLayer("mu").getParam("b").assign(Nd4j.createFromArray(new float[][] {{0.5f, -1f}}));
        assertArrayEquals(new float[] {(float) (2 * Math.tanh(0.5)), (float) (0.5 - 0.5 * Math.tanh(1))},
                net.output(X).getRow(0).toFloatVector(), 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> PolicyNetworks.deterministicActor(4, new double[] {1},
                new double[] {1}, MlpSpec.of(8), ADAM, 7));
        assertThrows(IllegalArgumentException.class, () -> PolicyNetworks.deterministicActor(4, new double[] {0, 0},
                new double[] {1, Double.POSITIVE_INFINITY}, MlpSpec.of(8), ADAM, 7));
    }

    @Test
    void twinCriticsAreIndependent() {
        Network q = PolicyNetworks.qCritics(4, 2, 2, MlpSpec.of(8, 8), OptimizerConfig.sgd(0.1), 8);
        assertEquals(List.of("q1", "q2"), outputs(q));
        assertEquals(List.of(PolicyNetworks.OBS, PolicyNetworks.ACT), q.graph().getConfiguration().getNetworkInputs());
        assertTrue(q.graph().getConfiguration().getMemoryReport(InputType.feedForward(4), InputType.feedForward(2))
                .getTotalMemoryBytes(1, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT) > 0);
        INDArray act = QNetworksTest.input(5, 2, 56, DataType.FLOAT);
        INDArray[] out = q.outputs(X, act);
        assertArrayEquals(new long[] {5, 1}, out[0].shape());
        assertNotEquals(out[0], out[1]);
        // a gradient on q1 only (TD3's actor loss) changes only the first critic
        INDArray q2Params = q.graph().getLayer("q2_dense0").params().dup();
        INDArray q1Params = q.graph().getLayer("q1_dense0").params().dup();
        q.fitExternal(new INDArray[] {X, act}, new INDArray[] {Nd4j.ones(DataType.FLOAT, 5, 1).divi(5),
                Nd4j.zeros(DataType.FLOAT, 5, 1)});
        assertEquals(q2Params, q.graph().getLayer("q2_dense0").params());
        assertNotEquals(q1Params, q.graph().getLayer("q1_dense0").params());
        Network v = PolicyNetworks.valueCritic(4, MlpSpec.of(8), ADAM, 9);
        assertArrayEquals(new long[] {5, 1}, v.output(X).shape());
        assertThrows(IllegalArgumentException.class, () -> PolicyNetworks.qCritics(4, 2, 0, MlpSpec.of(8), ADAM, 1));
    }

    @Test
    void specValidation() {
        assertThrows(IllegalArgumentException.class,
                () -> new ActorCriticSpec(MlpSpec.of(8), MlpSpec.of(4), true, 0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> ActorCriticSpec.shared(MlpSpec.of(8)).withInitScales(0, 1));
        assertThrows(IllegalArgumentException.class, () -> ActorCriticSpec.separate(MlpSpec.of(8),
                new MlpSpec(new int[] {8}, "relu", "xavier")));
        assertThrows(IllegalArgumentException.class, () -> PolicyNetworks.gaussianActorCritic(4, 2, Double.NaN,
                ActorCriticSpec.shared(MlpSpec.of(8)), ADAM, 1));
    }
}
