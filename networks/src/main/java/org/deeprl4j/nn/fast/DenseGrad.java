package org.deeprl4j.nn.fast;

import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;

/**
 * Back-propagation buffers and loops of a {@link DenseOp} {@code z = x W + b}: given
 * {@code dz = dL/dz [n, nOut]}, {@code dW = x^T dz}, {@code db = sum_rows dz} and
 * {@code dx = dz W^T}. Every inner loop runs over a contiguous row of a Java array with a fixed
 * offset so that C2 vectorizes it (the rows of x and dz are copied into scratch rows first):
 * {@code dW} is kept as rows {@code [nIn][nOut]} (wide layers) or {@code [nOut][nIn]} (narrow
 * heads), and {@code dx} is accumulated from rows of {@code W^T}.
 */
final class DenseGrad {
    private final int nIn;
    private final int nOut;
    private final boolean narrow;
    private final float[][] gw;   // wide: [nIn][nOut]; narrow: [nOut][nIn]
    private final float[] gb;     // [nOut]
    private final float[][] wt;   // wide layers: W^T [nOut][nIn] (narrow layers pass their own rows)
    private final float[][] x4;   // [4][nIn] up to four rows of x
    private final float[][] dz4;  // [4][nOut] up to four rows of dz
    private final float[] dxr;    // [nIn] one row of dx

    DenseGrad(int nIn, int nOut, boolean narrow) {
        this.nIn = nIn;
        this.nOut = nOut;
        this.narrow = narrow;
        this.gw = narrow ? new float[nOut][nIn] : new float[nIn][nOut];
        this.gb = new float[nOut];
        this.wt = narrow ? null : new float[nOut][nIn];
        this.x4 = new float[4][nIn];
        this.dz4 = new float[4][nOut];
        this.dxr = new float[nIn];
    }

    /** Refreshes W^T from the wide layer's rows {@code w [nIn][nOut]}. */
    void loadTransposed(float[][] w) {
        if (narrow) {
            return;
        }
        for (int i = 0; i < nIn; i++) {
            float[] row = w[i];
            for (int j = 0; j < nOut; j++) {
                wt[j][i] = row[j];
            }
        }
    }

    /**
     * Computes dW and db of rows {@code [0, n)} and adds {@code dz W^T} into {@code dx} (if not null).
     *
     * @param narrowW the narrow layer's weight rows {@code W^T [nOut][nIn]}; null for wide layers
     */
    void backward(float[] x, float[] dz, float[] dx, int n, float[][] narrowW) {
        for (float[] row : gw) {
            Arrays.fill(row, 0f);
        }
        Arrays.fill(gb, 0f);
        float[][] wRows = narrow ? narrowW : wt; // W^T [nOut][nIn]
        int r = 0;
        if (!narrow) {
            for (; r + 3 < n; r += 4) {
                wideWeightGrad4(x, dz, r); // four rows per pass over dW: a quarter of the loads and stores
            }
        }
        for (; r < n; r++) {
            System.arraycopy(dz, r * nOut, dz4[0], 0, nOut);
            System.arraycopy(x, r * nIn, x4[0], 0, nIn);
            float[] dzr = dz4[0];
            float[] xr = x4[0];
            for (int j = 0; j < nOut; j++) {
                gb[j] += dzr[j];
            }
            if (narrow) {
                for (int j = 0; j < nOut; j++) {
                    float d = dzr[j];
                    float[] g = gw[j];
                    for (int i = 0; i < nIn; i++) {
                        g[i] += d * xr[i];
                    }
                }
            } else {
                for (int i = 0; i < nIn; i++) {
                    float xi = xr[i];
                    float[] g = gw[i];
                    for (int j = 0; j < nOut; j++) {
                        g[j] += xi * dzr[j];
                    }
                }
            }
        }
        if (dx != null) {
            for (r = 0; r < n; r++) {
                DenseOp.weightedRowSum(dxr, nIn, dz, r * nOut, wRows, nOut); // dx[r] = dz[r] W^T
                int o = r * nIn;
                for (int i = 0; i < nIn; i++) {
                    dx[o + i] += dxr[i];
                }
            }
        }
    }

    /** dW and db of rows {@code [r, r + 4)} of a wide layer. */
    private void wideWeightGrad4(float[] x, float[] dz, int r) {
        for (int k = 0; k < 4; k++) {
            System.arraycopy(dz, (r + k) * nOut, dz4[k], 0, nOut);
            System.arraycopy(x, (r + k) * nIn, x4[k], 0, nIn);
        }
        float[] d0 = dz4[0];
        float[] d1 = dz4[1];
        float[] d2 = dz4[2];
        float[] d3 = dz4[3];
        for (int j = 0; j < nOut; j++) {
            gb[j] = gb[j] + d0[j] + d1[j] + d2[j] + d3[j];
        }
        for (int i = 0; i < nIn; i++) {
            float a = x4[0][i];
            float b = x4[1][i];
            float c = x4[2][i];
            float e = x4[3][i];
            float[] g = gw[i];
            for (int j = 0; j < nOut; j++) {
                g[j] = g[j] + a * d0[j] + b * d1[j] + c * d2[j] + e * d3[j];
            }
        }
    }

    /**
     * The same gradients through OpenBLAS, written straight into the flat gradient: {@code dW^T = dz^T x}
     * lands in DL4J's column-major layout of W ({@code wT} is W^T {@code [nOut, nIn]}, the column-major
     * W), {@code dx += dz W^T}.
     *
     * @param xNative x already in native memory, or null to copy it
     * @param wT W^T in native memory
     * @return the sum of squares of dW (for the gradient norm, computed while dW is in native memory)
     */
    double backwardBlas(float[] x, FloatPointer xNative, float[] dz, float[] dx, int n, FloatPointer wT,
                      float[] paramGrad, ParamLayout wLayout, ParamLayout bLayout) {
        if (dzNative == null) {
            dzNative = new Blas.Native();
            xCopy = new Blas.Native();
            gwNative = new Blas.Native();
            dxNative = new Blas.Native();
        }
        FloatPointer dzn = dzNative.from(dz, n * nOut);
        FloatPointer xn = xNative != null ? xNative : xCopy.from(x, n * nIn);
        int len = nIn * nOut;
        Blas.gemm(true, false, nOut, nIn, n, dzn, nOut, xn, nIn, 0f, gwNative.of(len), nIn); // [nOut, n] x [n, nIn]
        gwNative.to(paramGrad, wLayout.start(), len);
        double weightSq = Blas.sumOfSquares(gwNative.of(len), len);
        if (bLayout != null) {
            Arrays.fill(gb, 0f);
            float[] row = dz4[0];
            for (int r = 0; r < n; r++) { // through a row at offset 0, which C2 vectorizes
                System.arraycopy(dz, r * nOut, row, 0, nOut);
                for (int j = 0; j < nOut; j++) {
                    gb[j] += row[j];
                }
            }
            for (int j = 0; j < nOut; j++) {
                paramGrad[bLayout.start() + j * bLayout.colStride()] = gb[j];
            }
        }
        if (dx != null) {
            FloatPointer dxn = dxNative.from(dx, n * nIn);
            Blas.gemm(false, false, n, nIn, nOut, dzn, nOut, wT, nIn, 1f, dxn, nIn); // dx += [n, nOut] x [nOut, nIn]
            dxNative.to(dx, 0, n * nIn);
        }
        return weightSq;
    }

    private Blas.Native dzNative; // [n, nOut]
    private Blas.Native xCopy;    // [n, nIn] when the forward pass's copy is not at hand
    private Blas.Native gwNative; // [nOut, nIn]
    private Blas.Native dxNative; // [n, nIn]

    /** Writes dW and db into the flat gradient at the parameters' positions. */
    void scatter(float[] paramGrad, ParamLayout wLayout, ParamLayout bLayout) {
        int start = wLayout.start();
        int rs = wLayout.rowStride();
        int cs = wLayout.colStride();
        if (rs == 1) { // DL4J's column-major W: write the flat vector in order, column by column
            for (int j = 0; j < nOut; j++) {
                int o = start + j * cs;
                if (narrow) {
                    System.arraycopy(gw[j], 0, paramGrad, o, nIn);
                } else {
                    for (int i = 0; i < nIn; i++) {
                        paramGrad[o + i] = gw[i][j];
                    }
                }
            }
        } else {
            for (int i = 0; i < nIn; i++) {
                for (int j = 0; j < nOut; j++) {
                    paramGrad[start + i * rs + j * cs] = narrow ? gw[j][i] : gw[i][j];
                }
            }
        }
        if (bLayout != null) {
            for (int j = 0; j < nOut; j++) {
                paramGrad[bLayout.start() + j * bLayout.colStride()] = gb[j];
            }
        }
    }
}
