package org.deeprl4j.env.spaces;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.env.Rng;

/**
 * A dictionary of named sub-spaces; elements are {@code Map<String, Object>} with exactly the
 * same keys. Keys keep insertion order, which is also the flattening order.
 */
public final class Dict implements Space<Map<String, Object>> {
    private final Map<String, Space<?>> spaces;
    private final int flatDim;

    public Dict(Map<String, ? extends Space<?>> spaces) {
        if (spaces.isEmpty()) {
            throw new IllegalArgumentException("Dict space needs at least one sub-space");
        }
        this.spaces = Collections.unmodifiableMap(new LinkedHashMap<>(spaces));
        this.flatDim = this.spaces.values().stream().mapToInt(Space::flatDim).sum();
    }

    /** The sub-spaces in order. */
    public Map<String, Space<?>> spaces() {
        return spaces;
    }

    @Override
    public Map<String, Object> sample(Rng rng) {
        Map<String, Object> m = new LinkedHashMap<>();
        spaces.forEach((k, s) -> m.put(k, s.sample(rng)));
        return m;
    }

    @Override
    public boolean contains(Object x) {
        if (!(x instanceof Map<?, ?> m) || m.size() != spaces.size()) {
            return false;
        }
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            if (!e.getValue().contains(m.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public int flatDim() {
        return flatDim;
    }

    @Override
    public void flatten(Map<String, Object> value, float[] dst, int offset) {
        int o = offset;
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            flattenOne(e.getValue(), value.get(e.getKey()), dst, o);
            o += e.getValue().flatDim();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void flattenOne(Space<T> space, Object v, float[] dst, int offset) {
        space.flatten((T) v, dst, offset);
    }

    @Override
    public Map<String, Object> unflatten(float[] src, int offset) {
        Map<String, Object> m = new LinkedHashMap<>();
        int o = offset;
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            m.put(e.getKey(), e.getValue().unflatten(src, o));
            o += e.getValue().flatDim();
        }
        return m;
    }

    @Override
    public Map<String, Object> fromJson(Object json) {
        if (!(json instanceof Map<?, ?> in)) {
            throw new IllegalArgumentException(Spaces.format(json) + " is not an object for " + this);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, Space<?>> e : spaces.entrySet()) {
            if (!in.containsKey(e.getKey())) {
                throw new IllegalArgumentException("missing key '" + e.getKey() + "' for " + this);
            }
            m.put(e.getKey(), e.getValue().fromJson(in.get(e.getKey())));
        }
        if (in.size() != spaces.size()) {
            throw new IllegalArgumentException("unexpected keys " + in.keySet() + " for " + this);
        }
        return m;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Dict");
        Map<String, Object> subs = new LinkedHashMap<>();
        spaces.forEach((k, s) -> subs.put(k, s.toJson()));
        m.put("spaces", subs);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dict d && d.spaces.equals(spaces);
    }

    @Override
    public int hashCode() {
        return spaces.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Dict(");
        spaces.forEach((k, s) -> sb.append(sb.length() > 5 ? ", " : "").append('\'').append(k).append("': ").append(s));
        return sb.append(')').toString();
    }
}
