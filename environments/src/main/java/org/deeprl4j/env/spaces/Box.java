package org.deeprl4j.env.spaces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deeprl4j.env.Rng;

/**
 * A (possibly unbounded) box in R^n: Gymnasium's {@code Box(low, high, shape, dtype)}.
 *
 * <p>Elements are flat row-major arrays: {@code float[]} for {@link DType#FLOAT32} boxes and
 * {@code double[]} for {@link DType#FLOAT64}. Bounds may be infinite. NaN is never contained.
 * Sampling follows Gymnasium: uniform on bounded dimensions, shifted exponential on half-bounded
 * ones, standard normal on unbounded ones.
 *
 * @param <T> {@code float[]} or {@code double[]}
 */
public final class Box<T> implements Space<T> {

    /** Element type of a box, binding the Java array type. */
    public static final class DType<T> implements java.io.Serializable {
        public static final DType<float[]> FLOAT32 = new DType<>("float32");
        public static final DType<double[]> FLOAT64 = new DType<>("float64");
        private final String name;

        private DType(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }

        /** Deserialized dtypes are the canonical instances, so identity comparisons keep working. */
        private Object readResolve() {
            return name.equals(FLOAT64.name) ? FLOAT64 : FLOAT32;
        }
    }

    private final int[] shape;
    private final double[] low;
    private final double[] high;
    private final DType<T> dtype;

    private Box(double[] low, double[] high, int[] shape, DType<T> dtype) {
        int size = 1;
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("Box shape must be positive, got " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (low.length != size || high.length != size) {
            throw new IllegalArgumentException("Box bounds have " + low.length + "/" + high.length
                    + " elements but shape " + Arrays.toString(shape) + " needs " + size);
        }
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("Box bound " + i + " is invalid: low=" + low[i] + " high=" + high[i]);
            }
        }
        this.shape = shape.clone();
        this.low = low;
        this.high = high;
        this.dtype = dtype;
    }

    /** A float32 box with per-element bounds, shape {@code [low.length]}. */
    public static Box<float[]> of(float[] low, float[] high) {
        return of(low, high, low.length);
    }

    /** A float32 box with per-element bounds (flat, row-major) and the given shape. */
    public static Box<float[]> of(float[] low, float[] high, int... shape) {
        return new Box<>(toDouble(low), toDouble(high), shape, DType.FLOAT32);
    }

    /** A float32 box with the same bounds for every element. */
    public static Box<float[]> of(float low, float high, int... shape) {
        int size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        double[] lo = new double[size];
        double[] hi = new double[size];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box<>(lo, hi, shape, DType.FLOAT32);
    }

    /** A float64 box with per-element bounds (flat, row-major) and the given shape. */
    public static Box<double[]> float64(double[] low, double[] high, int... shape) {
        return new Box<>(low.clone(), high.clone(), shape.length == 0 ? new int[] {low.length} : shape, DType.FLOAT64);
    }

    public DType<T> dtype() {
        return dtype;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int flatDim() {
        return low.length;
    }

    /** Lower bounds, flat (may hold -infinity). */
    public double[] low() {
        return low.clone();
    }

    /** Upper bounds, flat (may hold +infinity). */
    public double[] high() {
        return high.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    /** True when every dimension has finite bounds on both sides. */
    public boolean isBounded() {
        for (int i = 0; i < low.length; i++) {
            if (Double.isInfinite(low[i]) || Double.isInfinite(high[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T sample(Rng rng) {
        int n = low.length;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            boolean below = !Double.isInfinite(low[i]);
            boolean above = !Double.isInfinite(high[i]);
            if (below && above) {
                v[i] = rng.nextDouble(low[i], high[i]);
            } else if (below) {
                v[i] = low[i] + rng.nextExponential();
            } else if (above) {
                v[i] = high[i] - rng.nextExponential();
            } else {
                v[i] = rng.nextGaussian();
            }
        }
        if (dtype == DType.FLOAT64) {
            return (T) v;
        }
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            // the float32 cast can round to just outside a bound; clip as Gymnasium's cast does not
            f[i] = (float) Math.min(Math.max(v[i], low[i]), high[i]);
        }
        return (T) f;
    }

    @Override
    public boolean contains(Object x) {
        if (dtype == DType.FLOAT32 && x instanceof float[] f && f.length == low.length) {
            for (int i = 0; i < f.length; i++) {
                if (!(f[i] >= low[i] && f[i] <= high[i])) { // false for NaN
                    return false;
                }
            }
            return true;
        }
        if (dtype == DType.FLOAT64 && x instanceof double[] d && d.length == low.length) {
            for (int i = 0; i < d.length; i++) {
                if (!(d[i] >= low[i] && d[i] <= high[i])) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void flatten(T value, float[] dst, int offset) {
        if (value instanceof float[] f) {
            System.arraycopy(f, 0, dst, offset, f.length);
        } else {
            double[] d = (double[]) value;
            for (int i = 0; i < d.length; i++) {
                dst[offset + i] = (float) d[i];
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T unflatten(float[] src, int offset) {
        if (dtype == DType.FLOAT32) {
            return (T) Arrays.copyOfRange(src, offset, offset + low.length);
        }
        double[] d = new double[low.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = src[offset + i];
        }
        return (T) d;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T fromJson(Object json) {
        List<Number> flat = new ArrayList<>();
        collect(json, flat);
        if (flat.size() != low.length) {
            throw new IllegalArgumentException(Spaces.format(json) + " has " + flat.size()
                    + " numbers but " + this + " needs " + low.length);
        }
        if (dtype == DType.FLOAT64) {
            double[] d = new double[flat.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = flat.get(i).doubleValue();
            }
            return (T) d;
        }
        float[] f = new float[flat.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = flat.get(i).floatValue();
        }
        return (T) f;
    }

    private void collect(Object json, List<Number> out) {
        if (json instanceof Number num) {
            out.add(num);
        } else if (json instanceof List<?> list) {
            for (Object o : list) {
                collect(o, out);
            }
        } else if (json instanceof float[] f) {
            for (float v : f) {
                out.add(v);
            }
        } else if (json instanceof double[] d) {
            for (double v : d) {
                out.add(v);
            }
        } else {
            throw new IllegalArgumentException(Spaces.format(json) + " is not a number or list of numbers for " + this);
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Box");
        m.put("shape", Arrays.stream(shape).boxed().toList());
        m.put("low", Spaces.jsonBounds(low));
        m.put("high", Spaces.jsonBounds(high));
        m.put("dtype", dtype.toString());
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box<?> b && b.dtype == dtype && Arrays.equals(b.shape, shape)
                && Arrays.equals(b.low, low) && Arrays.equals(b.high, high);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(shape), Arrays.hashCode(low), Arrays.hashCode(high), dtype.name);
    }

    @Override
    public String toString() {
        String shp = "(" + Arrays.stream(shape).mapToObj(Integer::toString).reduce((a, b) -> a + ", " + b).orElse("")
                + (shape.length == 1 ? ",)" : ")");
        return "Box(" + Spaces.formatBound(low) + ", " + Spaces.formatBound(high) + ", " + shp + ", " + dtype + ")";
    }

    private static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }
}
