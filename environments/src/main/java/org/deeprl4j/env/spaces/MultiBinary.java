package org.deeprl4j.env.spaces;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeprl4j.env.Rng;

/** Binary vectors (or arrays) of a fixed shape; elements are flat {@code int[]} of 0s and 1s. */
public final class MultiBinary implements Space<int[]> {
    private final int[] shape;
    private final int size;

    public MultiBinary(int... shape) {
        int s = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("MultiBinary shape must be positive, got " + Arrays.toString(shape));
            }
            s *= d;
        }
        if (shape.length == 0) {
            throw new IllegalArgumentException("MultiBinary needs a shape");
        }
        this.shape = shape.clone();
        this.size = s;
    }

    @Override
    public int[] sample(Rng rng) {
        int[] v = new int[size];
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextBoolean() ? 1 : 0;
        }
        return v;
    }

    @Override
    public boolean contains(Object x) {
        if (!(x instanceof int[] v) || v.length != size) {
            return false;
        }
        for (int b : v) {
            if (b != 0 && b != 1) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int flatDim() {
        return size;
    }

    @Override
    public void flatten(int[] value, float[] dst, int offset) {
        for (int i = 0; i < size; i++) {
            dst[offset + i] = value[i];
        }
    }

    @Override
    public int[] unflatten(float[] src, int offset) {
        int[] v = new int[size];
        for (int i = 0; i < size; i++) {
            v[i] = src[offset + i] >= 0.5f ? 1 : 0;
        }
        return v;
    }

    @Override
    public int[] fromJson(Object json) {
        return Spaces.intsFromJson(json, size, this);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "MultiBinary");
        m.put("n", shape.length == 1 ? shape[0] : Arrays.stream(shape).boxed().toList());
        m.put("shape", Arrays.stream(shape).boxed().toList());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiBinary m && Arrays.equals(m.shape, shape);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "MultiBinary(" + (shape.length == 1 ? Integer.toString(shape[0]) : Arrays.toString(shape)) + ")";
    }
}
