package org.deeprl4j.env.spaces;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.env.Rng;

/**
 * The integers {@code start, start+1, ..., start+n-1}; elements are {@code Integer}.
 *
 * @param n number of elements, positive
 * @param start smallest element (Gymnasium's {@code start}, default 0)
 */
public record Discrete(int n, int start) implements Space<Integer> {
    public Discrete {
        if (n <= 0) {
            throw new IllegalArgumentException("Discrete n must be positive, got " + n);
        }
    }

    public Discrete(int n) {
        this(n, 0);
    }

    @Override
    public Integer sample(Rng rng) {
        return start + rng.nextInt(n);
    }

    @Override
    public boolean contains(Object x) {
        long v;
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
            v = ((Number) x).longValue();
        } else {
            return false;
        }
        return v >= start && v < (long) start + n;
    }

    /** Fast check for a primitive int. */
    public boolean contains(int x) {
        return x >= start && x - start < n;
    }

    @Override
    public int[] shape() {
        return new int[0];
    }

    @Override
    public int flatDim() {
        return 1;
    }

    @Override
    public void flatten(Integer value, float[] dst, int offset) {
        dst[offset] = value;
    }

    @Override
    public Integer unflatten(float[] src, int offset) {
        return Math.round(src[offset]);
    }

    @Override
    public Integer fromJson(Object json) {
        if (json instanceof Number num && num.doubleValue() == num.intValue()) {
            return num.intValue();
        }
        if (json instanceof java.util.List<?> list && list.size() == 1) {
            return fromJson(list.get(0));
        }
        throw new IllegalArgumentException(Spaces.format(json) + " is not an integer for " + this);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Discrete");
        m.put("n", n);
        if (start != 0) {
            m.put("start", start);
        }
        return m;
    }

    @Override
    public String toString() {
        return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
    }
}
