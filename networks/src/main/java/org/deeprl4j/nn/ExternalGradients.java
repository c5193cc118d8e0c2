package org.deeprl4j.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.layers.IOutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeprl4j.nn.layers.GradientTapVertexImpl;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Back-propagation of gradients computed outside the graph, for {@link Network}: a training-mode
 * forward pass that keeps its activations (DL4J's detached {@code feedForward(inputs, true, false)}),
 * then either one optimizer step or a read of the input gradients.
 *
 * <p>The step repeats what DL4J's {@code StochasticGradientDescent.optimize} does after
 * {@code computeGradientAndScore}, in the same order, so a step here equals a {@code fit} step with
 * the same gradient: listeners' {@code onGradientCalculation} (global-norm clipping), the updater
 * (division by the batch size, L2, Adam/RMSProp/SGD), {@code params -= update}, listeners'
 * {@code iterationDone}, iteration count + 1, constraints. DL4J's gradients are sums over the batch,
 * so the mean-loss gradients given here are multiplied by the batch size before back-propagation.
 */
final class ExternalGradients {
    private final ComputationGraph graph;
    private long[][] pendingShapes; // output shapes of the kept forward pass; null = none kept

    ExternalGradients(ComputationGraph graph) {
        this.graph = graph;
    }

    /** Training-mode forward pass; keeps the activations for one {@link #step} or {@link #inputGradients}. */
    INDArray[] forward(INDArray[] inputs) {
        pendingShapes = null;
        NetworkChecks.checkCount("inputs", inputs, graph.getNumInputArrays());
        NetworkChecks.checkBatch(inputs, inputs[0] == null ? -1 : inputs[0].size(0), "input");
        List<String> names = requireNoLossOutputs();
        graph.setLabels((INDArray[]) null); // so that batchSize() (read by the clipper) comes from the inputs
        Map<String, INDArray> activations = graph.feedForward(inputs, true, false);
        INDArray[] outputs = new INDArray[names.size()];
        long[][] shapes = new long[names.size()][];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = activations.get(names.get(i));
            shapes[i] = outputs[i].shape();
        }
        pendingShapes = shapes;
        return outputs;
    }

    /** The output names, or IllegalStateException if an output is a loss layer (those need fit()). */
    List<String> requireNoLossOutputs() {
        List<String> names = graph.getConfiguration().getNetworkOutputs();
        for (String name : names) {
            GraphVertex v = graph.getVertex(name);
            if (v.hasLayer() && v.getLayer() instanceof IOutputLayer) {
                throw new IllegalStateException("output '" + name + "' is a loss layer ("
                        + v.getLayer().conf().getLayer().getClass().getSimpleName() + "): external gradients need "
                        + "outputs without a loss layer (build the network with PolicyNetworks) or use fit()");
            }
        }
        return names;
    }

    /** Back-propagates the mean-loss gradients of the kept forward pass and takes one optimizer step. */
    void step(INDArray[] outputGradients) {
        long batch = take(outputGradients);
        try {
            INDArray[] eps = new INDArray[outputGradients.length];
            for (int i = 0; i < eps.length; i++) {
                eps[i] = outputGradients[i].castTo(graph.params().dataType()).mul(batch); // DL4J sums over the batch
            }
            Gradient gradient = graph.backpropGradient(eps);
            int iteration = graph.getIterationCount();
            int epoch = graph.getEpochCount();
            try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                for (TrainingListener l : listeners()) {
                    l.onGradientCalculation(graph); // global-norm clipping
                }
            }
            graph.getUpdater().update(gradient, iteration, epoch, (int) batch, LayerWorkspaceMgr.noWorkspaces());
            graph.params().subi(gradient.gradient()); // DL4J's NegativeGradientStepFunction
            try (MemoryWorkspace ws = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                for (TrainingListener l : listeners()) {
                    l.iterationDone(graph, iteration, epoch);
                }
            }
            graph.getConfiguration().setIterationCount(iteration + 1);
            graph.applyConstraints(iteration + 1, epoch);
        } finally {
            graph.clearLayersStates();
        }
    }

    /** Back-propagates the gradients of the kept forward pass to the inputs; no parameter changes. */
    INDArray[] inputGradients(INDArray[] outputGradients) {
        GradientTapVertexImpl[] taps = taps();
        take(outputGradients);
        try {
            INDArray[] eps = new INDArray[outputGradients.length];
            for (int i = 0; i < eps.length; i++) {
                eps[i] = outputGradients[i].castTo(graph.params().dataType()).dup();
            }
            for (GradientTapVertexImpl tap : taps) {
                tap.resetGradient();
            }
            graph.backpropGradient(eps);
            INDArray[] result = new INDArray[taps.length];
            for (int i = 0; i < taps.length; i++) {
                result[i] = taps[i].lastGradient();
                taps[i].resetGradient();
            }
            return result;
        } finally {
            graph.clearLayersStates();
        }
    }

    /** Drops the kept forward pass (after any other use of the graph or a parameter change). */
    void invalidate() {
        pendingShapes = null;
    }

    private Iterable<TrainingListener> listeners() {
        return graph.getListeners() == null ? List.of() : new ArrayList<>(graph.getListeners());
    }

    /** Validates the gradients against the kept forward pass, consumes it and returns its batch size. */
    private long take(INDArray[] outputGradients) {
        long[][] shapes = pendingShapes;
        if (shapes == null) {
            throw new IllegalStateException("no training forward pass to back-propagate: call trainForward first "
                    + "(each trainForward allows one backward call; other calls on the network drop it)");
        }
        NetworkChecks.checkCount("outputGradients", outputGradients, shapes.length);
        for (int i = 0; i < shapes.length; i++) {
            if (outputGradients[i] == null || !Arrays.equals(outputGradients[i].shape(), shapes[i])) {
                throw new IllegalArgumentException("outputGradients[" + i + "] must have the shape of output '"
                        + graph.getConfiguration().getNetworkOutputs().get(i) + "' " + Arrays.toString(shapes[i])
                        + ", got " + (outputGradients[i] == null ? "null"
                                : Arrays.toString(outputGradients[i].shape())));
            }
        }
        pendingShapes = null;
        return shapes[0][0];
    }

    /** The gradient tap on each network input, in input order; IllegalStateException if an input has none. */
    GradientTapVertexImpl[] taps() {
        List<String> inputs = graph.getConfiguration().getNetworkInputs();
        GradientTapVertexImpl[] taps = new GradientTapVertexImpl[inputs.size()];
        for (int i = 0; i < taps.length; i++) {
            VertexIndices[] consumers = graph.getVertex(inputs.get(i)).getOutputVertices();
            if (consumers != null && consumers.length == 1
                    && graph.getVertices()[consumers[0].getVertexIndex()] instanceof GradientTapVertexImpl tap) {
                taps[i] = tap;
            } else {
                throw new IllegalStateException("input '" + inputs.get(i) + "' must feed exactly one GradientTapVertex "
                        + "and nothing else to give input gradients (see PolicyNetworks.qCritics)");
            }
        }
        return taps;
    }
}
