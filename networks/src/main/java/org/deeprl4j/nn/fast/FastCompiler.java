package org.deeprl4j.nn.fast;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.ScaleVertex;
import org.deeplearning4j.nn.conf.graph.ShiftVertex;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.layers.ActivationLayer;
import org.deeplearning4j.nn.layers.LossLayer;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeprl4j.nn.layers.AffineVertex;
import org.deeprl4j.nn.layers.DuelingVertex;
import org.deeprl4j.nn.layers.GradientTapVertex;
import org.deeprl4j.nn.layers.LogStdLayer;
import org.deeprl4j.nn.layers.LogStdLayerImpl;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Translates a float32 {@link ComputationGraph} into {@link Op}s, vertex by vertex in DL4J's
 * topological order. Supported: feed-forward inputs; dense, output, loss and activation layers
 * without input preprocessors, layer norm or weight noise, with the activations of {@link Act};
 * {@link LogStdLayer}; {@link AffineVertex}, {@link DuelingVertex}, {@link GradientTapVertex};
 * DL4J's {@code MergeVertex} (axis 1), {@code ElementWiseVertex} on equal shapes, {@code ScaleVertex}
 * and {@code ShiftVertex}. Anything else makes the whole graph unsupported.
 */
final class FastCompiler {
    private final ComputationGraph graph;
    private final ComputationGraphConfiguration conf;
    private final INDArray flat;
    private final float[] snapshot;
    private final int[] widths; // output columns per vertex index; 0 = not known yet

    private FastCompiler(ComputationGraph graph) {
        this.graph = graph;
        this.conf = graph.getConfiguration();
        this.flat = graph.params();
        this.snapshot = flat.toFloatVector(); // ND4J's element read: the reference for ParamLayout
        this.widths = new int[graph.getVertices().length];
    }

    /**
     * The ops of {@code graph} in execution order, or empty if any vertex is unsupported.
     *
     * @param inputSizes columns of each network input, or null to infer them from the layers that
     *                   consume the inputs (DL4J's configuration does not record input types)
     */
    static Optional<Plan> compile(ComputationGraph graph, int[] inputSizes) {
        if (graph.numParams() == 0 || graph.params().dataType() != DataType.FLOAT) {
            return Optional.empty();
        }
        FastCompiler c = new FastCompiler(graph);
        List<String> inputs = c.conf.getNetworkInputs();
        if (inputSizes != null) {
            if (inputSizes.length != inputs.size()) {
                throw new IllegalArgumentException("network has " + inputs.size() + " inputs " + inputs + ", got "
                        + inputSizes.length + " input sizes");
            }
            for (int k = 0; k < inputSizes.length; k++) {
                if (inputSizes[k] <= 0) {
                    throw new IllegalArgumentException("input size of '" + inputs.get(k) + "' must be positive, got "
                            + inputSizes[k]);
                }
                c.widths[graph.getVertex(inputs.get(k)).getVertexIndex()] = inputSizes[k];
            }
        } else {
            c.inferInputWidths();
        }
        return c.plan();
    }

    /** Compiled ops, slot widths, and the slots of the network's inputs and outputs. */
    record Plan(List<Op> ops, int[] widths, int[] inputSlots, int[] outputSlots, List<String> outputNames) {
    }

    /**
     * Sets the width of each network input from what its consumers require, walking the graph from
     * the outputs back: a dense layer needs nIn columns; width-preserving vertices need what their
     * consumers need; a merge's one unknown input gets the rest. Unresolved inputs stay 0.
     */
    private void inferInputWidths() {
        GraphVertex[] vertices = graph.getVertices();
        int[] need = new int[vertices.length];
        int[] order = graph.topologicalSortOrder();
        for (int t = order.length - 1; t >= 0; t--) {
            GraphVertex v = vertices[order[t]];
            int[] in = inputs(v);
            if (v.isInputVertex() || in.length == 0) {
                continue;
            }
            int self = need[v.getVertexIndex()];
            Object c = v.hasLayer() ? v.getLayer().conf().getLayer() : conf.getVertices().get(v.getVertexName());
            if (c instanceof LogStdLayer) {
                continue; // reads only the batch size
            } else if (c instanceof org.deeplearning4j.nn.conf.layers.DenseLayer
                    || c instanceof org.deeplearning4j.nn.conf.layers.OutputLayer) {
                require(need, in[0], (int) ((FeedForwardLayer) c).getNIn());
            } else if (c instanceof AffineVertex a) {
                require(need, in[0], a.getScale().length);
            } else if (c instanceof DuelingVertex && in.length == 2) {
                require(need, in[0], 1);
                require(need, in[1], self);
            } else if (c instanceof MergeVertex) {
                mergeNeed(need, in, self);
            } else {
                for (int k : in) { // width-preserving: loss/activation layers, taps, scale, shift, element-wise
                    require(need, k, self);
                }
            }
        }
        for (String name : conf.getNetworkInputs()) {
            int idx = graph.getVertex(name).getVertexIndex();
            widths[idx] = need[idx];
        }
    }

    /** Records a required width (the first one found wins; the forward pass checks consistency). */
    private static void require(int[] need, int slot, int width) {
        if (width > 0 && need[slot] == 0) {
            need[slot] = width;
        }
    }

    private static void mergeNeed(int[] need, int[] in, int self) {
        int unknown = -1;
        int known = 0;
        for (int k : in) {
            if (need[k] > 0) {
                known += need[k];
            } else if (unknown >= 0) {
                return; // two unknown parts: the split is not in the graph
            } else {
                unknown = k;
            }
        }
        if (unknown >= 0 && self > known) {
            require(need, unknown, self - known);
        }
    }

    private Optional<Plan> plan() {
        float[] bulk = new float[snapshot.length];
        ParamLayout.read(flat, bulk);
        if (!java.util.Arrays.equals(bulk, snapshot)) {
            return Optional.empty(); // FastNet.sync would read other values than ND4J's element read
        }
        List<String> inputNames = conf.getNetworkInputs();
        int[] inputSlots = new int[inputNames.size()];
        for (int k = 0; k < inputSlots.length; k++) {
            inputSlots[k] = graph.getVertex(inputNames.get(k)).getVertexIndex();
        }
        List<Op> ops = new ArrayList<>();
        for (int idx : graph.topologicalSortOrder()) {
            GraphVertex v = graph.getVertices()[idx];
            if (v.isInputVertex()) {
                continue;
            }
            Op op = vertex(v, inputs(v));
            if (op == null) {
                return Optional.empty();
            }
            widths[idx] = op.width;
            ops.add(op);
        }
        for (int slot : inputSlots) {
            if (widths[slot] <= 0) {
                return Optional.empty();
            }
        }
        List<String> outputNames = List.copyOf(conf.getNetworkOutputs());
        int[] outputSlots = outputNames.stream().mapToInt(name -> graph.getVertex(name).getVertexIndex()).toArray();
        return Optional.of(new Plan(List.copyOf(ops), widths.clone(), inputSlots, outputSlots, outputNames));
    }

    private static int[] inputs(GraphVertex v) {
        VertexIndices[] vi = v.getInputVertices();
        int[] in = new int[vi == null ? 0 : vi.length];
        for (int k = 0; k < in.length; k++) {
            in[k] = vi[k].getVertexIndex();
        }
        return in;
    }

    /** The op of one non-input vertex, or null if unsupported. */
    private Op vertex(GraphVertex v, int[] in) {
        if (v.hasLayer()) {
            boolean preprocessed = v instanceof org.deeplearning4j.nn.graph.vertex.impl.LayerVertex lv
                    && lv.getLayerPreProcessor() != null;
            return in.length != 1 || preprocessed ? null : layer(v.getVertexIndex(), in[0], v.getLayer());
        }
        Object c = conf.getVertices().get(v.getVertexName());
        int idx = v.getVertexIndex();
        if (in.length == 0 || widthOf(in[0]) <= 0) {
            return null;
        }
        int w = widths[in[0]];
        if (c instanceof GradientTapVertex && in.length == 1) {
            return new VertexOps.Activation(idx, in[0], w, Act.IDENTITY);
        } else if (c instanceof AffineVertex a && in.length == 1 && a.getScale().length == w) {
            return new VertexOps.Affine(idx, in[0], a.getScale(), a.getShift());
        } else if (c instanceof DuelingVertex && in.length == 2 && w == 1 && widthOf(in[1]) > 0) {
            return new VertexOps.Dueling(idx, in[0], in[1], widths[in[1]]);
        } else if (c instanceof ScaleVertex s && in.length == 1) {
            return new VertexOps.ScaleShift(idx, in[0], w, true, s.getScaleFactor());
        } else if (c instanceof ShiftVertex s && in.length == 1) {
            return new VertexOps.ScaleShift(idx, in[0], w, false, s.getShiftFactor());
        } else if (c instanceof MergeVertex m && m.getMergeAxis() == 1) {
            int[] ws = new int[in.length];
            for (int k = 0; k < in.length; k++) {
                ws[k] = widthOf(in[k]);
                if (ws[k] <= 0) {
                    return null;
                }
            }
            return new VertexOps.Merge(idx, in, ws);
        } else if (c instanceof ElementWiseVertex e && e.getOp() != null
                && (e.getOp() != ElementWiseVertex.Op.Subtract || in.length == 2)) {
            for (int k : in) {
                if (widthOf(k) != w) {
                    return null; // DL4J would broadcast; not supported here
                }
            }
            return new VertexOps.ElementWise(idx, in, w, e.getOp());
        }
        return null;
    }

    private int widthOf(int slot) {
        return widths[slot];
    }

    /** The op of a layer vertex, or null if unsupported. */
    private Op layer(int idx, int in, Layer layer) {
        Object lc = layer.conf().getLayer();
        Class<?> type = layer.getClass();
        if (type == LogStdLayerImpl.class && lc instanceof LogStdLayer ls) {
            ParamLayout b = param(layer, LogStdLayer.PARAM, 1, (int) ls.getNOut());
            return b == null || widthOf(in) <= 0 ? null : new VertexOps.LogStd(idx, in, b);
        }
        if (type == ActivationLayer.class && lc instanceof org.deeplearning4j.nn.conf.layers.ActivationLayer a) {
            Optional<Act> act = Act.of(a.getActivationFn());
            return act.isEmpty() || widthOf(in) <= 0 ? null : new VertexOps.Activation(idx, in, widths[in], act.get());
        }
        if (!(lc instanceof BaseLayer bl) || bl.getWeightNoise() != null) {
            return null;
        }
        Optional<Act> act = Act.of(bl.getActivationFn());
        if (act.isEmpty()) {
            return null;
        }
        if (type == LossLayer.class) {
            return widthOf(in) <= 0 ? null : new VertexOps.Activation(idx, in, widths[in], act.get());
        }
        boolean dense = type == DenseLayer.class && lc instanceof org.deeplearning4j.nn.conf.layers.DenseLayer d
                && !d.hasLayerNorm();
        boolean output = type == OutputLayer.class && lc instanceof org.deeplearning4j.nn.conf.layers.OutputLayer;
        if (!dense && !output) {
            return null;
        }
        FeedForwardLayer ff = (FeedForwardLayer) lc;
        int nIn = (int) ff.getNIn();
        int nOut = (int) ff.getNOut();
        boolean hasBias = dense ? ((org.deeplearning4j.nn.conf.layers.DenseLayer) lc).hasBias()
                : ((org.deeplearning4j.nn.conf.layers.OutputLayer) lc).hasBias();
        ParamLayout w = param(layer, "W", nIn, nOut);
        ParamLayout b = hasBias ? param(layer, "b", 1, nOut) : null;
        if (widths[in] != nIn || w == null || (hasBias && b == null)) {
            return null;
        }
        return new DenseOp(idx, in, nIn, nOut, w, b, act.get());
    }

    /** The layout of a {@code [rows, cols]} parameter (or a vector of cols), or null if unusable. */
    private ParamLayout param(Layer layer, String key, int rows, int cols) {
        INDArray p = layer.paramTable().get(key);
        if (p == null || p.length() != (long) rows * cols || (p.rank() == 2 && p.size(0) != rows)) {
            return null;
        }
        return ParamLayout.of(p, flat, snapshot);
    }
}
