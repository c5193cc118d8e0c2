package org.deeprl4j.nn.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a parameter array's elements live in the network's flat parameter vector: element
 * {@code [i, j]} at {@code start + i * rowStride + j * colStride} (a vector is one row). DL4J's
 * parameter arrays are views of that vector: a dense layer's {@code W [nIn, nOut]} is stored
 * column-major ('f', strides {@code [1, nIn]}), its bias and a {@code LogStdLayer}'s vector
 * contiguously. Nothing is assumed: {@link #of} takes the offset and strides from the view and
 * checks every element against the view's own values.
 *
 * @param start     index of element {@code [0, 0]} in the flat vector
 * @param rowStride flat-index step from row i to row i + 1
 * @param colStride flat-index step from column j to column j + 1
 * @param rows      rows (1 for a vector)
 * @param cols      columns
 */
record ParamLayout(int start, int rowStride, int colStride, int rows, int cols) {

    /** The value of element {@code [i, j]} in a snapshot of the flat vector. */
    float get(float[] flat, int i, int j) {
        return flat[start + i * rowStride + j * colStride];
    }

    /**
     * The layout of {@code param} in {@code flat} (whose values are {@code snapshot}), or null if the
     * view does not share {@code flat}'s memory with a plain offset and strides, or any element reads
     * back differently.
     */
    static ParamLayout of(INDArray param, INDArray flat, float[] snapshot) {
        if (param == null || param.rank() < 1 || param.rank() > 2 || !contiguous(flat)
                || param.data().address() != flat.data().address() || flat.length() != snapshot.length) {
            return null;
        }
        int rows = param.rank() == 2 ? (int) param.size(0) : 1;
        int cols = (int) param.size(param.rank() - 1);
        long rowStride = param.rank() == 2 ? param.stride(0) : 0;
        long colStride = param.stride(param.rank() - 1);
        long start = param.offset() - flat.offset();
        long last = start + (rows - 1) * rowStride + (cols - 1) * colStride;
        if (start < 0 || last >= snapshot.length || rowStride < 0 || colStride < 0 || rowStride > snapshot.length
                || colStride > snapshot.length) {
            return null;
        }
        ParamLayout layout = new ParamLayout((int) start, (int) rowStride, (int) colStride, rows, cols);
        float[] expected = param.dup('c').data().asFloat(); // [rows * cols], row-major
        if (expected.length != rows * cols) {
            return null;
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (Float.floatToIntBits(layout.get(snapshot, i, j)) != Float.floatToIntBits(expected[i * cols + j])) {
                    return null;
                }
            }
        }
        return layout;
    }

    /** Whether {@code flat} is a vector {@code [n]} or {@code [1, n]} with unit stride. */
    private static boolean contiguous(INDArray flat) {
        return flat.rank() >= 1 && flat.rank() <= 2 && (flat.rank() == 1 || flat.size(0) == 1)
                && flat.stride(flat.rank() - 1) == 1;
    }

    /**
     * Copies the values of {@code flat} into {@code dst} (length {@code flat.length()}): a bulk copy
     * of the native memory when {@code flat} is a whole unit-stride buffer, else ND4J's element read.
     */
    static void read(INDArray flat, float[] dst) {
        if (contiguous(flat) && flat.offset() == 0 && flat.data().offset() == 0 && flat.data().length() == dst.length) {
            flat.data().asNioFloat().get(dst, 0, dst.length);
        } else {
            System.arraycopy(flat.toFloatVector(), 0, dst, 0, dst.length);
        }
    }

    /** Copies {@code src} (length {@code flat.length()}) into the native memory of {@code flat}. */
    static void write(float[] src, INDArray flat) {
        if (contiguous(flat) && flat.offset() == 0 && flat.data().offset() == 0 && flat.data().length() == src.length) {
            flat.data().asNioFloat().put(src, 0, src.length);
        } else {
            flat.assign(org.nd4j.linalg.factory.Nd4j.create(src, flat.shape(), 'c'));
        }
    }
}
