package org.deeprl4j.nn;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeprl4j.nn.fast.FastTrainer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link Network}'s choice between DL4J and the plain-Java {@link FastTrainer} for the external-gradient
 * calls ({@code trainForward}, {@code stepExternal}, {@code backpropToInputs}) and the INDArray
 * conversions around the latter. The trainer is compiled on the first training forward pass (input
 * widths come from that batch) when enabled and the graph qualifies; otherwise DL4J does the work.
 * Enabled by default; {@code -Ddeeprl4j.fastTraining=false} or {@link Network#setFastTraining}
 * turns it off (to compare, or to rule it out).
 */
final class FastTraining {
    /** Default from the system property {@code deeprl4j.fastTraining} (true unless "false"). */
    static final boolean DEFAULT = !"false".equalsIgnoreCase(System.getProperty("deeprl4j.fastTraining"));

    private final ComputationGraph graph;
    private final GlobalNormClipper clipper; // null = no clipping
    private boolean enabled = DEFAULT;
    private boolean compiled;
    private FastTrainer trainer;
    private FastFitLoss loss; // null: fit() stays with DL4J
    private int rows;

    FastTraining(ComputationGraph graph, GlobalNormClipper clipper) {
        this.graph = graph;
        this.clipper = clipper;
    }

    void setEnabled(boolean enabled) {
        invalidate();
        flush();
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    /** Whether the plain-Java trainer handles this graph (compiling it for these inputs if not tried yet). */
    boolean active(INDArray[] inputs) {
        if (!enabled) {
            return false;
        }
        compileOnce(() -> compile(inputs));
        return trainer != null;
    }

    /** Compiles the trainer (and the fit loss) with {@code compiler} on the first call only. */
    private void compileOnce(java.util.function.Supplier<Optional<FastTrainer>> compiler) {
        if (!compiled) {
            compiled = true;
            trainer = compiler.get().orElse(null);
            loss = trainer == null ? null : FastFitLoss.of(graph).orElse(null);
        }
    }

    boolean activeNow() {
        return enabled && trainer != null;
    }

    private Optional<FastTrainer> compile(INDArray[] inputs) {
        int[] sizes = new int[inputs.length];
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] == null || inputs[k].rank() != 2) {
                return Optional.empty();
            }
            sizes[k] = (int) inputs[k].size(1);
        }
        return compile(sizes);
    }

    private Optional<FastTrainer> compile(int[] inputSizes) {
        for (TrainingListener l : graph.getListeners() == null ? java.util.List.<TrainingListener>of() : graph.getListeners()) {
            if (l != clipper) {
                return Optional.empty(); // other listeners expect DL4J's calls
            }
        }
        return FastTrainer.compile(graph, inputSizes);
    }

    /**
     * Whether {@link #fit(float[], int, float[], float[], long, long)} handles a one-input graph fed
     * rows of {@code inputSize} floats (compiling it for them if not tried yet).
     */
    boolean fits(int inputSize) {
        if (!enabled) {
            return false;
        }
        compileOnce(() -> compile(new int[] {inputSize}));
        return trainer != null && loss != null && trainer.inputSize(0) == inputSize;
    }

    /** Training forward pass (after {@link #active}); outputs as new {@code [n, width]} arrays. */
    INDArray[] forward(INDArray[] inputs, long version) {
        float[][] out = run(inputs, version);
        INDArray[] result = new INDArray[out.length];
        for (int k = 0; k < out.length; k++) {
            int w = trainer.outputSize(k);
            result[k] = Nd4j.create(java.util.Arrays.copyOf(out[k], rows * w), new long[] {rows, w}, 'c'); // [n, w]
        }
        return result;
    }

    /** The forward pass on the trainer's buffers: outputs row-major {@code [n, width]} (buffers may be longer). */
    private float[][] run(INDArray[] inputs, long version) {
        float[][] in = inputArrays(inputs);
        int n = (int) inputs[0].size(0);
        float[][] out = trainer.forward(in, n, version);
        rows = n;
        return out;
    }

    /** The inputs as row-major arrays, after checking their shapes against the trainer's. */
    private float[][] inputArrays(INDArray[] inputs) {
        long n = inputs[0].size(0);
        float[][] in = new float[inputs.length][];
        for (int k = 0; k < inputs.length; k++) {
            if (inputs[k].size(0) != n || inputs[k].size(1) != trainer.inputSize(k)) {
                trainer.invalidate();
                throw new IllegalArgumentException("input " + k + " must be [" + n + ", " + trainer.inputSize(k)
                        + "], got " + java.util.Arrays.toString(inputs[k].shape()));
            }
            in[k] = NdArrays.floats(inputs[k]);
        }
        return in;
    }

    /** Whether {@link #fit} handles this graph (a masked MSE/Huber loss layer on the plain-Java path). */
    boolean fits(INDArray[] inputs) {
        return active(inputs) && loss != null;
    }

    /**
     * {@code Network.fit} on the plain-Java path: forward, the masked loss and its gradient, then
     * {@link #step}. Returns DL4J's score: the batch-mean loss plus DL4J's L2 penalty.
     */
    double fit(INDArray[] inputs, INDArray labels, INDArray mask, long version, long newVersion) {
        float[][] in = inputArrays(inputs); // checks the inputs' shapes
        int w = trainer.outputSize(0);
        if (labels.length() != inputs[0].size(0) * w) {
            throw new IllegalArgumentException("labels must be [" + inputs[0].size(0) + ", " + w + "], got "
                    + java.util.Arrays.toString(labels.shape()));
        }
        return fitRows(in, (int) inputs[0].size(0), NdArrays.floats(labels), mask == null ? null : NdArrays.floats(mask),
                version, newVersion);
    }

    /**
     * {@link #fit(INDArray[], INDArray, INDArray, long, long)} on row-major arrays of a one-input
     * graph (after {@link #fits(int)}): {@code input [rows, inputSize]}, {@code labels [rows, nOut]},
     * {@code mask} like the labels or {@code [rows]} or null.
     */
    double fit(float[] input, int rows, float[] labels, float[] mask, long version, long newVersion) {
        int w = trainer.outputSize(0);
        if (labels.length != rows * w) {
            throw new IllegalArgumentException("labels must hold " + rows + " x " + w + " values, got " + labels.length);
        }
        return fitRows(new float[][] {input}, rows, labels, mask, version, newVersion);
    }

    private double fitRows(float[][] inputs, int n, float[] target, float[] mask, long version, long newVersion) {
        float[] y = trainer.forward(inputs, n, version)[0];
        rows = n;
        int w = trainer.outputSize(0);
        float[] grad = new float[rows * w];
        double score;
        try {
            score = loss.gradient(y, target, mask, rows, w, grad);
        } catch (IllegalArgumentException e) {
            trainer.invalidate();
            throw e;
        }
        double penalty = trainer.l2Score(); // DL4J's score uses the parameters before the step
        step(new float[][] {grad}, newVersion);
        return score + penalty;
    }

    boolean pending() {
        return trainer != null && trainer.pending();
    }

    /** One optimizer step on the kept forward pass; records the gradient norm with the clipper. */
    void step(INDArray[] outputGradients, long newVersion) {
        step(gradients(outputGradients), newVersion);
    }

    /** The trainer's step, clipped and recorded by the network's {@link GlobalNormClipper} (if any). */
    private void step(float[][] outputGradients, long newVersion) {
        double norm = trainer.step(outputGradients, clipper == null ? null : clipper::coefficient, newVersion);
        if (clipper != null) {
            clipper.record(norm);
        }
    }

    /** Input gradients of the kept forward pass, {@code [n, inputSize(k)]} each. */
    INDArray[] inputGradients(INDArray[] outputGradients) {
        float[][] g = trainer.inputGradients(gradients(outputGradients));
        INDArray[] result = new INDArray[g.length];
        for (int k = 0; k < g.length; k++) {
            result[k] = Nd4j.create(g[k], new long[] {rows, trainer.inputSize(k)}, 'c'); // [n, inputSize]
        }
        return result;
    }

    private float[][] gradients(INDArray[] outputGradients) {
        NetworkChecks.checkCount("outputGradients", outputGradients, trainer.outputNames().size());
        float[][] g = new float[outputGradients.length][];
        for (int k = 0; k < g.length; k++) {
            INDArray a = outputGradients[k];
            long[] expected = {rows, trainer.outputSize(k)};
            if (a == null || !java.util.Arrays.equals(a.shape(), expected)) {
                throw new IllegalArgumentException("outputGradients[" + k + "] must have the shape of output '"
                        + trainer.outputNames().get(k) + "' " + java.util.Arrays.toString(expected) + ", got "
                        + (a == null ? "null" : java.util.Arrays.toString(a.shape())));
            }
            g[k] = NdArrays.floats(a);
        }
        return g;
    }

    /** Writes the trainer's updater state into the graph if it is newer ({@link FastTrainer#flushState}). */
    void flushState() {
        if (trainer != null) {
            trainer.flushState();
        }
    }

    /** Writes the trainer's parameters and updater state into the graph, each if it is newer. */
    void flush() {
        flushParams();
        flushState();
    }

    /** Writes the trainer's parameters into the graph if they are newer ({@link FastTrainer#flushParams}). */
    void flushParams() {
        if (trainer != null) {
            trainer.flushParams();
        }
    }

    void invalidate() {
        if (trainer != null) {
            trainer.invalidate();
        }
    }
}
