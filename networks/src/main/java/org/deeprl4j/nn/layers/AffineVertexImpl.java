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
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runtime vertex of {@link AffineVertex}: forward {@code x * scale + shift} per column; backward
 * {@code dL/dx = eps * scale}.
 */
public final class AffineVertexImpl extends BaseGraphVertex {
    private static final long serialVersionUID = 1L;

    private final INDArray scale; // [1, n], outside any workspace
    private final INDArray shift; // [1, n]

    public AffineVertexImpl(ComputationGraph graph, String name, int vertexIndex, double[] scale, double[] shift,
                            DataType dataType) {
        super(graph, name, vertexIndex, null, null, dataType);
        try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            this.scale = Nd4j.createFromArray(scale).castTo(dataType).reshape(1, scale.length); // [1, n]
            this.shift = Nd4j.createFromArray(shift).castTo(dataType).reshape(1, shift.length); // [1, n]
        }
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
            throw new IllegalStateException("AffineVertex " + vertexName + ": input not set");
        }
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATIONS)) {
            return inputs[0].mulRowVector(scale).addiRowVector(shift); // [batch, n]
        }
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("AffineVertex " + vertexName + ": epsilon not set");
        }
        try (MemoryWorkspace ws = workspaceMgr.notifyScopeBorrowed(ArrayType.ACTIVATION_GRAD)) {
            return new Pair<>(null, new INDArray[] {epsilon.mulRowVector(scale)}); // [batch, n]
        }
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("AffineVertex " + vertexName + " has no parameters");
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState,
                                                           int minibatchSize) {
        INDArray mask = maskArrays == null || maskArrays.length == 0 ? null : maskArrays[0];
        return new Pair<>(mask, currentMaskState);
    }

    @Override
    public String toString() {
        return "AffineVertexImpl(id=" + vertexIndex + ",name=\"" + vertexName + "\")";
    }
}
