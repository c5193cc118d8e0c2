package org.deeprl4j.nn.fast;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision matrix products through OpenBLAS's {@code cblas_sgemm} (the library
 * ND4J itself computes with). Measured here for one thread: 30-36 GMAC/s for the shapes of RL
 * networks (64 x 256 x 256, 256 x 64 x 64, 128 x 120 x 84) against 10-20 for the auto-vectorized
 * Java loops, whose fixed cost is lower: {@link DenseOp} uses this from {@link #MIN_ROWS} rows up.
 * If the native library cannot be loaded, {@link #AVAILABLE} is false and the Java loops do all
 * the work.
 *
 * <p>JNI hands a Java array to native code as a copy, made before the call and copied back after
 * it, whole: a 64 x 256 x 256 product on Java arrays took 131 us against 114 us on native
 * operands. Layers therefore keep their weights in native memory ({@link Native}) and copy only
 * the rows a call reads or writes.
 */
final class Blas {
    /** Batches from this many rows go through OpenBLAS (acting batches of a few envs stay in Java). */
    static final int MIN_ROWS = 32;

    /** Whether OpenBLAS is loaded; false also when {@code -Ddeeprl4j.fastBlas=false}. */
    static final boolean AVAILABLE = load();

    private Blas() {
    }

    private static boolean load() {
        if ("false".equalsIgnoreCase(System.getProperty("deeprl4j.fastBlas"))) {
            return false;
        }
        try {
            float[] a = {1, 2};
            float[] b = {3, 4};
            float[] c = new float[1];
            gemm(false, true, 1, 1, 2, a, 2, b, 2, 0f, c, 1); // [1, 2] x [2, 1]
            return c[0] == 11f;
        } catch (Throwable e) { // UnsatisfiedLinkError, NoClassDefFoundError: no native library here
            return false;
        }
    }

    /**
     * {@code C[m, n] = op(A) op(B) + beta C}, all row-major, where {@code op(A)} is {@code [m, k]}
     * ({@code A} itself or, if {@code transA}, the transpose of {@code A [k, m]}) and likewise
     * {@code op(B)} is {@code [k, n]}; lda/ldb/ldc are the row lengths of the stored arrays.
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int lda, float[] b, int ldb,
                     float beta, float[] c, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
    }

    /** {@link #gemm(boolean, boolean, int, int, int, float[], int, float[], int, float, float[], int)} on native operands. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, FloatPointer a, int lda, FloatPointer b,
                     int ldb, float beta, FloatPointer c, int ldc) {
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, beta, c, ldc);
    }

    /** {@code sum p[i]^2} over the first {@code n} floats, accumulated in double (OpenBLAS's dsdot: 4.5 us for 65k). */
    static double sumOfSquares(FloatPointer p, int n) {
        return openblas_nolapack.cblas_dsdot(n, p, 1, p, 1);
    }

    /** A native float buffer that grows on demand (to at least twice its size), for the operands of {@link #gemm}. */
    static final class Native {
        private FloatPointer data;
        private long capacity;

        /** The buffer, holding at least {@code n} floats (contents undefined after it grew). */
        FloatPointer of(long n) {
            if (n > capacity) {
                if (data != null) {
                    data.close();
                }
                capacity = Math.max(n, 2 * capacity);
                data = new FloatPointer(capacity);
            }
            return data;
        }

        /** Copies {@code src[0, len)} in and returns the buffer. */
        FloatPointer from(float[] src, int len) {
            FloatPointer p = of(len);
            p.put(src, 0, len);
            return p;
        }

        /** Copies the first {@code len} floats out to {@code dst[off, off + len)}. */
        void to(float[] dst, int off, int len) {
            data.get(dst, off, len);
        }
    }
}
