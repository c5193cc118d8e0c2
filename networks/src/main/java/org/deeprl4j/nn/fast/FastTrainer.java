package org.deeprl4j.nn.fast;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A plain-Java training path for the dense graphs {@link FastNet} supports: a training-mode
 * forward pass that keeps its activations, back-propagation of output gradients (to the
 * parameters or to the inputs), global-norm clipping, and DL4J's updater step ({@link FastUpdater}).
 * It computes what {@code org.deeprl4j.nn.Network}'s DL4J path computes, without ND4J's per-op
 * overhead, which dominates small RL networks (measured here for a 64x64 actor-critic at batch 256:
 * DL4J's forward 2.0 ms and backward + Adam step 3.4 ms).
 *
 * <p>The DL4J graph remains the model: parameters and updater state are read from its arrays
 * whenever {@code Network.paramVersion()} says they may have changed. The iteration count is
 * written back after every step; parameters and updater state when {@link #flushParams} and
 * {@link #flushState} are called, which {@code Network} does before anything can read them
 * (acting, saving, checkpoints, copies, target updates, the DL4J path), so they always see the
 * current state. {@code FastTrainerTest} checks steps, input gradients
 * and losses against DL4J's. Not thread-safe.
 */
public final class FastTrainer {
    private final ComputationGraph graph;
    private final Op[] ops;
    private final int[] widths;
    private final int[] inputSlots;
    private final int[] outputSlots;
    private final FastUpdater updater;
    private final float[] params;
    private final float[] paramGrad;
    private final float[] state;
    private final float[][] slots;
    private final float[][] grads;
    private final DenseOp[] denseByStart; // the dense layers in the order of their weights in the flat vector
    private int capacity;
    private int pendingRows = -1; // rows of the kept forward pass; -1 = none
    private long syncedVersion;
    private boolean synced;
    private boolean stateDirty; // the updater state here is newer than the graph's (see flushState)
    private boolean paramsDirty; // the parameters here are newer than the graph's (see flushParams)

    private FastTrainer(ComputationGraph graph, FastCompiler.Plan plan, FastUpdater updater) {
        this.graph = graph;
        this.ops = plan.ops().toArray(new Op[0]);
        this.widths = plan.widths();
        this.inputSlots = plan.inputSlots();
        this.outputSlots = plan.outputSlots();
        this.updater = updater;
        this.params = new float[(int) graph.numParams()];
        this.paramGrad = new float[params.length];
        this.state = new float[(int) FastUpdater.stateLength(graph)];
        this.slots = new float[widths.length][];
        this.grads = new float[widths.length][];
        this.denseByStart = plan.ops().stream().filter(op -> op instanceof DenseOp).map(op -> (DenseOp) op)
                .sorted(java.util.Comparator.comparingInt(DenseOp::weightStart)).toArray(DenseOp[]::new);
    }

    /**
     * Compiles {@code graph} for training, or returns empty if any part is not reproduced here
     * (see {@link FastNet#compile} for the vertices; also: activations whose derivative cannot be
     * read from the output, dropout, constraints, listeners, updaters other than Adam, RMSProp,
     * SGD and NoOp, regularization other than L2, per-layer gradient normalization). Training
     * listeners are the caller's business: {@code Network} uses this only when its graph has none
     * but the global-norm clipper, whose job {@link #step} does.
     *
     * @param inputSizes columns of each input (from the first batch the caller trains on)
     */
    public static Optional<FastTrainer> compile(ComputationGraph graph, int[] inputSizes) {
        for (Layer layer : graph.getLayers()) {
            Object c = layer.conf().getLayer();
            if (c instanceof BaseLayer bl && (bl.getIDropout() != null || bl.getConstraints() != null
                    && !bl.getConstraints().isEmpty())) {
                return Optional.empty();
            }
        }
        Optional<FastCompiler.Plan> plan;
        try {
            plan = FastCompiler.compile(graph, inputSizes);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (plan.isEmpty() || plan.get().ops().stream().anyMatch(op -> !op.hasBackward())) {
            return Optional.empty();
        }
        return FastUpdater.of(graph).map(u -> new FastTrainer(graph, plan.get(), u));
    }

    /**
     * Training-mode forward pass on {@code n} rows; keeps the activations for one {@link #step} or
     * {@link #inputGradients}.
     *
     * @param inputs one row-major {@code [n, inputSize(k)]} array per input (kept until the backward call)
     * @param version the network's parameter version: the parameters are re-read if it changed
     * @return the outputs, row-major {@code [n, outputSize(k)]} in buffers owned by this trainer
     */
    public float[][] forward(float[][] inputs, int n, long version) {
        if (inputs.length != inputSlots.length) {
            throw new IllegalArgumentException("expected " + inputSlots.length + " inputs, got " + inputs.length);
        }
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k].length < n * widths[inputSlots[k]]) {
                throw new IllegalArgumentException("input " + k + " needs " + n + " * " + widths[inputSlots[k]]
                        + " values, got " + inputs[k].length);
            }
        }
        if (!synced || version != syncedVersion) {
            read();
            syncedVersion = version;
            synced = true;
        }
        ensureCapacity(n);
        for (int k = 0; k < inputSlots.length; k++) {
            slots[inputSlots[k]] = inputs[k];
        }
        for (Op op : ops) {
            op.forward(slots, n);
        }
        pendingRows = n;
        float[][] out = new float[outputSlots.length][];
        for (int k = 0; k < out.length; k++) {
            out[k] = slots[outputSlots[k]];
        }
        return out;
    }

    /**
     * Back-propagates mean-loss output gradients of the kept forward pass, clips the global norm,
     * applies the updater and writes parameters, updater state and iteration count back to the graph.
     *
     * @param outputGradients {@code dL/d(output k)} row-major {@code [n, outputSize(k)]}, L a batch mean
     * @param clipCoefficient global-norm clipping: the factor for a gradient of the given norm
     *                        (applied when below 1), or null for no clipping
     * @param newVersion the parameter version the network will report after this step
     * @return the global L2 norm of the gradient before clipping; NaN without clipping
     */
    public double step(float[][] outputGradients, java.util.function.DoubleUnaryOperator clipCoefficient,
                       long newVersion) {
        backward(outputGradients, false);
        double norm = Double.NaN; // not needed without clipping (Network reports NaN then)
        if (clipCoefficient != null) {
            norm = Math.sqrt(gradientSumOfSquares());
        }
        double coef = clipCoefficient == null ? 1.0 : clipCoefficient.applyAsDouble(norm);
        if (coef < 1.0) {
            float c = (float) coef;
            for (int p = 0; p < paramGrad.length; p++) {
                paramGrad[p] *= c;
            }
        }
        ComputationGraphConfiguration conf = graph.getConfiguration();
        int iteration = conf.getIterationCount();
        updater.step(params, paramGrad, iteration, conf.getEpochCount());
        for (Op op : ops) {
            op.load(params);
        }
        paramsDirty = true;
        stateDirty = state.length > 0;
        conf.setIterationCount(iteration + 1);
        syncedVersion = newVersion;
        return norm;
    }

    /**
     * {@code sum g^2} over the flat gradient: the weight blocks OpenBLAS computed were summed in
     * native memory during the backward pass, the rest is summed here.
     */
    private double gradientSumOfSquares() {
        double sq = 0;
        int from = 0;
        for (DenseOp d : denseByStart) {
            double w = d.weightGradSq();
            if (!Double.isNaN(w)) {
                sq += sumOfSquares(paramGrad, from, d.weightStart()) + w;
                from = d.weightStart() + d.weightCount();
            }
        }
        return sq + sumOfSquares(paramGrad, from, paramGrad.length);
    }

    /**
     * {@code sum g[i]^2} for i in {@code [from, to)}, in double, over eight running sums: C2 keeps a floating-point sum in order,
     * so one running sum waits for the previous addition at every element (56 us for 67k
     * gradients here against 25 us).
     */
    static double sumOfSquares(float[] g, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = from;
        for (; i + 7 < to; i += 8) {
            s0 += (double) g[i] * g[i];
            s1 += (double) g[i + 1] * g[i + 1];
            s2 += (double) g[i + 2] * g[i + 2];
            s3 += (double) g[i + 3] * g[i + 3];
            s4 += (double) g[i + 4] * g[i + 4];
            s5 += (double) g[i + 5] * g[i + 5];
            s6 += (double) g[i + 6] * g[i + 6];
            s7 += (double) g[i + 7] * g[i + 7];
        }
        for (; i < to; i++) {
            s0 += (double) g[i] * g[i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Gradients of the loss w.r.t. each input, {@code [n, inputSize(k)]}; parameters unchanged. */
    public float[][] inputGradients(float[][] outputGradients) {
        int n = pendingRows;
        backward(outputGradients, true);
        float[][] result = new float[inputSlots.length][];
        for (int k = 0; k < result.length; k++) {
            result[k] = Arrays.copyOf(grads[inputSlots[k]], n * widths[inputSlots[k]]);
        }
        return result;
    }

    /** Whether a forward pass is kept for a backward call. */
    public boolean pending() {
        return pendingRows >= 0;
    }

    /** Drops the kept forward pass. */
    public void invalidate() {
        pendingRows = -1;
        for (int slot : inputSlots) {
            slots[slot] = null;
        }
    }

    /** DL4J's L2 penalty on the current parameters (part of DL4J's reported score). */
    public double l2Score() {
        return updater.l2Score(params);
    }

    private void backward(float[][] outputGradients, boolean toInputs) {
        int n = pendingRows;
        if (n < 0) {
            throw new IllegalStateException("no training forward pass to back-propagate");
        }
        pendingRows = -1; // consumed; the input slots stay set until the end of this pass
        for (Op op : ops) {
            Arrays.fill(grads[op.out], 0, n * op.width, 0f);
        }
        for (int slot : inputSlots) {
            grads[slot] = toInputs ? new float[n * widths[slot]] : null;
        }
        for (int k = 0; k < outputSlots.length; k++) {
            int len = n * widths[outputSlots[k]];
            if (outputGradients[k].length < len) {
                throw new IllegalArgumentException("output gradient " + k + " needs " + len + " values, got "
                        + outputGradients[k].length);
            }
            Op.addInto(grads[outputSlots[k]], outputGradients[k], len);
        }
        Arrays.fill(paramGrad, 0f);
        for (int i = ops.length - 1; i >= 0; i--) {
            ops[i].backward(slots, grads, n, paramGrad);
        }
        for (int slot : inputSlots) {
            slots[slot] = null;
        }
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) {
            return;
        }
        int cap = Math.max(n, 2 * capacity);
        for (Op op : ops) {
            slots[op.out] = new float[cap * op.width];
            grads[op.out] = new float[cap * op.width];
        }
        capacity = cap;
    }

    /**
     * Reads the parameters and the updater state from the graph's arrays, each unless the copy here
     * is newer (nothing can have changed the graph's arrays without a flush first).
     */
    private void read() {
        if (!paramsDirty) {
            ParamLayout.read(graph.params(), params);
        }
        if (state.length > 0 && !stateDirty) {
            ParamLayout.read(graph.getUpdater(true).getStateViewArray(), state);
            updater.readState(state);
        }
        for (Op op : ops) {
            op.load(params);
        }
    }

    /**
     * Writes the parameters into the graph's arrays if a step changed them since the last write.
     * {@code Network} calls it before anything reads or writes the graph's parameters (its
     * methods, {@code FastNet} before re-reading them): the zoo's DQN takes 128 steps between two
     * such reads, and writing 67k parameters after each cost 15 us of a 540 us step.
     */
    public void flushParams() {
        if (paramsDirty) {
            ParamLayout.write(params, graph.params());
            paramsDirty = false;
        }
    }

    /**
     * Writes the updater state (Adam's moments, RMSProp's average) into the graph's arrays if a
     * step changed it since the last write. Steps write the parameters and the iteration count
     * at once but leave this to whoever reads the graph's updater: {@code Network} calls it before
     * handing out its graph, copying it, or training on DL4J's path. Writing 2 x 67k moments
     * after every step cost 30 us of a DQN step of 600 us.
     */
    public void flushState() {
        if (stateDirty) {
            updater.writeState(state);
            ParamLayout.write(state, graph.getUpdater(true).getStateViewArray());
            stateDirty = false;
        }
    }

    /** Output names, in the graph's output order. */
    public List<String> outputNames() {
        return graph.getConfiguration().getNetworkOutputs();
    }

    /** Columns of output k. */
    public int outputSize(int k) {
        return widths[outputSlots[k]];
    }

    /** Columns of input k. */
    public int inputSize(int k) {
        return widths[inputSlots[k]];
    }
}
