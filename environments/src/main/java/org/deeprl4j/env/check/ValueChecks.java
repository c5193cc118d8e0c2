package org.deeprl4j.env.check;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.spaces.Spaces;

/** Checks a value against its space (Java type, length, NaN, infinity, bounds) and digests values. */
final class ValueChecks {
    /** What is wrong with a value, most fundamental first. */
    enum Kind { TYPE, NAN, INFINITE, OUTSIDE }

    /** A problem with a value; {@code message} names the element at fault. */
    record Problem(Kind kind, String message) {
    }

    private static final int MAX_FORMAT = 120;

    private ValueChecks() {
    }

    /** The first problem of {@code value} as an element of {@code space}, or null when it is fine. */
    static Problem check(Space<?> space, Object value) {
        Problem p = check(space, value, "");
        if (p == null && !space.contains(value)) {
            p = new Problem(Kind.OUTSIDE, brief(value) + " is not in " + space);
        }
        return p;
    }

    private static Problem check(Space<?> space, Object v, String at) {
        if (v == null) {
            return new Problem(Kind.TYPE, at + "is null");
        }
        if (space instanceof Discrete d) {
            if (!(v instanceof Integer i)) {
                return new Problem(Kind.TYPE, at + "has type " + typeName(v) + ", expected Integer for " + d);
            }
            return d.contains(i) ? null : new Problem(Kind.OUTSIDE, at + "value " + i + " is outside " + d);
        }
        if (space instanceof Box<?> b) {
            return box(b, v, at);
        }
        if (space instanceof MultiDiscrete m) {
            return ints(m, v, at, m.start(), m.nvec());
        }
        if (space instanceof MultiBinary m) {
            int[] start = new int[m.flatDim()];
            int[] n = new int[m.flatDim()];
            Arrays.fill(n, 2);
            return ints(m, v, at, start, n);
        }
        return dict((Dict) space, v, at);
    }

    private static Problem box(Box<?> b, Object v, String at) {
        double[] x;
        if (b.dtype() == Box.DType.FLOAT32 && v instanceof float[] f) {
            x = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                x[i] = f[i];
            }
        } else if (b.dtype() == Box.DType.FLOAT64 && v instanceof double[] d) {
            x = d;
        } else {
            String want = b.dtype() == Box.DType.FLOAT32 ? "float[]" : "double[]";
            return new Problem(Kind.TYPE, at + "has type " + typeName(v) + ", expected " + want + " for " + b);
        }
        if (x.length != b.flatDim()) {
            return new Problem(Kind.TYPE, at + "has " + x.length + " elements, expected " + b.flatDim()
                    + " for shape " + Arrays.toString(b.shape()));
        }
        int[] shape = b.shape();
        for (int i = 0; i < x.length; i++) {
            if (Double.isNaN(x[i])) {
                return new Problem(Kind.NAN, at + element(shape, i) + " is NaN");
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (Double.isInfinite(x[i])) {
                return new Problem(Kind.INFINITE, at + element(shape, i) + " is " + x[i]);
            }
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] < b.low(i) || x[i] > b.high(i)) {
                return new Problem(Kind.OUTSIDE, at + element(shape, i) + " = " + x[i] + " is outside ["
                        + b.low(i) + ", " + b.high(i) + "] of " + b);
            }
        }
        return null;
    }

    private static Problem ints(Space<?> space, Object v, String at, int[] start, int[] n) {
        if (!(v instanceof int[] x)) {
            return new Problem(Kind.TYPE, at + "has type " + typeName(v) + ", expected int[] for " + space);
        }
        if (x.length != n.length) {
            return new Problem(Kind.TYPE, at + "has " + x.length + " elements, expected " + n.length + " for " + space);
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] < start[i] || (long) x[i] >= (long) start[i] + n[i]) {
                return new Problem(Kind.OUTSIDE, at + element(space.shape(), i) + " = " + x[i] + " is outside ["
                        + start[i] + ", " + ((long) start[i] + n[i] - 1) + "] of " + space);
            }
        }
        return null;
    }

    private static Problem dict(Dict d, Object v, String at) {
        if (!(v instanceof Map<?, ?> m)) {
            return new Problem(Kind.TYPE, at + "has type " + typeName(v) + ", expected a Map for " + d);
        }
        if (!m.keySet().equals(d.spaces().keySet())) {
            return new Problem(Kind.TYPE, at + "has keys " + m.keySet() + ", expected " + d.spaces().keySet());
        }
        for (Map.Entry<String, Space<?>> e : d.spaces().entrySet()) {
            Problem p = check(e.getValue(), m.get(e.getKey()), at + "entry '" + e.getKey() + "' ");
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** "element 7", plus the multi-index for arrays of rank 2 or more: "element 7 (index [1, 3])". */
    static String element(int[] shape, int flat) {
        if (shape.length <= 1) {
            return "element " + flat;
        }
        int[] idx = new int[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            idx[d] = rest % shape[d];
            rest /= shape[d];
        }
        return "element " + flat + " (index " + Arrays.toString(idx) + ")";
    }

    static String typeName(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName();
    }

    /** {@link Spaces#format} cut to a readable length. */
    static String brief(Object v) {
        String s = v instanceof Number ? v.toString() : Spaces.format(v);
        return s.length() <= MAX_FORMAT ? s : s.substring(0, MAX_FORMAT) + "...";
    }

    /**
     * A 64-bit digest of a value that is equal for equal values (bitwise for floats, so NaN equals
     * NaN) and, in practice, different for different ones; used to compare trajectories without
     * keeping every observation.
     */
    static long digest(Object v) {
        long h = 0xcbf29ce484222325L;
        if (v == null) {
            return mix(h, 0);
        }
        if (v instanceof float[] f) {
            h = mix(h, 1 + f.length);
            for (float x : f) {
                h = mix(h, Float.floatToIntBits(x));
            }
        } else if (v instanceof double[] d) {
            h = mix(h, 2 + d.length);
            for (double x : d) {
                h = mix(h, Double.doubleToLongBits(x));
            }
        } else if (v instanceof int[] a) {
            h = mix(h, 3 + a.length);
            for (int x : a) {
                h = mix(h, x);
            }
        } else if (v instanceof Map<?, ?> m) {
            h = mix(h, 4 + m.size());
            for (Map.Entry<String, Object> e : stringKeys(m).entrySet()) {
                h = mix(mix(h, e.getKey().hashCode()), digest(e.getValue()));
            }
        } else {
            h = mix(mix(h, v.getClass().getName().hashCode()), v.hashCode());
        }
        return h;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static long mix(long h, long x) {
        h ^= x;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }
}
