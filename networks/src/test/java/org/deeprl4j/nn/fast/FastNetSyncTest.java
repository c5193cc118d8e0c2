package org.deeprl4j.nn.fast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeprl4j.nn.ActorCriticSpec;
import org.deeprl4j.nn.CnnSpec;
import org.deeprl4j.nn.Loss;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.Networks;
import org.deeprl4j.nn.PolicyNetworks;
import org.deeprl4j.nn.QNetworks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** FastNet follows every parameter change of its network; unsupported graphs and bad calls. */
class FastNetSyncTest {
    private static final MlpSpec BODY = new MlpSpec(new int[] {16, 16}, "tanh", "uniform");

    private static INDArray obs(int n, long seed) {
        return Nd4j.create(FastChecks.randomRows(n, 5, 1.0, seed), new long[] {n, 5}, 'c'); // [n, 5]
    }

    @Test
    void followsFitAndRestoresThroughParams() {
        Network q = QNetworks.mlp(5, 3, BODY, true, Loss.HUBER, FastNetTest.ADAM, 1);
        FastNet fast = FastNet.compile(q).orElseThrow();
        float[] before = FastChecks.assertMatches(q, fast, 7, 1)[0];
        INDArray snapshot = q.params().dup();
        long version = q.paramVersion();
        QNetworks.TdTargets t = QNetworks.tdTargets(new int[] {0, 1, 2, 0}, new float[] {5, -5, 5, 5}, null, 3);
        for (int k = 0; k < 5; k++) {
            q.fit(obs(4, k), t.labels(), t.mask());
        }
        assertNotEquals(version, q.paramVersion());
        float[] after = FastChecks.assertMatches(q, fast, 7, 1)[0];
        assertFalse(java.util.Arrays.equals(before, after), "the fit changed the outputs");
        q.params().assign(snapshot); // LastGoodParams' restore path
        assertArrayEquals(before, FastChecks.assertMatches(q, fast, 7, 1)[0]);
    }

    @Test
    void followsExternalStepsOfAnActorCritic() {
        Network net = PolicyNetworks.gaussianActorCritic(5, 2, 0, ActorCriticSpec.separate(BODY, BODY), FastNetTest.ADAM, 2);
        FastNet fast = FastNet.compile(net).orElseThrow();
        FastChecks.assertMatches(net, fast, 7, 2);
        INDArray x = obs(8, 3);
        long v0 = net.paramVersion();
        net.fitExternal(new INDArray[] {x}, gradients(net.outputs(x)));
        assertNotEquals(v0, net.paramVersion());
        FastChecks.assertMatches(net, fast, 7, 2);
        long v1 = net.paramVersion();
        INDArray[] out = net.trainForward(x);
        net.stepExternal(gradients(out));
        assertNotEquals(v1, net.paramVersion());
        float[][] fastOut = FastChecks.assertMatches(net, fast, 7, 2);
        assertNotEquals(0f, fastOut[1][0], "the log-std moved away from its initial 0");
    }

    private static INDArray[] gradients(INDArray[] outputs) {
        INDArray[] g = new INDArray[outputs.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = Nd4j.ones(outputs[k].shape()).muli(0.1 * (k + 1)); // same shape as output k
        }
        return g;
    }

    @Test
    void targetNetworkFollowsPolyakAndHardCopies() {
        Network online = PolicyNetworks.sacActor(5, 2, BODY, FastNetTest.ADAM, 4);
        Network target = online.copy();
        FastNet fast = FastNet.compile(target).orElseThrow();
        float[] initial = FastChecks.assertMatches(target, fast, 7, 5)[0];
        FastChecks.randomizeParams(online, 0.3, 6);
        target.polyakFrom(online, 0.5);
        float[] mixed = FastChecks.assertMatches(target, fast, 7, 5)[0];
        assertFalse(java.util.Arrays.equals(initial, mixed));
        target.copyParamsFrom(online);
        assertArrayEquals(FastChecks.assertMatches(online, FastNet.compile(online).orElseThrow(), 7, 5)[0],
                FastChecks.assertMatches(target, fast, 7, 5)[0]);
    }

    @Test
    void versionCountsChangesOnly() {
        Network net = PolicyNetworks.valueCritic(5, BODY, FastNetTest.ADAM, 7);
        long v = net.paramVersion();
        net.outputs(obs(3, 1));
        net.output(obs(3, 1));
        net.setLearningRate(0.5);
        net.numParams();
        assertEquals(v, net.paramVersion(), "inference, learning-rate changes and queries change nothing");
        net.params();
        assertTrue(net.paramVersion() > v, "params() hands out a writable view");
        long w = net.paramVersion();
        net.graph();
        assertTrue(net.paramVersion() > w, "graph() hands out the writable graph");
        w = net.paramVersion();
        net.polyakFrom(net.copy(), 0);
        assertEquals(w, net.paramVersion(), "tau = 0 is a no-op");
    }

    @Test
    void syncReadsWritesThroughAKeptView() {
        Network net = PolicyNetworks.deterministicActor(5, new double[] {-1}, new double[] {1}, BODY, FastNetTest.ADAM, 8);
        INDArray view = net.params(); // kept across later calls
        FastNet fast = FastNet.compile(net).orElseThrow();
        FastChecks.assertMatches(net, fast, 7, 9);
        view.muli(3); // not counted by paramVersion
        fast.sync();
        FastChecks.assertMatches(net, fast, 7, 9);
    }

    @Test
    void unsupportedGraphsAreEmpty() {
        CnnSpec cnn = new CnnSpec(List.of(new CnnSpec.Conv(4, 3, 1)), new int[] {8}, "relu", "uniform", 1.0);
        assertTrue(FastNet.compile(QNetworks.cnn(new int[] {1, 6, 6}, 2, cnn, false, Loss.MSE, FastNetTest.ADAM, 1))
                .isEmpty());
        assertTrue(FastNet.compile(outputNet(Activation.SOFTMAX, false)).isEmpty(), "softmax");
        assertTrue(FastNet.compile(outputNet(Activation.TANH, true)).isEmpty(), "layer norm");
        assertTrue(FastNet.compile(outputNet(Activation.TANH, false)).isPresent());
    }

    /** in(5) -> dense(4, tanh, optional layer norm) -> OutputLayer(3, outAct). */
    private static Network outputNet(Activation outAct, boolean layerNorm) {
        GraphBuilder g = Networks.graphBuilder(FastNetTest.ADAM, "xavier", 3, DataType.FLOAT);
        g.addInputs("in").setInputTypes(InputType.feedForward(5));
        g.addLayer("h", new DenseLayer.Builder().nOut(4).activation(Activation.TANH).hasLayerNorm(layerNorm).build(), "in");
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(3).activation(outAct).build(), "h");
        g.setOutputs("out");
        return Networks.build(g, FastNetTest.ADAM);
    }

    @Test
    void badCallsAreRejectedAndBuffersGrow() {
        Network net = PolicyNetworks.categoricalActorCritic(5, 3, ActorCriticSpec.shared(BODY), FastNetTest.ADAM, 9);
        FastNet fast = FastNet.compile(net).orElseThrow();
        float[][] outs = fast.newOutputs(2);
        assertThrows(IllegalArgumentException.class, () -> fast.outputs(new float[9], 2, outs)); // needs 10
        assertThrows(IllegalArgumentException.class, () -> fast.outputs(new float[15], 3, outs)); // buffers hold 2 rows
        assertThrows(IllegalArgumentException.class, () -> fast.outputs(new float[10], -1, outs));
        assertThrows(IllegalArgumentException.class, () -> fast.outputs(new float[10], 2, new float[1][]));
        assertThrows(IllegalArgumentException.class, () -> fast.outputs(new float[][] {new float[10], new float[10]}, 2, outs));
        fast.outputs(new float[0], 0, outs); // empty batch: nothing to do
        FastChecks.assertMatches(net, fast, 300, 10); // grows past the earlier capacity
        FastChecks.assertMatches(net, fast, 1, 11);
        Network critics = PolicyNetworks.qCritics(5, 1, 2, BODY, FastNetTest.ADAM, 10);
        FastNet two = FastNet.compile(critics, new int[] {5, 1}).orElseThrow();
        assertThrows(IllegalStateException.class, () -> two.outputs(new float[6], 1, two.newOutputs(1)));
        assertThrows(IllegalArgumentException.class, () -> FastNet.compile(critics, new int[] {5}));
        assertThrows(IllegalArgumentException.class, () -> FastNet.compile(critics, new int[] {5, 0}));
    }
}
