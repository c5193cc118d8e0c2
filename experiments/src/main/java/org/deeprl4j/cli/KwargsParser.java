package org.deeprl4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parses {@code --kwargs k=v,...} items into environment keyword arguments with YAML-like typing:
 * {@code true}/{@code false} become booleans, integers become {@code Integer} (or {@code Long} when
 * too large), other numbers {@code Double}, and anything else stays a string.
 */
public final class KwargsParser {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private KwargsParser() {
    }

    /** Parses {@code key=value} items in order; a malformed item or a repeated key is an IllegalArgumentException. */
    public static Map<String, Object> parse(List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (items == null) {
            return out;
        }
        for (String item : items) {
            int eq = item.indexOf('=');
            String key = eq < 0 ? "" : item.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("--kwargs item '" + item + "' is not key=value (e.g. --kwargs gravity=9.8,max_episode_steps=200)");
            }
            if (out.containsKey(key)) {
                throw new IllegalArgumentException("--kwargs sets '" + key + "' twice");
            }
            out.put(key, value(item.substring(eq + 1).strip()));
        }
        return out;
    }

    /** Types one value: boolean, Integer/Long, Double or String. */
    static Object value(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        if (INTEGER.matcher(v).matches()) {
            try {
                long l = Long.parseLong(v);
                return l == (int) l ? (Object) (int) l : (Object) l;
            } catch (NumberFormatException e) {
                return v;
            }
        }
        if (NUMBER.matcher(v).matches()) {
            return Double.parseDouble(v);
        }
        return v;
    }
}
