package org.deeprl4j.cli;

import java.util.Map;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.MultiBinary;
import org.deeprl4j.env.spaces.MultiDiscrete;
import org.deeprl4j.env.spaces.Space;

/**
 * The JSON-lines trajectory format of {@code deeprl4j rollout}, one object per line, no spaces,
 * keys in this order:
 *
 * <pre>
 * {"t":0,"obs":[...]}                                                   after each reset
 * {"t":k,"action":A,"obs":[...],"reward":R,"terminated":B,"truncated":B}  after each step
 * </pre>
 *
 * <p>{@code obs} is the observation flattened to a list of numbers (Dict sub-spaces in key
 * order): integers for Discrete, MultiDiscrete and MultiBinary values, float32 values printed with
 * {@link Float#toString(float)} and float64 values with {@link Double#toString(double)}, so each
 * number parses back to exactly the same float or double. {@code A} is a number for a Discrete
 * action, a list for Box, MultiDiscrete and MultiBinary actions and an object for Dict actions.
 * {@code R} is printed with {@link Double#toString(double)}. JSON has no NaN or infinity: NaN
 * prints as {@code null} and infinities as {@code 1e309}/{@code -1e309}, which JSON parsers
 * (Jackson, Python's json) read back as infinite doubles.
 */
public final class TrajectoryFormat {
    private TrajectoryFormat() {
    }

    /** The line written after a reset. */
    public static <O> String resetLine(Space<O> obsSpace, O obs) {
        StringBuilder sb = new StringBuilder(64).append("{\"t\":0,\"obs\":[");
        appendFlat(sb, obsSpace, obs, true);
        return sb.append("]}").toString();
    }

    /** The line written after step {@code t} (1-based within the episode). */
    public static <O, A> String stepLine(int t, Space<A> actionSpace, A action, Space<O> obsSpace, Step<O> step) {
        StringBuilder sb = new StringBuilder(128).append("{\"t\":").append(t).append(",\"action\":");
        appendValue(sb, actionSpace, action);
        sb.append(",\"obs\":[");
        appendFlat(sb, obsSpace, step.observation(), true);
        sb.append("],\"reward\":");
        appendDouble(sb, step.reward());
        return sb.append(",\"terminated\":").append(step.terminated())
                .append(",\"truncated\":").append(step.truncated()).append('}').toString();
    }

    /** Appends an action: a bare number for Discrete, a list for array spaces, an object for Dict. */
    static void appendValue(StringBuilder sb, Space<?> space, Object value) {
        if (space instanceof Discrete) {
            sb.append(((Number) value).intValue());
        } else if (space instanceof Dict dict) {
            Map<?, ?> m = (Map<?, ?>) value;
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Space<?>> e : dict.spaces().entrySet()) {
                sb.append(first ? "" : ",").append('"').append(escape(e.getKey())).append("\":");
                appendValue(sb, e.getValue(), m.get(e.getKey()));
                first = false;
            }
            sb.append('}');
        } else {
            sb.append('[');
            appendFlat(sb, space, value, true);
            sb.append(']');
        }
    }

    /**
     * Appends the elements of {@code value} as comma-separated numbers (no brackets); returns
     * whether nothing was written yet, for chaining Dict sub-spaces.
     */
    private static boolean appendFlat(StringBuilder sb, Space<?> space, Object value, boolean first) {
        if (space instanceof Discrete) {
            sb.append(first ? "" : ",").append(((Number) value).intValue());
            return false;
        }
        if (space instanceof Box<?> || space instanceof MultiDiscrete || space instanceof MultiBinary) {
            return appendArray(sb, value, first);
        }
        if (space instanceof Dict dict) {
            Map<?, ?> m = (Map<?, ?>) value;
            boolean f = first;
            for (Map.Entry<String, Space<?>> e : dict.spaces().entrySet()) {
                f = appendFlat(sb, e.getValue(), m.get(e.getKey()), f);
            }
            return f;
        }
        throw new IllegalStateException("unsupported space " + space);
    }

    private static boolean appendArray(StringBuilder sb, Object value, boolean first) {
        boolean f = first;
        if (value instanceof float[] a) {
            for (float v : a) {
                appendFloat(sb.append(f ? "" : ","), v);
                f = false;
            }
        } else if (value instanceof double[] a) {
            for (double v : a) {
                appendDouble(sb.append(f ? "" : ","), v);
                f = false;
            }
        } else if (value instanceof int[] a) {
            for (int v : a) {
                sb.append(f ? "" : ",").append(v);
                f = false;
            }
        } else {
            throw new IllegalStateException("unexpected value type " + (value == null ? "null" : value.getClass().getName()));
        }
        return f;
    }

    /** A float32 as JSON: shortest {@link Float#toString} form, NaN as null, infinities as +-1e309. */
    static void appendFloat(StringBuilder sb, float v) {
        if (Float.isNaN(v)) {
            sb.append("null");
        } else if (Float.isInfinite(v)) {
            sb.append(v > 0 ? "1e309" : "-1e309");
        } else {
            sb.append(Float.toString(v));
        }
    }

    /** A double as JSON: {@link Double#toString} form, NaN as null, infinities as +-1e309. */
    static void appendDouble(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            sb.append("null");
        } else if (Double.isInfinite(v)) {
            sb.append(v > 0 ? "1e309" : "-1e309");
        } else {
            sb.append(Double.toString(v));
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
