package org.deeprl4j.env.spaces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers shared by the spaces: formatting values, JSON conversion, parsing Gym HTTP space info. */
public final class Spaces {
    /** The Gym HTTP API's stand-in for infinite bounds (JSON has no infinity). */
    public static final double JSON_INFINITY = 1e100;

    private Spaces() {
    }

    /** A readable rendering of an action or observation value for error messages. */
    public static String format(Object x) {
        if (x == null) {
            return "null";
        }
        if (x instanceof float[] f) {
            return Arrays.toString(f);
        }
        if (x instanceof double[] d) {
            return Arrays.toString(d);
        }
        if (x instanceof int[] i) {
            return Arrays.toString(i);
        }
        if (x instanceof long[] l) {
            return Arrays.toString(l);
        }
        if (x instanceof Object[] o) {
            return Arrays.deepToString(o);
        }
        if (x instanceof String s) {
            return '"' + s + '"';
        }
        return x + " (" + x.getClass().getSimpleName() + ")";
    }

    static List<Double> jsonBounds(double[] bounds) {
        List<Double> out = new ArrayList<>(bounds.length);
        for (double b : bounds) {
            out.add(b == Double.POSITIVE_INFINITY ? JSON_INFINITY : b == Double.NEGATIVE_INFINITY ? -JSON_INFINITY : b);
        }
        return out;
    }

    static String formatBound(double[] b) {
        boolean same = Arrays.stream(b).allMatch(v -> Double.compare(v, b[0]) == 0);
        if (same) {
            return fmt(b[0]);
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < b.length; i++) {
            sb.append(i == 0 ? "" : " ").append(fmt(b[i]));
        }
        return sb.append(']').toString();
    }

    private static String fmt(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        float f = (float) v;
        return f == v ? Float.toString(f) : Double.toString(v);
    }

    static int[] intsFromJson(Object json, int size, Space<?> space) {
        List<?> list = json instanceof List<?> l ? l : json instanceof int[] a
                ? Arrays.stream(a).boxed().toList() : null;
        if (list == null || list.size() != size) {
            throw new IllegalArgumentException(format(json) + " is not a list of " + size + " integers for " + space);
        }
        int[] v = new int[size];
        for (int i = 0; i < size; i++) {
            if (!(list.get(i) instanceof Number n) || n.doubleValue() != n.intValue()) {
                throw new IllegalArgumentException(format(json) + " is not a list of " + size + " integers for " + space);
            }
            v[i] = n.intValue();
        }
        return v;
    }

    /**
     * Builds a space from its Gym HTTP API description (as produced by {@link Space#toJson()} or
     * the reference Python server); bounds of magnitude >= 1e100 become infinite.
     */
    public static Space<?> fromJson(Map<String, ?> info) {
        Object name = info.get("name");
        if (name == null) {
            throw new IllegalArgumentException("space info has no 'name': " + info);
        }
        switch (name.toString()) {
            case "Discrete":
                return new Discrete(intOf(info, "n"), info.containsKey("start") ? intOf(info, "start") : 0);
            case "Box": {
                int[] shape = ints(info.get("shape"), "shape");
                double[] low = bounds(info.get("low"));
                double[] high = bounds(info.get("high"));
                if ("float64".equals(info.get("dtype"))) {
                    return Box.float64(low, high, shape);
                }
                float[] lo = new float[low.length];
                float[] hi = new float[high.length];
                for (int i = 0; i < lo.length; i++) {
                    lo[i] = (float) low[i];
                    hi[i] = (float) high[i];
                }
                return Box.of(lo, hi, shape);
            }
            case "MultiDiscrete":
                if (!info.containsKey("nvec")) {
                    throw new IllegalArgumentException("MultiDiscrete space info needs 'nvec': " + info);
                }
                return new MultiDiscrete(ints(info.get("nvec"), "nvec"));
            case "MultiBinary":
                return new MultiBinary(info.containsKey("shape") ? ints(info.get("shape"), "shape")
                        : ints(info.get("n"), "n"));
            case "Dict": {
                Map<String, Space<?>> subs = new LinkedHashMap<>();
                if (!(info.get("spaces") instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException("Dict space info needs 'spaces': " + info);
                }
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    @SuppressWarnings("unchecked")
                    Map<String, ?> sub = (Map<String, ?>) e.getValue();
                    subs.put(e.getKey().toString(), fromJson(sub));
                }
                return new Dict(subs);
            }
            default:
                throw new IllegalArgumentException("unsupported space '" + name
                        + "' (supported: Discrete, Box, MultiDiscrete, MultiBinary, Dict)");
        }
    }

    private static int intOf(Map<String, ?> info, String key) {
        if (!(info.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("space info needs an integer '" + key + "': " + info);
        }
        return n.intValue();
    }

    private static int[] ints(Object o, String key) {
        if (o instanceof Number n) {
            return new int[] {n.intValue()};
        }
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("space info '" + key + "' must be a list of integers, got " + o);
        }
        return l.stream().mapToInt(v -> ((Number) v).intValue()).toArray();
    }

    private static double[] bounds(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("Box space info needs 'low' and 'high' lists, got " + o);
        }
        double[] d = new double[l.size()];
        for (int i = 0; i < d.length; i++) {
            double v = ((Number) l.get(i)).doubleValue();
            d[i] = v >= JSON_INFINITY ? Double.POSITIVE_INFINITY : v <= -JSON_INFINITY ? Double.NEGATIVE_INFINITY : v;
        }
        return d;
    }
}
