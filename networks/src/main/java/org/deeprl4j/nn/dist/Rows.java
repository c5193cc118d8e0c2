package org.deeprl4j.nn.dist;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Conversions between {@code [rows, cols]} INDArrays and row-major Java arrays, with checks. */
final class Rows {
    private Rows() {
    }

    /**
     * The values of a {@code [rows, cols]} matrix, row-major, as doubles; every value must be finite.
     *
     * @param rows expected rows, or -1 for any
     * @param cols expected columns, or -1 for any
     */
    static double[] toDoubles(INDArray a, String name, long rows, long cols) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (a.rank() != 2 || (rows >= 0 && a.size(0) != rows) || (cols >= 0 && a.size(1) != cols)
                || a.size(0) == 0 || a.size(1) == 0) {
            throw new IllegalArgumentException(name + " must have shape [" + (rows < 0 ? "batch" : rows) + ", "
                    + (cols < 0 ? "n" : cols) + "] with positive sizes, got " + Arrays.toString(a.shape()));
        }
        double[] v = org.deeprl4j.nn.NdArrays.doubles(a); // [rows * cols], row-major
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " has a non-finite value " + v[i] + " at row "
                        + i / a.size(1) + ", column " + i % a.size(1));
            }
        }
        return v;
    }

    /**
     * The first {@code rows * cols} values of a row-major float buffer as doubles (exact, as a cast
     * of a FLOAT INDArray gives); every value must be finite.
     */
    static double[] toDoubles(float[] a, String name, int rows, int cols) {
        if (a == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (rows <= 0 || cols <= 0 || a.length < (long) rows * cols) {
            throw new IllegalArgumentException(name + " must hold [" + rows + ", " + cols
                    + "] values with positive sizes, got " + a.length + " values");
        }
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = a[i];
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + " has a non-finite value " + v[i] + " at row "
                        + i / cols + ", column " + i % cols);
            }
        }
        return v;
    }

    /** A {@code [rows, cols]} array of the given type holding the row-major values. */
    static INDArray matrix(double[] values, int rows, int cols, DataType type) {
        return Nd4j.create(values, new long[] {rows, cols}, 'c').castTo(type); // [rows, cols]
    }

    /** Checks an optional per-row array (null allowed) of length {@code rows}. */
    static void checkLength(double[] a, String name, int length) {
        if (a != null && a.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + ", got " + a.length);
        }
    }

    /** Checks that a value array is non-null, of the given length and finite. */
    static void checkValues(double[] a, String name, int length) {
        if (a == null || a.length != length) {
            throw new IllegalArgumentException(name + " must have length " + length + ", got "
                    + (a == null ? "null" : a.length));
        }
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException(name + " has a non-finite value " + a[i] + " at index " + i);
            }
        }
    }
}
