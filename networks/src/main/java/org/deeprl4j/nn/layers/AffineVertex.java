package org.deeprl4j.nn.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Fixed per-column affine map {@code out[:, j] = scale[j] * x[:, j] + shift[j]} on a
 * {@code [batch, n]} input; no parameters. Used to map {@code tanh} outputs in [-1, 1] to action
 * bounds ({@code scale = (high - low) / 2}, {@code shift = (high + low) / 2}, as CleanRL's TD3
 * actor) and SAC's log-std to [-5, 2]. Configuration class of {@link AffineVertexImpl};
 * serializable in DL4J's JSON configuration.
 */
public final class AffineVertex extends GraphVertex {
    private static final long serialVersionUID = 1L;

    private final double[] scale;
    private final double[] shift;

    /**
     * @param scale per-column factors, finite, length n
     * @param shift per-column offsets, finite, length n
     */
    public AffineVertex(@JsonProperty("scale") double[] scale, @JsonProperty("shift") double[] shift) {
        if (scale == null || shift == null || scale.length == 0 || scale.length != shift.length) {
            throw new IllegalArgumentException("scale and shift must be non-empty and of equal length, got "
                    + Arrays.toString(scale) + " and " + Arrays.toString(shift));
        }
        for (int j = 0; j < scale.length; j++) {
            if (!Double.isFinite(scale[j]) || !Double.isFinite(shift[j])) {
                throw new IllegalArgumentException("scale and shift must be finite, got scale[" + j + "]="
                        + scale[j] + ", shift[" + j + "]=" + shift[j]);
            }
        }
        this.scale = scale.clone();
        this.shift = shift.clone();
    }

    /** The same scale and shift for all n columns. */
    public static AffineVertex uniform(int n, double scale, double shift) {
        double[] s = new double[n];
        double[] t = new double[n];
        Arrays.fill(s, scale);
        Arrays.fill(t, shift);
        return new AffineVertex(s, t);
    }

    /** Per-column factors (a copy). */
    public double[] getScale() {
        return scale.clone();
    }

    /** Per-column offsets (a copy). */
    public double[] getShift() {
        return shift.clone();
    }

    @Override
    public AffineVertex clone() {
        return new AffineVertex(scale, shift);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineVertex a && Arrays.equals(scale, a.scale) && Arrays.equals(shift, a.shift);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(scale) + Arrays.hashCode(shift);
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
        return new AffineVertexImpl(graph, name, idx, scale, shift, networkDatatype);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length != 1 || !(vertexInputs[0] instanceof InputType.InputTypeFeedForward ff)) {
            throw new InvalidInputTypeException("AffineVertex needs one feed-forward input, got "
                    + Arrays.toString(vertexInputs));
        }
        if (ff.getSize() != scale.length) {
            throw new InvalidInputTypeException("AffineVertex has " + scale.length + " columns but its input has size "
                    + ff.getSize());
        }
        return vertexInputs[0];
    }

    @Override
    public MemoryReport getMemoryReport(InputType... inputTypes) {
        InputType out = getOutputType(-1, inputTypes);
        return new LayerMemoryReport.Builder(null, AffineVertex.class, inputTypes[0], out)
                .standardMemory(0, 0).workingMemory(0, 0, 0, 0).cacheMemory(0, 0).build();
    }

    @Override
    public String toString() {
        return "AffineVertex(scale=" + Arrays.toString(scale) + ", shift=" + Arrays.toString(shift) + ")";
    }
}
