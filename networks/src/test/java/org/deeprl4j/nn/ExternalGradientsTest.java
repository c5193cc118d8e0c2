package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** {@link Network#fitExternal} and friends against {@link Network#fit} and their call-order rules. */
class ExternalGradientsTest {
    private static final int B = 16;
    private static final INDArray X = QNetworksTest.input(B, 3, 41, DataType.FLOAT);
    private static final INDArray Y = QNetworksTest.input(B, 2, 42, DataType.FLOAT).muli(0.4);

    /** {@link Networks#mlp} without its loss layer: same layers, same seed, same parameters. */
    private static Network withoutLossLayer(OptimizerConfig opt, long seed) {
        GraphBuilder g = Networks.graphBuilder(opt, "uniform", seed, DataType.FLOAT);
        g.addInputs(Networks.INPUT).setInputTypes(InputType.feedForward(3));
        String h = Networks.addMlpBody(g, "", Networks.INPUT, MlpSpec.of(8, 8));
        g.addLayer(Networks.HEAD, new DenseLayer.Builder().nOut(2).activation(Activation.TANH).build(), h);
        g.setOutputs(Networks.HEAD);
        return Networks.build(g, opt);
    }

    /** Gradient of the MaskedMseLoss score mean_i sum_j (out_ij - y_ij)^2 with respect to out. */
    private static INDArray mseGradient(INDArray out, INDArray y) {
        return out.sub(y).muli(2.0 / out.size(0)); // [batch, 2]
    }

    @Test
    void externalMseGradientGivesTheSameStepsAsFit() {
        // Adam, clipping that binds, and L2: every part of the update path must agree with fit.
        OptimizerConfig opt = OptimizerConfig.adam(0.05).withMaxGradNorm(0.1).withL2(1e-2);
        Network viaFit = Networks.mlp(3, 2, MlpSpec.of(8, 8), "tanh", Loss.MSE, opt, 7);
        Network viaExternal = withoutLossLayer(opt, 7);
        viaFit.setFastTraining(false);
        viaExternal.setFastTraining(false); // DL4J's own fit and external path, bit for bit (FastTrainerTest covers the other)
        assertArrayEquals(QNetworksTest.values(viaFit.params()), QNetworksTest.values(viaExternal.params()));
        for (int step = 0; step < 4; step++) {
            viaFit.fit(X, Y, null);
            if (step % 2 == 0) {
                INDArray out = viaExternal.trainForward(X)[0];
                assertArrayEquals(QNetworksTest.values(viaExternal.output(X)), QNetworksTest.values(out));
                out = viaExternal.trainForward(X)[0]; // output() dropped the kept pass: forward again
                viaExternal.stepExternal(mseGradient(out, Y));
            } else {
                INDArray out = viaExternal.output(X);
                viaExternal.fitExternal(new INDArray[] {X}, new INDArray[] {mseGradient(out, Y)});
            }
            assertArrayEquals(QNetworksTest.values(viaFit.params()), QNetworksTest.values(viaExternal.params()),
                    "step " + step);
            assertEquals(viaFit.lastGradNorm(), viaExternal.lastGradNorm(), 1e-6 * viaFit.lastGradNorm());
            assertTrue(viaFit.lastGradNorm() > 0.1, "clipping must bind for this test to mean something");
        }
        assertEquals(4, viaExternal.graph().getIterationCount());
        assertEquals(viaFit.graph().getIterationCount(), viaExternal.graph().getIterationCount());
    }

    @Test
    void sgdStepIsMinusTheFiniteDifferenceGradient() {
        // L = mean_i sum_j (c_ij out_ij + 0.5 d_ij out_ij^2) on a float64 network with two outputs.
        Network net = GradientChecks.toDouble(PolicyNetworks.gaussianActorCritic(3, 2, -0.3,
                ActorCriticSpec.separate(new MlpSpec(new int[] {5}, "tanh", "xavier"),
                                new MlpSpec(new int[] {4}, "elu", "xavier"))
                        .withInitScales(0.5, 1.0), OptimizerConfig.sgd(1.0), 3));
        INDArray x = QNetworksTest.input(6, 3, 43, DataType.DOUBLE);
        GradientChecks.Quadratic loss = new GradientChecks.Quadratic(net, x, 44);
        double[] numeric = GradientChecks.numericParamGradient(net, new INDArray[] {x}, loss);
        double[] before = net.params().dup().toDoubleVector();
        net.stepExternal(loss.gradients(net.trainForward(x)));
        double[] after = net.params().toDoubleVector();
        for (int i = 0; i < before.length; i++) {
            assertEquals(-numeric[i], after[i] - before[i], 1e-7 + 1e-5 * Math.abs(numeric[i]), "param " + i);
        }
        int logStd = 0; // offset of the LogStdLayer's parameters in params()
        for (var e : net.graph().paramTable().entrySet()) {
            if (e.getKey().equals(PolicyNetworks.LOG_STD + "_b")) {
                break;
            }
            logStd += (int) e.getValue().length();
        }
        assertTrue(Math.abs(numeric[logStd]) > 1e-3 && Math.abs(numeric[logStd + 1]) > 1e-3, "log-std gradient");
    }

    @Test
    void inputGradientsMatchFiniteDifferencesAndLeaveTheNetworkUnchanged() {
        Network net = GradientChecks.toDouble(PolicyNetworks.qCritics(3, 2, 2, new MlpSpec(new int[] {6}, "tanh",
                "uniform"), OptimizerConfig.adam(0.01), 5));
        INDArray[] in = {QNetworksTest.input(4, 3, 45, DataType.DOUBLE),
                QNetworksTest.input(4, 2, 46, DataType.DOUBLE)};
        GradientChecks.Quadratic loss = new GradientChecks.Quadratic(net, in, 47);
        INDArray params = net.params().dup();
        INDArray[] grads = net.inputGradients(in, loss.gradients(net.outputs(in)));
        assertEquals(params, net.params());
        assertEquals(0, net.graph().getIterationCount());
        for (int k = 0; k < in.length; k++) {
            assertArrayEquals(in[k].shape(), grads[k].shape());
            double[] numeric = GradientChecks.numericInputGradient(net, in, k, loss);
            double[] analytic = grads[k].dup('c').reshape(grads[k].length()).toDoubleVector();
            for (int i = 0; i < numeric.length; i++) {
                assertEquals(numeric[i], analytic[i], 1e-8 + 1e-6 * Math.abs(numeric[i]), "input " + k + "[" + i + "]");
            }
        }
        // the two-phase form gives the same result
        INDArray[] again = net.backpropToInputs(loss.gradients(net.trainForward(in)));
        assertEquals(grads[1], again[1]);
    }

    @Test
    void callOrderAndShapesAreChecked() {
        Network net = withoutLossLayer(OptimizerConfig.adam(0.01), 1);
        INDArray g = Y.mul(0.1);
        assertThrows(IllegalStateException.class, () -> net.stepExternal(g));
        net.trainForward(X);
        net.stepExternal(g);
        assertThrows(IllegalStateException.class, () -> net.stepExternal(g)); // one backward per forward
        net.trainForward(X);
        net.output(X);
        assertThrows(IllegalStateException.class, () -> net.stepExternal(g));
        net.trainForward(X);
        assertThrows(IllegalArgumentException.class, () -> net.stepExternal(g.getRow(0, true)));
        net.stepExternal(g); // bad gradients leave the kept pass in place
        assertEquals(2, net.graph().getIterationCount());
        assertThrows(IllegalArgumentException.class, () -> net.fitExternal(new INDArray[] {X}, new INDArray[] {g, g}));
        assertThrows(IllegalArgumentException.class, () -> net.fitExternal(new INDArray[] {X, X}, new INDArray[] {g}));
        assertThrows(IllegalStateException.class,
                () -> net.inputGradients(new INDArray[] {X}, new INDArray[] {g})); // no gradient tap
        Network withLoss = Networks.mlp(3, 2, MlpSpec.of(4), "identity", Loss.MSE, OptimizerConfig.adam(0.01), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withLoss.fitExternal(new INDArray[] {X}, new INDArray[] {g}));
        assertTrue(e.getMessage().contains("loss layer"), e.getMessage());
    }
}
