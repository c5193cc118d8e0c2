package org.deeprl4j.env;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Keyword arguments for an environment constructor, with typed getters that check types and
 * remember which names the environment accepts, so {@link #checkAllUsed()} can reject unknown
 * names with a suggestion.
 */
public final class Kwargs {
    private final String owner;
    private final Map<String, Object> values;
    private final Set<String> accepted = new LinkedHashSet<>();

    public Kwargs(String owner, Map<String, ?> values) {
        this.owner = owner;
        this.values = new LinkedHashMap<>(values);
    }

    public static Kwargs empty(String owner) {
        return new Kwargs(owner, Map.of());
    }

    public double getDouble(String name, double def) {
        Object v = get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the type error
            }
        }
        throw typeError(name, "a number", v);
    }

    public int getInt(String name, int def) {
        Object v = get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        if (v instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the type error
            }
        }
        throw typeError(name, "an integer", v);
    }

    public boolean getBoolean(String name, boolean def) {
        Object v = get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw typeError(name, "a boolean", v);
    }

    public String getString(String name, String def) {
        Object v = get(name);
        if (v == null) {
            return def;
        }
        if (v instanceof String s) {
            return s;
        }
        throw typeError(name, "a string", v);
    }

    /** The raw value (null when absent), marking the name as accepted. */
    public Object get(String name) {
        accepted.add(name);
        return values.get(name);
    }

    /** Throws {@link IllegalArgumentException} naming any keyword the environment did not read. */
    public void checkAllUsed() {
        for (String k : values.keySet()) {
            if (!accepted.contains(k)) {
                throw new IllegalArgumentException("unknown keyword argument '" + k + "' for " + owner
                        + "; accepted: " + (accepted.isEmpty() ? "none" : String.join(", ", accepted))
                        + Suggestions.didYouMean(k, accepted));
            }
        }
    }

    /** The values given, unmodified. */
    public Map<String, Object> asMap() {
        return Map.copyOf(values);
    }

    private IllegalArgumentException typeError(String name, String expected, Object v) {
        return new IllegalArgumentException("keyword argument '" + name + "' of " + owner + " must be " + expected
                + ", got " + v.getClass().getSimpleName() + " " + v);
    }
}
