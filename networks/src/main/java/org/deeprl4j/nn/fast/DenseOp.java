package org.deeprl4j.nn.fast;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A fully connected layer {@code y = act(x W + b)} (DL4J's {@code DenseLayer} and the dense part of
 * {@code OutputLayer}). Each {@code y[j]} is the float sum of {@code x[i] * W[i][j]} in order of i,
 * starting from 0, plus the bias afterwards as DL4J adds it; results do not depend on the batch
 * size. Two loop forms compute exactly that sum:
 * <ul>
 *   <li>wide layers ({@code nOut >= 8}): {@code W} kept as rows {@code W[i] = [nOut]} and
 *       {@code acc[j] += x[i] * W[i][j]} over contiguous j into a one-row accumulator, four i per
 *       pass with the same association as one at a time, then the row is copied out. C2 (JDK 17)
 *       vectorizes this loop only when no array in it is addressed with a variable offset, hence
 *       one array per row of W and the accumulator (measured: 3x faster for 64x64);</li>
 *   <li>narrow layers (heads with a few outputs): {@code W} kept transposed, one dot product per j,
 *       which avoids the overhead of a short vector loop per i.</li>
 * </ul>
 * Separate methods also keep C2's loop profiles of wide and narrow layers apart.
 */
final class DenseOp extends Op {
    /** Layers with fewer outputs use the dot-product form. */
    static final int NARROW = 8;

    private final int nIn;
    private final ParamLayout wLayout; // W [nIn, nOut] in the flat parameters
    private final ParamLayout bLayout; // b [nOut]; null = no bias
    private final boolean narrow;
    private final float[][] w;   // wide: [nIn][nOut]; narrow: transposed, [nOut][nIn]
    private final float[] b;     // [nOut]
    private final float[] acc;   // [nOut] one output row of the wide form
    private final Act act;
    private DenseGrad grad;      // backward buffers, created on the first backward call
    private final Blas.Native wT; // W^T [nOut, nIn] row-major = DL4J's column-major W, native, for OpenBLAS; null: Java loops only
    private Blas.Native xNative;  // [n, nIn] the input rows of the last OpenBLAS forward pass
    private Blas.Native yNative;  // [n, nOut] its output rows
    private float[] xKept;        // the Java array xNative was copied from (reused by the backward pass)
    private boolean rowsStale;   // w (and grad's W^T rows) older than wT
    private double weightGradSq = Double.NaN; // see weightGradSq()

    DenseOp(int out, int in, int nIn, int nOut, ParamLayout wLayout, ParamLayout bLayout, Act act) {
        super(out, new int[] {in}, nOut);
        boolean biasOk = bLayout == null || bLayout.rows() * bLayout.cols() == nOut;
        if (wLayout.rows() != nIn || wLayout.cols() != nOut || !biasOk) {
            throw new IllegalArgumentException("parameter layout does not match [" + nIn + ", " + nOut + "]");
        }
        this.nIn = nIn;
        this.wLayout = wLayout;
        this.bLayout = bLayout;
        this.narrow = nOut < NARROW;
        this.w = narrow ? new float[nOut][nIn] : new float[nIn][nOut];
        this.b = new float[nOut];
        this.acc = new float[nOut];
        this.act = act;
        boolean columnMajor = wLayout.rowStride() == 1 && wLayout.colStride() == nIn;
        this.wT = Blas.AVAILABLE && columnMajor ? new Blas.Native() : null;
    }

    /** Weight matrices from this size up go through OpenBLAS rather than rebuild their Java rows. */
    static final int BLAS_INSTEAD_OF_RELOAD = 16_384;

    /**
     * Small batches of a large layer with stale Java rows that go through OpenBLAS before the rows
     * are rebuilt: acting once between updates (one BLAS call costs less than regathering 65k
     * weights) stays on OpenBLAS, acting many times between updates (the zoo's DQN: 256 env steps
     * per training round) moves to the Java loops, 2 us per 256x256 row faster.
     */
    static final int STALE_CALLS_BEFORE_RELOAD = 8;

    private int staleCalls; // small-batch OpenBLAS calls since the last load

    /**
     * Whether a batch of n rows goes through OpenBLAS: from {@link Blas#MIN_ROWS} rows, and for
     * large layers whose Java rows are stale, for the first {@link #STALE_CALLS_BEFORE_RELOAD}
     * small batches after a load.
     */
    private boolean blas(int n) {
        if (wT == null) {
            return false;
        }
        if (n >= Blas.MIN_ROWS) {
            return true;
        }
        return rowsStale && nIn * width >= BLAS_INSTEAD_OF_RELOAD && staleCalls++ < STALE_CALLS_BEFORE_RELOAD;
    }

    @Override
    void load(float[] flat) {
        int nOut = width;
        if (bLayout != null) {
            for (int j = 0; j < nOut; j++) {
                b[j] = bLayout.get(flat, 0, j);
            }
        }
        if (wT != null) {
            wT.of((long) nIn * nOut).put(flat, wLayout.start(), nIn * nOut); // DL4J stores W column-major: W^T row-major
            rowsStale = true; // the Java loops' copies are refreshed from wT when next needed
            staleCalls = 0;
            return;
        }
        loadRows(flat, wLayout);
    }

    /** Fills the Java loops' weight rows (and W^T of the backward pass) from {@code src} laid out as {@code layout}. */
    private void loadRows(float[] src, ParamLayout layout) {
        int nOut = width;
        if (narrow) {
            for (int j = 0; j < nOut; j++) {
                float[] row = w[j];
                for (int i = 0; i < nIn; i++) {
                    row[i] = layout.get(src, i, j);
                }
            }
        } else {
            for (int i = 0; i < nIn; i++) {
                float[] row = w[i];
                for (int j = 0; j < nOut; j++) {
                    row[j] = layout.get(src, i, j);
                }
            }
        }
        if (grad != null) {
            grad.loadTransposed(w);
        }
        rowsStale = false;
    }

    /** Refreshes the Java loops' weights from W^T if a load went only to W^T. */
    private void javaRows() {
        if (rowsStale) {
            float[] t = new float[nIn * width];
            wT.to(t, 0, t.length);
            loadRows(t, new ParamLayout(0, 1, nIn, nIn, width)); // W^T [nOut, nIn] row-major = column-major W
        }
    }

    @Override
    void backward(float[][] slots, float[][] grads, int n, float[] paramGrad) {
        if (grad == null) {
            grad = new DenseGrad(nIn, width, narrow);
            javaRows();
            grad.loadTransposed(w);
        }
        float[] dz = grads[out];
        act.backward(slots[out], dz, 0, n * width); // dL/dz = dL/dy * act'(z)
        if (blas(n)) {
            float[] x = slots[in[0]];
            // the forward pass's native copy of x serves if it was this array (the trainer keeps its inputs)
            FloatPointer xn = x == xKept && xNative != null ? xNative.of(0) : null;
            weightGradSq = grad.backwardBlas(x, xn, dz, grads[in[0]], n, wT.of(0), paramGrad, wLayout, bLayout);
            return;
        }
        weightGradSq = Double.NaN;
        javaRows();
        grad.backward(slots[in[0]], dz, grads[in[0]], n, narrow ? w : null);
        grad.scatter(paramGrad, wLayout, bLayout);
    }

    /**
     * The sum of squares of the weight gradient of the last backward pass if OpenBLAS computed it
     * (then it fills {@code [weightStart(), weightStart() + weightCount())} of the flat gradient),
     * NaN otherwise.
     */
    double weightGradSq() {
        return weightGradSq;
    }

    /** Start of W in the flat parameter vector (contiguous when {@link #weightGradSq} is not NaN). */
    int weightStart() {
        return wLayout.start();
    }

    /** Number of weights, {@code nIn * nOut}. */
    int weightCount() {
        return nIn * width;
    }

    @Override
    boolean hasBackward() {
        return act.invertible();
    }

    @Override
    void forward(float[][] slots, int n) {
        if (blas(n)) {
            forwardBlas(slots[in[0]], slots[out], n);
        } else {
            xKept = null;
            javaRows();
            forwardJava(slots[in[0]], slots[out], n);
        }
    }

    /** {@code y = act(x W + b)} through OpenBLAS (a separate method keeps the Java loops' JIT profile apart). */
    private void forwardBlas(float[] x, float[] y, int n) {
        int nOut = width;
        if (xNative == null) {
            xNative = new Blas.Native();
            yNative = new Blas.Native();
        }
        FloatPointer yn = yNative.of((long) n * nOut);
        Blas.gemm(false, true, n, nOut, nIn, xNative.from(x, n * nIn), nIn, wT.of(0), nIn, 0f, yn, nOut); // [n, nIn] x [nIn, nOut]
        yNative.to(y, 0, n * nOut);
        xKept = x;
        if (bLayout == null || narrow) {
            for (int r = 0; bLayout != null && r < n; r++) {
                for (int j = 0; j < nOut; j++) {
                    y[r * nOut + j] += b[j];
                }
            }
            act.apply(y, 0, n * nOut);
            return;
        }
        for (int r = 0; r < n; r++) { // through a row at offset 0: C2 leaves y[yo + j] += b[j] scalar
            int yo = r * nOut;
            System.arraycopy(y, yo, acc, 0, nOut);
            for (int j = 0; j < nOut; j++) {
                acc[j] += b[j];
            }
            act.apply(acc, 0, nOut);
            System.arraycopy(acc, 0, y, yo, nOut);
        }
    }

    /** {@code y = act(x W + b)} with the Java loops, row by row. */
    private void forwardJava(float[] x, float[] y, int n) {
        int nOut = width;
        for (int r = 0; r < n; r++) {
            int yo = r * nOut;
            if (narrow) {
                narrowRow(x, r * nIn, y, yo);
                if (bLayout != null) {
                    for (int j = 0; j < nOut; j++) {
                        y[yo + j] += b[j];
                    }
                }
            } else {
                wideRow(x, r * nIn);
                System.arraycopy(acc, 0, y, yo, nOut);
            }
        }
        act.apply(y, 0, n * nOut);
    }

    /** {@code acc[j] = sum_i x[xo + i] * W[i][j] (+ b[j])}, vectorized over j. */
    private void wideRow(float[] x, int xo) {
        weightedRowSum(acc, width, x, xo, w, nIn);
        if (bLayout != null) {
            for (int j = 0; j < width; j++) {
                acc[j] += b[j];
            }
        }
    }

    /**
     * {@code acc[0, len) = sum_k c[off + k] * rows[k][0, len)} for {@code k < count}, in order of k
     * from 0, four rows per pass with the same association as one at a time (a dense layer's output
     * row from W's rows, and its input gradient from W^T's rows). C2 vectorizes the inner loop
     * because every array in it is addressed without an offset.
     */
    static void weightedRowSum(float[] acc, int len, float[] c, int off, float[][] rows, int count) {
        Arrays.fill(acc, 0, len, 0f);
        int k = 0;
        for (; k + 3 < count; k += 4) {
            float c0 = c[off + k];
            float c1 = c[off + k + 1];
            float c2 = c[off + k + 2];
            float c3 = c[off + k + 3];
            float[] r0 = rows[k];
            float[] r1 = rows[k + 1];
            float[] r2 = rows[k + 2];
            float[] r3 = rows[k + 3];
            for (int j = 0; j < len; j++) {
                acc[j] = acc[j] + c0 * r0[j] + c1 * r1[j] + c2 * r2[j] + c3 * r3[j]; // left to right
            }
        }
        for (; k < count; k++) {
            float ck = c[off + k];
            float[] rk = rows[k];
            for (int j = 0; j < len; j++) {
                acc[j] += ck * rk[j];
            }
        }
    }

    /** The same sums as {@link #wideRow}, one dot product per output. */
    private void narrowRow(float[] x, int xo, float[] y, int yo) {
        for (int j = 0; j < width; j++) {
            float[] wj = w[j];
            float s = 0f;
            for (int i = 0; i < nIn; i++) {
                s += x[xo + i] * wj[i];
            }
            y[yo + j] = s;
        }
    }
}
