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
 * Dueling aggregation of Wang et al. 2016 (<a href="https://arxiv.org/abs/1511.06581">arXiv:1511.06581</a>,
 * eq. 9): inputs (value {@code V [batch, 1]}, advantage {@code A [batch, n]}), output
 * {@code Q = V + A - mean_a(A)}, shape {@code [batch, n]}. No parameters. Configuration class of
 * {@link DuelingVertexImpl}; serializable in DL4J's JSON configuration.
 */
public final class DuelingVertex extends GraphVertex {
    private static final long serialVersionUID = 1L;

    @Override
    public DuelingVertex clone() {
        return new DuelingVertex();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DuelingVertex;
    }

    @Override
    public int hashCode() {
        return DuelingVertex.class.hashCode();
    }

    @Override
    public long numParams(boolean backprop) {
        return 0;
    }

    @Override
    public int minVertexInputs() {
        return 2;
    }

    @Override
    public int maxVertexInputs() {
        return 2;
    }

    @Override
    public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph, String name, int idx,
            INDArray paramsView, boolean initializeParams, DataType networkDatatype) {
        return new DuelingVertexImpl(graph, name, idx, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 2) {
            throw new InvalidInputTypeException("DuelingVertex needs 2 inputs (value, advantage), got "
                    + vertexInputs.length);
        }
        if (!(vertexInputs[0] instanceof InputType.InputTypeFeedForward v)
                || !(vertexInputs[1] instanceof InputType.InputTypeFeedForward)) {
            throw new InvalidInputTypeException("DuelingVertex inputs must be feed-forward, got "
                    + vertexInputs[0] + " and " + vertexInputs[1]);
        }
        if (v.getSize() != 1) {
            throw new InvalidInputTypeException("DuelingVertex value input (first) must have size 1, got "
                    + v.getSize());
        }
        return vertexInputs[1];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, DuelingVertex.class, inputTypes[1], out)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public String toString() {
        return "DuelingVertex()";
    }
}
