package org.deeprl4j.experiments.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A hyperparameter grid: per key (a {@code --set} key such as {@code learning_rate}) the values to
 * try, written as they are passed to {@code train --set key=value}. Its points are the cartesian
 * product of the keys' values, the first key varying slowest.
 *
 * @param axes values per key, in the order given
 */
public record Grid(Map<String, List<String>> axes) {
    /** Most points a grid may have. */
    public static final int MAX_POINTS = 100_000;
    /** The empty grid: a single point with no settings. */
    public static final Grid EMPTY = new Grid(Map.of());

    public Grid {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        long points = 1;
        for (Map.Entry<String, List<String>> e : axes.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new IllegalArgumentException("--grid " + e.getKey() + ": no values");
            }
            copy.put(e.getKey(), List.copyOf(e.getValue()));
            points *= e.getValue().size();
            if (points > MAX_POINTS) {
                throw new IllegalArgumentException("--grid has more than " + MAX_POINTS + " points");
            }
        }
        axes = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code --grid} items {@code key=v1,v2,...}. Commas inside brackets or braces belong to
     * the value ({@code net_arch=[64,64],[256,256]} is two values).
     *
     * @throws IllegalArgumentException naming the item: no '=', a bad or repeated key, an empty or repeated value
     */
    public static Grid parse(List<String> items) {
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--grid expects KEY=V1,V2,..., got '" + item + "'");
            }
            String key = item.substring(0, eq).trim();
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("--grid '" + item + "': '" + key
                        + "' is not a hyperparameter key (letters, digits, '_' and '.')");
            }
            if (axes.containsKey(key)) {
                throw new IllegalArgumentException("--grid: key '" + key + "' given twice (list all its values in one --grid)");
            }
            axes.put(key, values(key, item.substring(eq + 1), item));
        }
        return new Grid(axes);
    }

    private static List<String> values(String key, String text, String item) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i).trim());
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("--grid '" + item + "': unbalanced brackets");
        }
        parts.add(text.substring(start).trim());
        Set<String> seen = new LinkedHashSet<>();
        for (String p : parts) {
            if (p.isEmpty()) {
                throw new IllegalArgumentException("--grid '" + item + "': empty value for '" + key + "'");
            }
            if (!seen.add(p)) {
                throw new IllegalArgumentException("--grid '" + item + "': value '" + p + "' given twice");
            }
        }
        return List.copyOf(seen);
    }

    /** Number of points (1 for the empty grid). */
    public int size() {
        int n = 1;
        for (List<String> v : axes.values()) {
            n *= v.size();
        }
        return n;
    }

    /** The points in order: key to value, keys in the grid's order, the first key varying slowest. */
    public List<Map<String, String>> points() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(Map.of());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : axis.getValue()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(axis.getKey(), v);
                    next.add(Collections.unmodifiableMap(q));
                }
            }
            points = next;
        }
        return points;
    }
}
