package org.deeprl4j.nn.layers;

import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Identity vertex that records the gradient flowing back through it, so that the gradient of a loss
 * with respect to a network input can be read after back-propagation (DL4J releases the input
 * vertices' gradients with its workspaces). Placed right after a network input, with every consumer
 * of that input reading the tap instead; {@code Network.inputGradients} reads it. No parameters.
 * Configuration class of {@link GradientTapVertexImpl}; serializable in DL4J's JSON configuration.
 */
public final class GradientTapVertex extends GraphVertex {
    private static final long serialVersionUID = 1L;

    @Override
    public GradientTapVertex clone() {
        return new GradientTapVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientTapVertex;
    }

    @Override
    public int hashCode() {
        return GradientTapVertex.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 1;
    }

    @Override
    public int maxVertexInputs() {
        return 1;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new GradientTapVertexImpl(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 1) {
            throw new InvalidInputTypeException("GradientTapVertex needs 1 input, got " + vertexInputs.length);
        }
        return vertexInputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        return new LayerMemoryReport.Builder(null, GradientTapVertex.class, inputTypes[0], inputTypes[0])
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public String toString() {
        return "GradientTapVertex()";
    }
}
