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
 * Runtime vertex of {@link GradientTapVertex}: forward passes its input through; backward keeps a
 * copy of the incoming gradient outside any workspace ({@link #lastGradient()}) and passes it on.
 */
public final class GradientTapVertexImpl extends BaseGraphVertex {
    private static final long serialVersionUID = 1L;

    private INDArray lastGradient;

    public GradientTapVertexImpl(ComputationGraph graph, String name, int vertexIndex, DataType dataType) {
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
            throw new IllegalStateException("GradientTapVertex " + vertexName + ": input not set");
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, inputs[0]);
    }

    @Override
    public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
        if (!canDoBackward()) {
            throw new IllegalStateException("GradientTapVertex " + vertexName + ": epsilon not set");
        }
        try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            lastGradient = epsilon.dup(); // same shape as the input
        }
        return new Pair<>(null, new INDArray[] {workspaceMgr.dup(ArrayType.ACTIVATION_GRAD, epsilon)});
    }

    /**
     * Gradient of the last back-propagation with respect to this vertex's input (DL4J's
     * convention: whatever scale the output gradients had), or null before the first.
     */
    public INDArray lastGradient() {
        return lastGradient;
    }

    /** Forgets the last gradient. */
    public void resetGradient() {
        lastGradient = null;
    }

    @Override
    public void setBackpropGradientsViewArray(INDArray backpropGradientsViewArray) {
        if (backpropGradientsViewArray != null) {
            throw new IllegalStateException("GradientTapVertex " + vertexName + " has no parameters");
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
        return "GradientTapVertexImpl(id=" + vertexIndex + ",name=\"" + vertexName + "\")";
    }
}
