package org.deeprl4j.env.spaces;

import java.util.Map;
import org.deeprl4j.env.Rng;

/**
 * The set of valid observations or actions, as in Gymnasium's {@code gymnasium.spaces}.
 *
 * <p>Value types: {@link Discrete} uses {@code Integer}; {@link Box} uses {@code float[]}
 * (float32) or {@code double[]} (float64), flattened in row-major order; {@link MultiDiscrete}
 * and {@link MultiBinary} use {@code int[]}; {@link Dict} uses {@code Map<String, Object>}.
 * Spaces are immutable and compare by value.
 */
public sealed interface Space<T> extends java.io.Serializable permits Discrete, Box, MultiDiscrete, MultiBinary, Dict {

    /** A random element drawn with {@code rng} (Gymnasium's distribution for this space). */
    T sample(Rng rng);

    /** True when {@code x} has this space's value type, shape and bounds. */
    boolean contains(Object x);

    /** The shape of one element ({@code []} for a Discrete scalar). */
    int[] shape();

    /** Number of floats an element occupies when flattened ({@link #flatten}). */
    int flatDim();

    /**
     * Writes an element as {@link #flatDim()} floats into {@code dst} at {@code offset}: Discrete
     * as its integer value, Box element-wise, Dict as its sub-spaces in key order.
     */
    void flatten(T value, float[] dst, int offset);

    /** Reads an element written by {@link #flatten}. */
    T unflatten(float[] src, int offset);

    /**
     * Converts a JSON-decoded value (numbers, lists, maps as Jackson produces them) to an element,
     * throwing {@link IllegalArgumentException} naming the space when it does not fit.
     */
    T fromJson(Object json);

    /** The Gym HTTP API's description of this space ({@code name}, {@code n}, {@code shape}, ...). */
    Map<String, Object> toJson();

    /** Casts {@code x} to this space's value type after checking {@link #contains}. */
    @SuppressWarnings("unchecked")
    default T cast(Object x) {
        if (!contains(x)) {
            throw new IllegalArgumentException(Spaces.format(x) + " is not in " + this);
        }
        return (T) x;
    }

    /** Convenience: a new array holding the flattened element. */
    default float[] flatten(T value) {
        float[] out = new float[flatDim()];
        flatten(value, out, 0);
        return out;
    }
}
