package org.deeprl4j.env.classic;

import static org.deeprl4j.env.classic.GlibcMathTables.SIN_COS;

/**
 * The C library's {@code sin}, {@code cos}, {@code pow(x, 2)} and {@code powf(x, 2)}, bit for bit,
 * so environments match Gymnasium to the last float.
 *
 * <p>Why: CPython's {@code math.cos}, NumPy's float64 {@code np.cos}/{@code np.sin} and the
 * {@code **} operator on floats all call the C library. Measured against glibc 2.36 on x86-64
 * (2,000,000 arguments for sin/cos, 2,000,000 for pow): {@link StrictMath} (fdlibm) differs in
 * about 2.7% of sin/cos calls, {@link Math} in about 0.2%, a correctly rounded sin/cos in about
 * 0.1%, and {@code x * x} differs from glibc's {@code pow(x, 2)} in about 0.08%. These methods
 * differed in none. They reproduce glibc 2.28+ as built for CPUs with FMA (the x86-64 ifunc variant
 * chosen on every CPU since 2013, and aarch64), including the multiply-adds GCC fuses there; they
 * use only {@link Math#fma} and plain double arithmetic, so they give the same bits on every JVM.
 * ({@code Math.fma} is slow on CPUs without an FMA instruction, but still exact.)
 *
 * <p>Algorithms: sin/cos are those of glibc's {@code dbl-64/s_sin.c} (IBM Accurate Mathematical
 * Library, LGPL-2.1+): a table of sin/cos at k/128 plus short polynomials, with Cody-Waite
 * reduction by pi/2 for {@code |x| < 105414350}; beyond that this class falls back to {@link StrictMath}
 * (glibc would use its Payne-Hanek {@code branred}). {@code pow}/{@code powf} are ARM's
 * optimized-routines (MIT licensed) specialised to the exponent 2: a table-driven log in extended
 * precision, doubled, then a table-driven exp.
 */
public final class GlibcMath {
    // s_sin.c / usncs.h constants.
    private static final double S1 = -0x1.5555555555555p-3;
    private static final double S2 = 0x1.1111111110ECEp-7;
    private static final double S3 = -0x1.A01A019DB08B8p-13;
    private static final double S4 = 0x1.71DE27B9A7ED9p-19;
    private static final double S5 = -0x1.ADDFFC2FCDF59p-26;
    private static final double BIG = 0x1.8000000000000p45;
    private static final double HP0 = 0x1.921FB54442D18p0;
    private static final double HP1 = 0x1.1A62633145C07p-54;
    private static final double MP1 = 0x1.921FB58000000p0;
    private static final double MP2 = -0x1.DDE973C000000p-27;
    private static final double PP3 = -0x1.CB3B398000000p-55;
    private static final double PP4 = -0x1.d747f23e32ed7p-83;
    private static final double HPINV = 0x1.45F306DC9C883p-1;
    private static final double TOINT = 0x1.8000000000000p52;
    private static final double SN3 = -1.66666666666664880952546298448555E-01;
    private static final double SN5 = 8.33333214285722277379541354343671E-03;
    private static final double CS2 = 4.99999999999999999999950396842453E-01;
    private static final double CS4 = -4.16666666666664434524222570944589E-02;
    private static final double CS6 = 1.38888874007937613028114285595617E-03;

    private GlibcMath() {
    }

    /** glibc's {@code sin(x)}: Python's {@code math.sin} and NumPy's float64 {@code np.sin}. */
    public static double sin(double x) {
        int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e500000) { // |x| < 2^-26: sin(x) = x
            return x;
        } else if (k < 0x3feb6000) { // |x| < 0.855469
            return doSin(x, 0);
        } else if (k < 0x400368fd) { // |x| < 2.426265: sin(x) = cos(pi/2 - |x|) with x's sign
            return Math.copySign(doCos(HP0 - Math.abs(x), HP1), x);
        } else if (k < 0x419921FB) { // |x| < 105414350
            return reducedSinCos(x, 0);
        } else if (k < 0x7ff00000) {
            return StrictMath.sin(x);
        }
        return x / x; // NaN for NaN and infinities
    }

    /** glibc's {@code cos(x)}: Python's {@code math.cos} and NumPy's float64 {@code np.cos}. */
    public static double cos(double x) {
        int k = (int) (Double.doubleToRawLongBits(x) >>> 32) & 0x7fffffff;
        if (k < 0x3e400000) { // |x| < 2^-27
            return 1.0;
        } else if (k < 0x3feb6000) {
            return doCos(x, 0);
        } else if (k < 0x400368fd) { // cos(x) = sin(pi/2 - |x|), with pi/2 as HP0 + HP1
            double y = HP0 - Math.abs(x);
            double a = y + HP1;
            double da = (y - a) + HP1;
            return doSin(a, da);
        } else if (k < 0x419921FB) {
            return reducedSinCos(x, 1);
        } else if (k < 0x7ff00000) {
            return StrictMath.cos(x);
        }
        return x / x;
    }

    /** sin(x + dx) for |x| < 0.8555, |dx| tiny (glibc's do_sin). */
    private static double doSin(double x, double dx) {
        double xold = x;
        if (Math.abs(x) < 0.126) { // TAYLOR_SIN
            double xx = x * x;
            double p = Math.fma(Math.fma(Math.fma(Math.fma(S5, xx, S4), xx, S3), xx, S2), xx, S1);
            double t = Math.fma(Math.fma(p, x, -(0.5 * dx)), xx, dx);
            return x + t;
        }
        if (x <= 0) {
            dx = -dx;
        }
        double u = BIG + Math.abs(x); // low mantissa bits of u = round(|x| * 128)
        x = Math.abs(x) - (u - BIG);
        double xx = x * x;
        double s = x + Math.fma(x * xx, Math.fma(xx, SN5, SN3), dx);
        double c = Math.fma(x, dx, xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2));
        int i = ((int) Double.doubleToRawLongBits(u)) << 2;
        double sn = SIN_COS[i];
        double ssn = SIN_COS[i + 1];
        double cs = SIN_COS[i + 2];
        double ccs = SIN_COS[i + 3];
        double cor = Math.fma(cs, s, Math.fma(-sn, c, Math.fma(s, ccs, ssn)));
        return Math.copySign(sn + cor, xold);
    }

    /** cos(x + dx) for |x| < 0.8555 (glibc's do_cos). */
    private static double doCos(double x, double dx) {
        if (x < 0) {
            dx = -dx;
        }
        double u = BIG + Math.abs(x);
        x = Math.abs(x) - (u - BIG) + dx;
        double xx = x * x;
        double s = Math.fma(x * xx, Math.fma(xx, SN5, SN3), x);
        double c = xx * Math.fma(xx, Math.fma(xx, CS6, CS4), CS2);
        int i = ((int) Double.doubleToRawLongBits(u)) << 2;
        double sn = SIN_COS[i];
        double ssn = SIN_COS[i + 1];
        double cs = SIN_COS[i + 2];
        double ccs = SIN_COS[i + 3];
        double cor = Math.fma(-sn, s, Math.fma(-cs, c, Math.fma(-s, ssn, ccs)));
        return cs + cor;
    }

    /**
     * Reduces x by multiples of pi/2 to a + da (136-bit accurate) and evaluates sin for
     * quadrant n + shift (shift 1 gives cos): glibc's reduce_sincos + do_sincos.
     */
    private static double reducedSinCos(double x, int shift) {
        double t = Math.fma(x, HPINV, TOINT);
        double xn = t - TOINT;
        double y = Math.fma(-xn, MP2, Math.fma(-xn, MP1, x));
        int n = (((int) Double.doubleToRawLongBits(t)) & 3) + shift;
        double t1 = xn * PP3;
        double t2 = y - t1;
        double db = (y - t2) - t1;
        t1 = xn * PP4;
        double b = t2 - t1;
        db += (t2 - b) - t1;
        double r = (n & 1) != 0 ? doCos(b, db) : doSin(b, db);
        return (n & 2) != 0 ? -r : r;
    }

    /**
     * glibc's {@code pow(x, 2.0)}: what Python's {@code x**2} gives for a float or NumPy float64
     * {@code x}. Not always {@code x * x}: glibc rounds through exp(2 log x) and is one ulp off the
     * exact square in about 0.08% of cases.
     */
    public static double squareViaPow(double x) {
        return GlibcPow.squareViaPow(x);
    }

    /**
     * glibc's {@code powf(x, 2.0f)}: what NumPy 2 computes for {@code x**2} on a float32 scalar.
     * Differs from the rounded exact square {@code x * x} in about 0.07% of cases.
     */
    public static float squareViaPowf(float x) {
        return GlibcPow.squareViaPowf(x);
    }
}
