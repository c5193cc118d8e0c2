package org.deeprl4j.env.classic;

/**
 * NumPy's float32 {@code np.sin}/{@code np.cos}, bit for bit.
 *
 * <p>NumPy does not call the C library for float32 sine and cosine: on CPUs with FMA (AVX2,
 * AVX-512, NEON) it runs its own SIMD kernel, for arrays and scalars alike, which differs from the
 * float32-rounded exact value in about 0.05% of arguments. This is that kernel (unchanged from
 * NumPy 1.22 to 2.4): Cody-Waite reduction by pi/2 with three float constants, then Myklebust's
 * polynomials, every multiply-add fused. Checked against NumPy 2.4.6 on 1,500,000 arguments with
 * no difference. For |x| beyond the kernel's range (117435.992 for sin, 71476.0625 for cos) NumPy
 * calls the C library's {@code sinf}/{@code cosf}; this class then rounds {@link GlibcMath}'s
 * double result, which may differ from glibc's {@code sinf}/{@code cosf} in the last bit.
 */
public final class NumpyFloat32 {
    private static final float TWO_OVER_PI = 0x1.45f306p-1f;
    private static final float PIO2_HIGH = -0x1.921fb0p+00f;
    private static final float PIO2_MED = -0x1.5110b4p-22f;
    private static final float PIO2_LOW = -0x1.846988p-48f;
    private static final float RINT_MAGIC = 0x1.800000p+23f;

    private NumpyFloat32() {
    }

    /** NumPy's {@code np.sin} on a float32. */
    public static float sin(float x) {
        if (!(Math.abs(x) <= 117435.992f)) {
            return Float.isNaN(x) ? x : (float) GlibcMath.sin(x);
        }
        return kernel(x, 0);
    }

    /** NumPy's {@code np.cos} on a float32. */
    public static float cos(float x) {
        if (!(Math.abs(x) <= 71476.0625f)) {
            return Float.isNaN(x) ? x : (float) GlibcMath.cos(x);
        }
        return kernel(x, 1);
    }

    /** sin(x) for quadrantShift 0, cos(x) for 1. */
    private static float kernel(float x, int quadrantShift) {
        float quadrant = x * TWO_OVER_PI;
        quadrant = (quadrant + RINT_MAGIC) - RINT_MAGIC; // round to nearest integer
        float r = Math.fma(quadrant, PIO2_HIGH, x);
        r = Math.fma(quadrant, PIO2_MED, r);
        r = Math.fma(quadrant, PIO2_LOW, r);
        float r2 = r * r;
        int q = (int) quadrant + quadrantShift;
        float v = (q & 1) == 0 ? sinPoly(r, r2) : cosPoly(r2);
        return (q & 2) == 2 ? 0.0f - v : v;
    }

    /** sin on [-pi/4, pi/4]. */
    private static float sinPoly(float x, float x2) {
        float p = Math.fma(0x1.7d3bbcp-19f, x2, -0x1.a06bbap-13f);
        p = Math.fma(p, x2, 0x1.11119ap-07f);
        p = Math.fma(p, x2, -0x1.555556p-03f);
        p = Math.fma(p, x2, 0.0f);
        return Math.fma(p, x, x);
    }

    /** cos on [-pi/4, pi/4]. */
    private static float cosPoly(float x2) {
        float p = Math.fma(0x1.98e616p-16f, x2, -0x1.6c06dcp-10f);
        p = Math.fma(p, x2, 0x1.55553cp-05f);
        p = Math.fma(p, x2, -0x1.000000p-01f);
        return Math.fma(p, x2, 0x1.000000p+00f);
    }
}
