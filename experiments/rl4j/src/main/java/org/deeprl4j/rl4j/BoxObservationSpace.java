package org.deeprl4j.rl4j;

import java.util.Arrays;
import org.deeplearning4j.rl4j.space.Box;
import org.deeplearning4j.rl4j.space.ObservationSpace;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An RL4J {@link ObservationSpace} of {@link Box} observations with real bounds (RL4J's own
 * {@code ArrayObservationSpace} reports a dummy one-element {@code low}/{@code high}). Infinite
 * bounds stay infinite. Immutable: {@link #getLow()} and {@link #getHigh()} return copies.
 */
public final class BoxObservationSpace implements ObservationSpace<Box> {
    private final String name;
    private final int[] shape;
    private final double[] low;
    private final double[] high;

    /**
     * @param name  name reported by {@link #getName()}, e.g. the deeprl4j space's description
     * @param shape observation shape (positive sizes)
     * @param low   flat row-major lower bounds, one per element
     * @param high  flat row-major upper bounds, one per element
     */
    public BoxObservationSpace(String name, int[] shape, double[] low, double[] high) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (shape.length == 0 || Arrays.stream(shape).anyMatch(d -> d <= 0)) {
            throw new IllegalArgumentException("observation shape must be non-empty and positive, got "
                    + Arrays.toString(shape));
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("observation bounds have " + low.length + "/" + high.length
                    + " elements but shape " + Arrays.toString(shape) + " needs " + size);
        }
        this.name = name;
        this.shape = shape.clone();
        this.low = low.clone();
        this.high = high.clone();
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int[] getShape() {
        return shape.clone();
    }

    @Override
    public INDArray getLow() {
        return Nd4j.create(low, toLong(shape), DataType.DOUBLE); // [shape...]
    }

    @Override
    public INDArray getHigh() {
        return Nd4j.create(high, toLong(shape), DataType.DOUBLE); // [shape...]
    }

    private static long[] toLong(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }

    @Override
    public String toString() {
        return "BoxObservationSpace(" + name + ", shape=" + Arrays.toString(shape) + ")";
    }
}
