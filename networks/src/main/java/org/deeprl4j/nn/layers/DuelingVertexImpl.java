package org.deeprl4j.nn.layers;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runtime vertex of {@link DuelingVertex}: forward {@code Q = A - mean(A) + V}; backward, for
 * {@code eps = dL/dQ [batch, n]}: {@code dL/dV = sum_a eps} and {@code dL/dA = eps - mean_a(eps)}.
 */
public final class DuelingVertexImpl extends BaseGraphVertex {
    private static final long serialVersionUID = 1L;

    public DuelingVertexImpl(ComputationGraph graph, String name, int vertexIndex, DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
    }

    @Override
    public boolean hasLayer() {
        return false;
    }

    @Override
    public Layer getLayer() {
        return null;
    }

    @Override
    public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoForward()) {
            throw new IllegalStateException("DuelingVertex " + vertexName + ": inputs not set");
        }
        INDArray value = inputs[0]; // [batch, 1]
        INDArray advantage = inputs[1]; // [batch, n]
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
            INDArray shift = value.sub(advantage.mean(true, 1)); // [batch, 1]: V - mean(A)
            return advantage.addColumnVector(shift); // [batch, n]
        }
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("DuelingVertex " + vertexName + ": epsilon not set");
        }
        long n = epsilon.size(1);
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
            INDArray dValue = epsilon.sum(true, 1); // [batch, 1]
            INDArray dAdvantage = epsilon.subColumnVector(dValue.div(n)); // [batch, n]
            return new Pair<>(null, new INDArray[] {dValue, dAdvantage});
        }
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("DuelingVertex " + vertexName + " has no parameters");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        // Feed-forward Q-networks carry no feature masks; pass the advantage stream's mask on.
        INDArray mask = maskArrays == null || maskArrays.length < 2 ? null : maskArrays[1];
        return new Pair<>(mask, currentMaskState);
    }

    @Override
    public String toString() {
        return "DuelingVertexImpl(id=" + vertexIndex + ",name=\"" + vertexName + "\")";
    }
}
