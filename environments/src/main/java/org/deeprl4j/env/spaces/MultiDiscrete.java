package org.deeprl4j.env.spaces;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.Rng;

/**
 * A vector of independent discrete values: element {@code i} lies in
 * {@code [start[i], start[i] + nvec[i])}. Elements are {@code int[]}.
 */
public final class MultiDiscrete implements Space<int[]> {
    private final int[] nvec;
    private final int[] start;

    public MultiDiscrete(int[] nvec, int[] start) {
        if (nvec.length == 0 || nvec.length != start.length) {
            throw new IllegalArgumentException("MultiDiscrete needs non-empty nvec and start of equal length, got "
                    + Arrays.toString(nvec) + " and " + Arrays.toString(start));
        }
        for (int n : nvec) {
            if (n <= 0) {
                throw new IllegalArgumentException("MultiDiscrete nvec must be positive, got " + Arrays.toString(nvec));
            }
        }
        this.nvec = nvec.clone();
        this.start = start.clone();
    }

    public MultiDiscrete(int... nvec) {
        this(nvec, new int[nvec.length]);
    }

    public int[] nvec() {
        return nvec.clone();
    }

    public int[] start() {
        return start.clone();
    }

    @Override
    public int[] sample(Rng rng) {
        int[] v = new int[nvec.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = start[i] + rng.nextInt(nvec[i]);
        }
        return v;
    }

    @Override
    public boolean contains(Object x) {
        if (!(x instanceof int[] v) || v.length != nvec.length) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            if (v[i] < start[i] || v[i] - start[i] >= nvec[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] shape() {
        return new int[] {nvec.length};
    }

    @Override
    public int flatDim() {
        return nvec.length;
    }

    @Override
    public void flatten(int[] value, float[] dst, int offset) {
        for (int i = 0; i < value.length; i++) {
            dst[offset + i] = value[i];
        }
    }

    @Override
    public int[] unflatten(float[] src, int offset) {
        int[] v = new int[nvec.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(src[offset + i]);
        }
        return v;
    }

    @Override
    public int[] fromJson(Object json) {
        return Spaces.intsFromJson(json, nvec.length, this);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "MultiDiscrete");
        m.put("shape", List.of(nvec.length));
        m.put("nvec", Arrays.stream(nvec).boxed().toList());
        if (Arrays.stream(start).anyMatch(s -> s != 0)) {
            m.put("start", Arrays.stream(start).boxed().toList());
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDiscrete m && Arrays.equals(m.nvec, nvec) && Arrays.equals(m.start, start);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(nvec) + Arrays.hashCode(start);
    }

    @Override
    public String toString() {
        return "MultiDiscrete(" + Arrays.toString(nvec) + ")";
    }
}
