package org.deeprl4j.nn;

import static org.deeprl4j.nn.NetworkChecks.checkBatch;
import static org.deeprl4j.nn.NetworkChecks.checkCount;
import static org.deeprl4j.nn.NetworkChecks.checkRows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trainable network: a DL4J {@link ComputationGraph} plus its {@link OptimizerConfig}, with
 * the operations RL agents need (inference, one masked gradient step, one step on externally
 * computed output gradients, input gradients, target-network copies and Polyak averaging,
 * learning-rate schedules).
 *
 * <p>Every call costs DL4J's fixed overhead (~0.1-0.3 ms per {@code output}, ~1 ms per {@code fit}
 * for small MLPs), so batch inputs: one call per vector step or minibatch. Not thread-safe.
 * Global gradient-norm clipping runs as a {@link TrainingListener} on the graph; replacing the
 * graph's listeners with {@code graph().setListeners(...)} removes it (use {@code addListeners}).
 */
public final class Network {
    private final ComputationGraph graph;
    private final GlobalNormClipper clipper;
    private final ExternalGradients external;
    private final FastTraining fast;
    private OptimizerConfig optimizer;
    private long paramVersion;

    /**
     * Wraps an initialized graph whose layers were configured with {@code optimizer.toUpdater()}
     * and its L2 coefficient (as {@link Networks#graphBuilder} does).
     */
    public Network(ComputationGraph graph, OptimizerConfig optimizer) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        if (graph.getVertices() == null) {
            throw new IllegalArgumentException("graph is not initialized: call graph.init() first");
        }
        List<TrainingListener> listeners = new ArrayList<>();
        for (TrainingListener l : graph.getListeners() == null ? List.<TrainingListener>of() : graph.getListeners()) {
            if (!(l instanceof GlobalNormClipper)) {
                listeners.add(l); // a graph may already carry a clipper: never clip twice
            }
        }
        this.clipper = optimizer.maxGradNorm() > 0 ? new GlobalNormClipper(optimizer.maxGradNorm()) : null;
        if (clipper != null) {
            listeners.add(clipper);
        }
        graph.setListeners(listeners);
        this.external = new ExternalGradients(graph);
        this.fast = new FastTraining(graph, clipper);
    }

    /** Output of a single-output network in inference mode, e.g. Q-values {@code [batch, nActions]}. */
    public INDArray output(INDArray input) {
        if (graph.getNumOutputArrays() != 1) {
            throw new IllegalStateException("network has " + graph.getNumOutputArrays() + " outputs: use outputs()");
        }
        invalidate();
        fast.flushParams();
        return graph.outputSingle(false, input);
    }

    /** All outputs in inference mode, in the graph's output order. */
    public INDArray[] outputs(INDArray... inputs) {
        invalidate();
        fast.flushParams();
        return graph.output(false, inputs);
    }

    /**
     * One gradient step of the configured optimizer on a single-input, single-output network.
     *
     * @param input     {@code [batch, obsDim]} or {@code [batch, C, H, W]}
     * @param labels    targets {@code [batch, nOut]}
     * @param labelMask per-output weights {@code [batch, nOut]} or {@code [batch, 1]}; null = all 1
     * @return the loss of this minibatch before the step (mean over the batch; DL4J adds its L2
     *         penalty term when l2 > 0)
     */
    public double fit(INDArray input, INDArray labels, INDArray labelMask) {
        return fit(new INDArray[] {input}, new INDArray[] {labels}, labelMask == null ? null : new INDArray[] {labelMask});
    }

    /**
     * {@link #fit(INDArray, INDArray, INDArray)} on row-major float arrays, for a network with one
     * flat input and one output: {@code input [rows, inputSize]}, {@code labels [rows, nOut]},
     * {@code labelMask [rows, nOut]} or {@code [rows]} or null. On the plain-Java training path no
     * INDArray is made; otherwise the arrays become INDArrays of those shapes.
     */
    public double fit(float[] input, int rows, float[] labels, float[] labelMask) {
        if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
            throw new IllegalStateException("fit on float arrays needs one input and one output; this network has "
                    + graph.getNumInputArrays() + " and " + graph.getNumOutputArrays());
        }
        checkRows(input, rows, labels, labelMask);
        int cols = input.length / rows;
        invalidate();
        if (fast.fits(cols)) {
            double score = fast.fit(input, rows, labels, labelMask, paramVersion, paramVersion + 1);
            paramVersion++;
            return score;
        }
        return fit(Nd4j.create(input, new long[] {rows, cols}, 'c'), // [rows, inputSize]
                Nd4j.create(labels, new long[] {rows, labels.length / rows}, 'c'), // [rows, nOut]
                labelMask == null ? null : Nd4j.create(labelMask, new long[] {rows, labelMask.length / rows}, 'c'));
    }

    /** Multi-input / multi-output form of {@link #fit(INDArray, INDArray, INDArray)}; masks may be null. */
    public double fit(INDArray[] inputs, INDArray[] labels, INDArray[] labelMasks) {
        checkCount("inputs", inputs, graph.getNumInputArrays());
        checkCount("labels", labels, graph.getNumOutputArrays());
        if (labelMasks != null) {
            checkCount("labelMasks", labelMasks, graph.getNumOutputArrays());
        }
        long batch = Objects.requireNonNull(inputs[0], "input").size(0);
        checkBatch(inputs, batch, "input");
        checkBatch(labels, batch, "labels");
        checkBatch(labelMasks, batch, "labelMask");
        invalidate();
        if (fast.fits(inputs)) {
            double score = fast.fit(inputs, labels[0], labelMasks == null ? null : labelMasks[0], paramVersion,
                    paramVersion + 1);
            paramVersion++;
            return score;
        }
        paramVersion++;
        fast.flush(); // DL4J's updater steps from the current parameters and state
        graph.fit(inputs, labels, null, labelMasks);
        return graph.score();
    }

    /**
     * One optimizer step on gradients computed outside the network: a training-mode forward pass
     * on {@code inputs}, back-propagation of {@code outputGradients}, then the same update as
     * {@link #fit} (global-norm clipping, L2, the updater, iteration count + 1). For policy-gradient
     * and actor-critic losses that are not a per-output loss against labels.
     *
     * <p>Convention: {@code outputGradients[k]} is {@code dL/d(output k)}, shape {@code [batch, nOut_k]}
     * like output k, where L is the scalar loss to MINIMIZE and is a MEAN over the minibatch (so
     * for {@code L = mean_i l_i} row i holds {@code (1/batch) dl_i/d(output k)_i}); the step moves
     * the parameters against the gradient. Outputs must not be loss layers (IllegalStateException).
     * To use the outputs when computing the gradients, call {@link #trainForward} and then
     * {@link #stepExternal} instead: one forward pass fewer.
     */
    public void fitExternal(INDArray[] inputs, INDArray[] outputGradients) {
        trainForward(inputs);
        stepExternal(outputGradients);
    }

    /**
     * Training-mode forward pass whose activations are kept for exactly one following
     * {@link #stepExternal} or {@link #backpropToInputs} call; any other call on this network in
     * between (output, fit, parameter updates) drops them.
     *
     * @return the outputs in the graph's output order, new arrays (read-only until the backward call)
     */
    public INDArray[] trainForward(INDArray... inputs) {
        invalidate();
        checkCount("inputs", inputs, graph.getNumInputArrays());
        checkBatch(inputs, inputs[0] == null ? -1 : inputs[0].size(0), "input");
        external.requireNoLossOutputs();
        if (fast.active(inputs)) {
            return fast.forward(inputs, paramVersion);
        }
        fast.flushParams();
        return external.forward(inputs);
    }

    /** The step of {@link #fitExternal} on the forward pass of the last {@link #trainForward}. */
    public void stepExternal(INDArray... outputGradients) {
        if (fast.pending()) {
            fast.step(outputGradients, paramVersion + 1);
        } else {
            fast.flush();
            external.step(outputGradients);
        }
        paramVersion++;
    }

    /**
     * Gradients of a loss with respect to the network inputs, e.g. {@code dQ/da} of a critic for the
     * SAC/TD3 actor loss: a training-mode forward pass and back-propagation of
     * {@code outputGradients} (same shapes as the outputs; any scale: the result is linear in them).
     * Parameters, updater state and iteration count are unchanged. Each input must feed a
     * {@link org.deeprl4j.nn.layers.GradientTapVertex} only (as in {@link PolicyNetworks#qCritics}).
     *
     * @return one {@code dL/d(input)} per input, shaped like the input
     */
    public INDArray[] inputGradients(INDArray[] inputs, INDArray[] outputGradients) {
        trainForward(inputs);
        return backpropToInputs(outputGradients);
    }

    /** {@link #inputGradients} on the forward pass of the last {@link #trainForward}. */
    public INDArray[] backpropToInputs(INDArray... outputGradients) {
        if (fast.pending()) {
            external.taps(); // the same contract on both paths: every input feeds a gradient tap
            return fast.inputGradients(outputGradients);
        }
        return external.inputGradients(outputGradients);
    }

    /**
     * Chooses the plain-Java training path ({@link org.deeprl4j.nn.fast.FastTrainer}) for
     * {@link #trainForward}, {@link #stepExternal} and {@link #backpropToInputs} when the graph
     * qualifies (default: on, unless {@code -Ddeeprl4j.fastTraining=false}), or DL4J's. Both compute
     * the same function; DL4J's arrays hold the parameters and updater state either way.
     */
    public void setFastTraining(boolean enabled) {
        invalidate();
        fast.setEnabled(enabled);
    }

    /**
     * Whether training calls run on the plain-Java path: enabled and the graph qualifies (known
     * after the first {@link #trainForward}; false before it).
     */
    public boolean fastTrainingActive() {
        return fast.activeNow();
    }

    /** Drops a kept training forward pass (any other call on the network does). */
    private void invalidate() {
        external.invalidate();
        fast.invalidate();
    }

    /** A deep copy: configuration, parameters, updater state and iteration count; e.g. a target network. */
    public Network copy() {
        fast.flush();
        ComputationGraph clone = GraphSurgery.deepCopy(graph);
        Network copy = new Network(clone, optimizer);
        copy.fast.setEnabled(fast.enabled());
        return copy;
    }

    /** Hard update: copies {@code other}'s parameters into this network (updater state untouched). */
    public void copyParamsFrom(Network other) {
        if (other != this) {
            checkCompatible(other);
            invalidate();
            paramVersion++;
            fast.flushParams(); // else the trainer's newer copy would outlive this write
            other.fast.flushParams();
            graph.params().assign(other.graph.params());
        }
    }

    /**
     * Polyak (soft) update in place: {@code this = tau * other + (1 - tau) * this}, as SB3's
     * {@code polyak_update}. No array of the parameters' size is allocated.
     *
     * @param tau in [0, 1]; 1 is a hard copy, 0 a no-op
     */
    public void polyakFrom(Network other, double tau) {
        if (!(tau >= 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau must be in [0, 1], got " + tau);
        }
        checkCompatible(other);
        if (other == this || tau == 0) {
            return;
        }
        invalidate();
        paramVersion++;
        fast.flushParams();
        other.fast.flushParams();
        INDArray target = graph.params(); // [1, numParams] view of this network's parameters
        INDArray source = other.graph.params();
        if (tau == 1) {
            target.assign(source);
            return;
        }
        target.muli(1.0 - tau);
        Nd4j.getBlasWrapper().level1().axpy(target.length(), tau, source, target); // target += tau * source
    }

    private void checkCompatible(Network other) {
        Objects.requireNonNull(other, "other");
        if (other.numParams() != numParams() || other.graph.params().dataType() != graph.params().dataType()) {
            throw new IllegalArgumentException("incompatible networks: " + numParams() + " "
                    + graph.params().dataType() + " parameters vs " + other.numParams() + " "
                    + other.graph.params().dataType());
        }
    }

    /**
     * Sets the learning rate of every layer, e.g. from a schedule; cheap enough to call every step.
     * Updater state (Adam moments) is kept.
     */
    public void setLearningRate(double lr) {
        OptimizerConfig updated = optimizer.withLearningRate(lr); // validates lr
        GraphSurgery.setLearningRate(graph, lr);
        optimizer = updated;
    }

    /** The optimizer settings, with the current learning rate. */
    public OptimizerConfig optimizer() {
        return optimizer;
    }

    /**
     * Global L2 norm of the mean gradient of the last {@code fit} or external step, before
     * clipping; NaN if clipping is disabled or nothing was fitted yet.
     */
    public double lastGradNorm() {
        return clipper == null ? Double.NaN : clipper.lastNorm();
    }

    /**
     * All parameters as one live {@code [1, numParams]} view: writes change the network; dup() to
     * snapshot. Counts as a parameter change for {@link #paramVersion}.
     */
    public INDArray params() {
        fast.flushParams();
        paramVersion++; // the caller may write through the view (e.g. LastGoodParams restoring a copy)
        return graph.params();
    }

    /** Whether every parameter is finite (a read, like {@link #copyParams}). */
    public boolean paramsFinite() {
        fast.flushParams();
        return Double.isFinite(graph.params().sumNumber().doubleValue()); // NaN or infinite if any parameter is
    }

    /**
     * A copy of all parameters {@code [1, numParams]}, written into {@code reuse} when it has that
     * shape and type (else a new array). Unlike {@link #params()} this is a read: it does not count
     * as a parameter change, so caches such as the plain-Java paths keep their state.
     */
    public INDArray copyParams(INDArray reuse) {
        fast.flushParams();
        INDArray p = graph.params();
        if (reuse != null && Arrays.equals(reuse.shape(), p.shape()) && reuse.dataType() == p.dataType()) {
            return reuse.assign(p);
        }
        return p.dup();
    }

    /**
     * Makes the graph's parameter arrays current: a training step on the plain-Java path leaves
     * its parameters there until something reads them, and this network's own methods write them
     * back first. Needed only by code that reads a parameter view kept from an earlier
     * {@link #params()} or {@link #graph()} call (as {@code FastNet} does).
     */
    public void syncParams() {
        fast.flushParams();
    }

    /**
     * A counter that changes whenever the parameters may have changed: on every {@code fit},
     * external step, {@link #copyParamsFrom} and {@link #polyakFrom}, and on every call of
     * {@link #params()} or {@link #graph()}, which hand out live views that callers may write.
     * Caches of the parameters (such as {@link org.deeprl4j.nn.fast.FastNet}) re-read them when it
     * differs from the value they saw. A write through a view kept from an earlier call is not
     * counted: fetch the view again after writing through it.
     */
    public long paramVersion() {
        return paramVersion;
    }

    /** Number of parameters. */
    public long numParams() {
        return graph.numParams();
    }

    /** The underlying DL4J graph (shared, not a copy). Counts as a parameter change for {@link #paramVersion}. */
    public ComputationGraph graph() {
        fast.flush(); // the caller may read the parameters and the updater state
        paramVersion++; // the caller may change parameters through the graph
        return graph;
    }

    @Override
    public String toString() {
        return "Network[" + numParams() + " params, inputs=" + graph.getConfiguration().getNetworkInputs()
                + ", outputs=" + graph.getConfiguration().getNetworkOutputs() + ", " + optimizer + "]";
    }
}
