package org.deeprl4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeprl4j.nn.layers.AffineVertex;
import org.deeprl4j.nn.layers.GradientTapVertex;
import org.deeprl4j.nn.layers.LogStdLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Model files of policy networks with the custom layer and vertices: save, load, continue training. */
class PolicyModelFileTest {
    private static final INDArray OBS = QNetworksTest.input(6, 3, 61, DataType.FLOAT);
    private static final INDArray ACT = QNetworksTest.input(6, 2, 62, DataType.FLOAT).muli(0.4);

    @TempDir
    Path dir;

    /** One external step with a fixed gradient of each output's shape. */
    private static void step(Network net, INDArray[] inputs) {
        INDArray[] out = net.trainForward(inputs);
        INDArray[] grads = new INDArray[out.length];
        for (int k = 0; k < out.length; k++) {
            grads[k] = out[k].mul(0.3).addi(0.1 * (k + 1)).divi(out[k].size(0)); // [batch, n_k]
        }
        net.stepExternal(grads);
    }

    private static Map<String, Network> trainedNetworks() {
        OptimizerConfig opt = OptimizerConfig.adam(0.01).withMaxGradNorm(0.5);
        Map<String, Network> nets = new LinkedHashMap<>();
        nets.put("ppo", PolicyNetworks.gaussianActorCritic(3, 2, -0.2, ActorCriticSpec.separate(MlpSpec.of(8),
                MlpSpec.of(8)), opt, 1));
        nets.put("sac_actor", PolicyNetworks.sacActor(3, 2, MlpSpec.of(8), opt, 2));
        nets.put("td3_actor", PolicyNetworks.deterministicActor(3, new double[] {-1, 0}, new double[] {3, 0.5},
                MlpSpec.of(8), opt, 3));
        nets.put("critics", PolicyNetworks.qCritics(3, 2, 2, MlpSpec.of(8), opt, 4));
        nets.put("discrete", PolicyNetworks.multiDiscreteActorCritic(3, new int[] {2, 3},
                ActorCriticSpec.shared(MlpSpec.of(8)), opt, 5));
        for (Map.Entry<String, Network> e : nets.entrySet()) {
            for (int i = 0; i < 2; i++) {
                step(e.getValue(), inputs(e.getKey()));
            }
        }
        return nets;
    }

    private static INDArray[] inputs(String name) {
        return name.equals("critics") ? new INDArray[] {OBS, ACT} : new INDArray[] {OBS};
    }

    @Test
    void roundTripKeepsOutputsUpdaterStateAndCustomVertices() throws IOException {
        Map<String, Network> nets = trainedNetworks();
        Path file = dir.resolve("agent.zip");
        ModelFile.save(file, nets, Map.of("algorithm", "test"));
        Map<String, Network> loaded = ModelFile.loadAll(file).networks();
        assertEquals(nets.keySet(), loaded.keySet());
        for (String name : nets.keySet()) {
            Network expected = nets.get(name);
            Network actual = loaded.get(name);
            assertEquals(expected.graph().getConfiguration().toJson(), actual.graph().getConfiguration().toJson(),
                    name);
            INDArray[] in = inputs(name);
            INDArray[] eo = expected.outputs(in);
            INDArray[] ao = actual.outputs(in);
            for (int k = 0; k < eo.length; k++) {
                assertArrayEquals(QNetworksTest.values(eo[k]), QNetworksTest.values(ao[k]), name + " output " + k);
            }
            assertEquals(expected.graph().getIterationCount(), actual.graph().getIterationCount());
            step(expected, in);
            step(actual, in); // same Adam moments and step count: same parameters after another step
            assertArrayEquals(QNetworksTest.values(expected.params()), QNetworksTest.values(actual.params()), name);
        }
        ComputationGraph critics = loaded.get("critics").graph();
        assertTrue(critics.getConfiguration().getVertices().get("act_tap") instanceof GradientTapVertex);
        INDArray[] g = loaded.get("critics").inputGradients(new INDArray[] {OBS, ACT},
                new INDArray[] {ACT.getColumn(0, true), ACT.getColumn(1, true)});
        INDArray[] ge = nets.get("critics").inputGradients(new INDArray[] {OBS, ACT},
                new INDArray[] {ACT.getColumn(0, true), ACT.getColumn(1, true)});
        assertArrayEquals(QNetworksTest.values(ge[1]), QNetworksTest.values(g[1]));
        INDArray[] gc = nets.get("critics").copy().inputGradients(new INDArray[] {OBS, ACT},
                new INDArray[] {ACT.getColumn(0, true), ACT.getColumn(1, true)});
        assertArrayEquals(QNetworksTest.values(ge[0]), QNetworksTest.values(gc[0]));
        AffineVertex bounds = (AffineVertex) loaded.get("td3_actor").graph().getConfiguration().getVertices()
                .get(PolicyNetworks.ACTION);
        assertArrayEquals(new double[] {2, 0.25}, bounds.getScale());
        assertArrayEquals(new double[] {1, 0.25}, bounds.getShift());
        var logStd = loaded.get("ppo").graph().getLayer(PolicyNetworks.LOG_STD).conf().getLayer();
        assertTrue(logStd instanceof LogStdLayer);
        assertEquals(-0.2, ((LogStdLayer) logStd).getBiasInit());
    }

    @Test
    void singleNetworkFileAndCopiesWork() throws IOException {
        Network net = PolicyNetworks.gaussianActorCritic(3, 2, 0.0, ActorCriticSpec.shared(MlpSpec.of(8)),
                OptimizerConfig.adam(0.01), 9);
        step(net, new INDArray[] {OBS});
        Path file = dir.resolve("ppo.zip");
        ModelFile.save(file, net, Map.of());
        Network loaded = ModelFile.load(file).network();
        Network copy = net.copy();
        for (Network other : new Network[] {loaded, copy}) {
            assertArrayEquals(QNetworksTest.values(net.outputs(OBS)[1]), QNetworksTest.values(other.outputs(OBS)[1]));
            step(other, new INDArray[] {OBS});
        }
        step(net, new INDArray[] {OBS});
        assertArrayEquals(QNetworksTest.values(net.params()), QNetworksTest.values(loaded.params()));
        assertArrayEquals(QNetworksTest.values(net.params()), QNetworksTest.values(copy.params()));
    }
}
