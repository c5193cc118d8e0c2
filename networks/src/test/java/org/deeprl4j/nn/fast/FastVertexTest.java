package org.deeprl4j.nn.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.graph.ShiftVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.Networks;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** DL4J's generic vertices and layers that FastNet supports besides those of the project's builders. */
class FastVertexTest {
    @Test
    void elementWiseMergeScaleShiftActivationAndOutputLayers() {
        GraphBuilder g = Networks.graphBuilder(FastNetTest.ADAM, "xavier", 21, DataType.FLOAT);
        g.addInputs("in").setInputTypes(InputType.feedForward(5));
        g.addLayer("a", new DenseLayer.Builder().nOut(6).activation(Activation.TANH).hasBias(false).build(), "in");
        g.addLayer("b", new DenseLayer.Builder().nOut(6).activation(Activation.SIGMOID).build(), "in");
        g.addVertex("add", new ElementWiseVertex(ElementWiseVertex.Op.Add), "a", "b", "a");
        g.addVertex("sub", new ElementWiseVertex(ElementWiseVertex.Op.Subtract), "a", "b");
        g.addVertex("prod", new ElementWiseVertex(ElementWiseVertex.Op.Product), "a", "b");
        g.addVertex("avg", new ElementWiseVertex(ElementWiseVertex.Op.Average), "a", "b", "b");
        g.addVertex("max", new ElementWiseVertex(ElementWiseVertex.Op.Max), "a", "b");
        g.addVertex("merge", new MergeVertex(), "add", "sub", "prod", "avg", "max"); // [n, 30]
        g.addVertex("scale", new ScaleVertex(0.5), "merge");
        g.addVertex("shift", new ShiftVertex(-0.25), "scale");
        g.addLayer("act", new ActivationLayer.Builder().activation(Activation.ELU).build(), "shift");
        g.addLayer("out", new OutputLayer.Builder(LossFunction.MSE).nOut(3).activation(Activation.IDENTITY).build(), "act");
        g.addLayer("out2", new OutputLayer.Builder(LossFunction.MSE).nOut(9).activation(Activation.TANH).build(), "act");
        g.addLayer("loss", new LossLayer.Builder(LossFunction.MSE).activation(Activation.SIGMOID).build(), "merge");
        g.setOutputs("out", "out2", "loss");
        Network net = Networks.build(g, FastNetTest.ADAM);
        FastNet fast = FastNet.compile(net).orElseThrow();
        assertEquals(List.of("out", "out2", "loss"), fast.outputNames());
        assertEquals(30, fast.outputSize(2));
        for (int n : new int[] {1, 7, 64}) {
            FastChecks.assertMatches(net, fast, n, 400 + n);
        }
        FastChecks.randomizeParams(net, 1.0, 22);
        for (int n : new int[] {1, 7, 64}) {
            FastChecks.assertMatches(net, fast, n, 500 + n);
        }
    }

    @Test
    void inputSizeIsInferredThroughWidthPreservingVertices() {
        GraphBuilder g = Networks.graphBuilder(FastNetTest.ADAM, "xavier", 23, DataType.FLOAT);
        g.addInputs("in").setInputTypes(InputType.feedForward(4));
        g.addVertex("half", new ScaleVertex(0.5), "in");
        g.addLayer("out", new DenseLayer.Builder().nOut(2).activation(Activation.LEAKYRELU).build(), "half");
        g.setOutputs("out");
        Network net = Networks.build(g, FastNetTest.ADAM);
        FastNet fast = FastNet.compile(net).orElseThrow();
        assertEquals(4, fast.inputSize(0));
        FastChecks.assertMatches(net, fast, 7, 24);
        assertTrue(FastNet.compile(net, new int[] {5}).isEmpty(), "a size that contradicts the layer");
    }
}
