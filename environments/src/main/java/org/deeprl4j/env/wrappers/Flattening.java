package org.deeprl4j.env.wrappers;

import java.util.Arrays;
import java.util.Map;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.spaces.Spaces;

/**
 * Gymnasium's {@code gymnasium.spaces.flatten} / {@code flatten_space} for network inputs:
 * <ul>
 *   <li>{@link Discrete}{@code (n)}: a one-hot vector of {@code n} floats (index
 *       {@code value - start});</li>
 *   <li>{@link MultiDiscrete}: the one-hot vectors of its elements, concatenated
 *       ({@code sum(nvec)} floats);</li>
 *   <li>{@link MultiBinary} and {@link Box}: the elements as they are (row-major; float64 boxes
 *       are cast to float32);</li>
 *   <li>{@link Dict}: its sub-spaces flattened and concatenated in the Dict's key order.</li>
 * </ul>
 *
 * <p>This differs from {@link Space#flatten} on purpose: {@code Space.flatten} is a compact,
 * invertible encoding (a Discrete as its integer value, a MultiDiscrete as its integers) used for
 * storage and transport, while this encoding is what a neural network should see. Note also that
 * our {@link Dict} keeps insertion order whereas Gymnasium's {@code Dict} sorts plain-dict keys;
 * build the Dict with sorted keys to reproduce Gymnasium's layout exactly.
 */
public final class Flattening {

    private Flattening() {
    }

    /** Number of floats {@link #flatten(Space, Object)} writes for an element of {@code space}. */
    public static int flatDim(Space<?> space) {
        if (space instanceof Discrete d) {
            return d.n();
        }
        if (space instanceof MultiDiscrete md) {
            return Arrays.stream(md.nvec()).sum();
        }
        if (space instanceof MultiBinary || space instanceof Box) {
            return space.flatDim();
        }
        if (space instanceof Dict dict) {
            return dict.spaces().values().stream().mapToInt(Flattening::flatDim).sum();
        }
        throw new IllegalArgumentException("cannot flatten space " + space);
    }

    /**
     * The float32 {@link Box} of flattened elements, shape {@code [flatDim]}: one-hot parts are
     * bounded by [0, 1], Box parts keep their bounds.
     */
    public static Box<float[]> flattenSpace(Space<?> space) {
        int n = flatDim(space);
        float[] low = new float[n];
        float[] high = new float[n];
        writeBounds(space, low, high, 0);
        return Box.of(low, high, n);
    }

    private static int writeBounds(Space<?> space, float[] low, float[] high, int offset) {
        if (space instanceof Box<?> box) {
            for (int i = 0; i < box.flatDim(); i++) {
                low[offset + i] = (float) box.low(i); // rounding is monotone, so cast values stay inside
                high[offset + i] = (float) box.high(i);
            }
            return offset + box.flatDim();
        }
        if (space instanceof Dict dict) {
            int o = offset;
            for (Space<?> sub : dict.spaces().values()) {
                o = writeBounds(sub, low, high, o);
            }
            return o;
        }
        int n = flatDim(space); // Discrete, MultiDiscrete, MultiBinary: 0/1 entries
        Arrays.fill(high, offset, offset + n, 1f);
        return offset + n;
    }

    /** A new array holding the Gymnasium flattening of {@code value}, an element of {@code space}. */
    public static float[] flatten(Space<?> space, Object value) {
        float[] out = new float[flatDim(space)];
        flatten(space, value, out, 0);
        return out;
    }

    /**
     * Writes the Gymnasium flattening of {@code value} into {@code dst} at {@code offset} (one-hot
     * positions not set are overwritten with 0) and returns the offset after it.
     *
     * @throws IllegalArgumentException naming the space when {@code value} does not fit it
     */
    public static int flatten(Space<?> space, Object value, float[] dst, int offset) {
        if (space instanceof Discrete d) {
            if (!d.contains(value)) {
                throw notIn(value, space);
            }
            Arrays.fill(dst, offset, offset + d.n(), 0f);
            dst[offset + ((Number) value).intValue() - d.start()] = 1f;
            return offset + d.n();
        }
        if (space instanceof MultiDiscrete md) {
            return oneHots(md, value, dst, offset);
        }
        if (space instanceof MultiBinary mb) {
            if (!(value instanceof int[] bits) || bits.length != mb.flatDim()) {
                throw notIn(value, space);
            }
            for (int i = 0; i < bits.length; i++) {
                dst[offset + i] = bits[i];
            }
            return offset + bits.length;
        }
        if (space instanceof Box<?> box) {
            return copyBox(box, value, dst, offset);
        }
        if (space instanceof Dict dict) {
            if (!(value instanceof Map<?, ?> map)) {
                throw notIn(value, space);
            }
            int o = offset;
            for (Map.Entry<String, Space<?>> e : dict.spaces().entrySet()) {
                if (!map.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("missing key '" + e.getKey() + "' for " + space);
                }
                o = flatten(e.getValue(), map.get(e.getKey()), dst, o);
            }
            return o;
        }
        throw new IllegalArgumentException("cannot flatten space " + space);
    }

    private static int oneHots(MultiDiscrete md, Object value, float[] dst, int offset) {
        int[] nvec = md.nvec();
        int[] start = md.start();
        if (!(value instanceof int[] v) || v.length != nvec.length) {
            throw notIn(value, md);
        }
        int o = offset;
        for (int i = 0; i < nvec.length; i++) {
            int index = v[i] - start[i];
            if (index < 0 || index >= nvec[i]) {
                throw notIn(value, md);
            }
            Arrays.fill(dst, o, o + nvec[i], 0f);
            dst[o + index] = 1f;
            o += nvec[i];
        }
        return o;
    }

    private static int copyBox(Box<?> box, Object value, float[] dst, int offset) {
        int n = box.flatDim();
        if (box.dtype() == Box.DType.FLOAT32 && value instanceof float[] f && f.length == n) {
            System.arraycopy(f, 0, dst, offset, n);
        } else if (box.dtype() == Box.DType.FLOAT64 && value instanceof double[] d && d.length == n) {
            for (int i = 0; i < n; i++) {
                dst[offset + i] = (float) d[i];
            }
        } else {
            throw notIn(value, box);
        }
        return offset + n;
    }

    private static IllegalArgumentException notIn(Object value, Space<?> space) {
        return new IllegalArgumentException("cannot flatten " + Spaces.format(value) + ": not an element of " + space);
    }
}
