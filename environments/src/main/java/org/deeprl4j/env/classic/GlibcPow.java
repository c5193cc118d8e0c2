package org.deeprl4j.env.classic;

import static org.deeprl4j.env.classic.GlibcMathTables.EXP;
import static org.deeprl4j.env.classic.GlibcMathTables.POW_LOG;

/**
 * glibc's {@code pow} and {@code powf} (ARM optimized-routines, MIT licensed, in glibc since 2.28)
 * specialised to the exponent 2, in the FMA variant x86-64 and aarch64 run. Used through
 * {@link GlibcMath}.
 */
final class GlibcPow {
    private GlibcPow() {
    }

    // ---- pow(x, 2.0): ARM optimized-routines pow, with y = 2 ------------------------------------

    private static final double LN2HI = 0x1.62e42fefa3800p-1;
    private static final double LN2LO = 0x1.ef35793c76730p-45;
    private static final double A0 = -0x1p-1;
    private static final double A1 = 0x1.555555555556p-2 * -2;
    private static final double A2 = -0x1.0000000000006p-2 * -2;
    private static final double A3 = 0x1.999999959554ep-3 * 4;
    private static final double A4 = -0x1.555555529a47ap-3 * 4;
    private static final double A5 = 0x1.2495b9b4845e9p-3 * -8;
    private static final double A6 = -0x1.0002b8b263fc3p-3 * -8;
    private static final long OFF = 0x3fe6955500000000L;
    private static final double INV_LN2_N = 0x1.71547652b82fep0 * 128;
    private static final double NEG_LN2HI_N = -0x1.62e42fefa0000p-8;
    private static final double NEG_LN2LO_N = -0x1.cf79abc9e3b3ap-47;
    private static final double SHIFT = 0x1.8p52;
    private static final double C2 = 0x1.ffffffffffdbdp-2;
    private static final double C3 = 0x1.555555555543cp-3;
    private static final double C4 = 0x1.55555cf172b91p-5;
    private static final double C5 = 0x1.1111167a4d017p-7;

    /** glibc's {@code pow(x, 2.0)} (see {@link GlibcMath#squareViaPow}). */
    static double squareViaPow(double x) {
        long ix = Double.doubleToRawLongBits(x) & 0x7fffffffffffffffL; // (-x)^2 = x^2
        if (ix == 0 || ix >= 0x7ff0000000000000L) {
            return x * x; // zero, infinity, NaN
        }
        if (ix < 0x0010000000000000L) { // subnormal: normalize, keeping the true exponent in the bits
            ix = Double.doubleToRawLongBits(Math.abs(x) * 0x1p52) - (52L << 52);
        }
        // log(|x|) = hi + lo, as log_inline computes it (FMA variant)
        long tmp = ix - OFF;
        int i = 3 * (int) ((tmp >>> 45) & 127);
        double kd = (int) (tmp >> 52);
        double z = Double.longBitsToDouble(ix - (tmp & (0xfffL << 52)));
        double r = Math.fma(z, POW_LOG[i], -1.0);
        double t1 = Math.fma(kd, LN2HI, POW_LOG[i + 1]);
        double t2 = t1 + r;
        double lo1 = Math.fma(kd, LN2LO, POW_LOG[i + 2]);
        double lo2 = t1 - t2 + r;
        double ar = A0 * r;
        double ar2 = r * ar;
        double ar3 = r * ar2;
        double hi = t2 + ar2;
        double lo3 = Math.fma(ar, r, -ar2);
        double lo4 = t2 - hi + ar2;
        double q = Math.fma(ar2, Math.fma(ar2, Math.fma(r, A6, A5), Math.fma(r, A4, A3)), Math.fma(r, A2, A1));
        double lo = Math.fma(ar3, q, lo1 + lo2 + lo3 + lo4);
        double y = hi + lo;
        double tail = hi - y + lo;
        // y * log(x) with y = 2 is exact: ehi = 2 * y, elo = 2 * tail
        return expInline(2.0 * y, 2.0 * tail);
    }

    /** exp(x + xtail) as pow's exp_inline computes it (FMA variant), sign positive. */
    private static double expInline(double x, double xtail) {
        int abstop = (int) (Double.doubleToRawLongBits(x) >>> 52) & 0x7ff;
        boolean special = false;
        if (Integer.compareUnsigned(abstop - 0x3c9, 0x408 - 0x3c9) >= 0) { // |x| < 2^-54 or >= 512
            if (abstop < 0x3c9) {
                return 1.0 + x;
            }
            if (abstop >= 0x409) { // |x| >= 1024
                return x < 0 ? 0.0 : Double.POSITIVE_INFINITY;
            }
            special = true;
        }
        double kd = Math.fma(INV_LN2_N, x, SHIFT);
        long ki = Double.doubleToRawLongBits(kd);
        kd -= SHIFT;
        double r = Math.fma(kd, NEG_LN2LO_N, Math.fma(kd, NEG_LN2HI_N, x)) + xtail;
        int idx = 2 * (int) (ki & 127);
        double tab = Double.longBitsToDouble(EXP[idx]);
        long sbits = EXP[idx + 1] + (ki << 45);
        double r2 = r * r;
        double t = Math.fma(r2 * r2, Math.fma(r, C5, C4), Math.fma(r2, Math.fma(r, C3, C2), tab + r));
        if (special) {
            return expSpecialCase(t, sbits, ki);
        }
        double scale = Double.longBitsToDouble(sbits);
        return Math.fma(scale, t, scale);
    }

    /** exp_inline's specialcase: results that may overflow or land in the subnormal range. */
    private static double expSpecialCase(double t, long sbits, long ki) {
        if ((ki & 0x80000000L) == 0) { // may overflow: scale down first
            double scale = Double.longBitsToDouble(sbits - (1009L << 52));
            return Math.fma(scale, t, scale) * 0x1p1009;
        }
        double scale = Double.longBitsToDouble(sbits + (1022L << 52));
        double st = scale * t; // used twice in different blocks, so GCC does not fuse it
        double y = scale + st;
        if (Math.abs(y) < 1.0) { // round once at the subnormal precision
            double lo = scale - y + st;
            double hi = 1.0 + y;
            lo = 1.0 - hi + y + lo;
            y = (hi + lo) - 1.0;
        }
        return 0x1p-1022 * y;
    }

    // ---- powf(x, 2.0f): ARM optimized-routines powf, with y = 2 ---------------------------------

    private static final double[] POWF_INVC = {0x1.661ec79f8f3bep+0, 0x1.571ed4aaf883dp+0, 0x1.49539f0f010bp+0,
        0x1.3c995b0b80385p+0, 0x1.30d190c8864a5p+0, 0x1.25e227b0b8eap+0, 0x1.1bb4a4a1a343fp+0, 0x1.12358f08ae5bap+0,
        0x1.0953f419900a7p+0, 0x1p+0, 0x1.e608cfd9a47acp-1, 0x1.ca4b31f026aap-1, 0x1.b2036576afce6p-1,
        0x1.9c2d163a1aa2dp-1, 0x1.886e6037841edp-1, 0x1.767dcf5534862p-1};
    private static final double[] POWF_LOGC = {-0x1.efec65b963019p-2, -0x1.b0b6832d4fca4p-2, -0x1.7418b0a1fb77bp-2,
        -0x1.39de91a6dcf7bp-2, -0x1.01d9bf3f2b631p-2, -0x1.97c1d1b3b7afp-3, -0x1.2f9e393af3c9fp-3,
        -0x1.960cbbf788d5cp-4, -0x1.a6f9db6475fcep-5, 0x0p+0, 0x1.338ca9f24f53dp-4, 0x1.476a9543891bap-3,
        0x1.e840b4ac4e4d2p-3, 0x1.40645f0c6651cp-2, 0x1.88e9c2c1b9ff8p-2, 0x1.ce0a44eb17bccp-2};
    private static final double[] POWF_POLY = {0x1.27616c9496e0bp-2, -0x1.71969a075c67ap-2, 0x1.ec70a6ca7baddp-2,
        -0x1.7154748bef6c8p-1, 0x1.71547652ab82bp0};
    /** 2^(i/32) bits minus i << 47 (glibc __exp2f_data.tab). */
    private static final long[] EXP2F = {0x3ff0000000000000L, 0x3fefd9b0d3158574L, 0x3fefb5586cf9890fL,
        0x3fef9301d0125b51L, 0x3fef72b83c7d517bL, 0x3fef54873168b9aaL, 0x3fef387a6e756238L, 0x3fef1e9df51fdee1L,
        0x3fef06fe0a31b715L, 0x3feef1a7373aa9cbL, 0x3feedea64c123422L, 0x3feece086061892dL, 0x3feebfdad5362a27L,
        0x3feeb42b569d4f82L, 0x3feeab07dd485429L, 0x3feea47eb03a5585L, 0x3feea09e667f3bcdL, 0x3fee9f75e8ec5f74L,
        0x3feea11473eb0187L, 0x3feea589994cce13L, 0x3feeace5422aa0dbL, 0x3feeb737b0cdc5e5L, 0x3feec49182a3f090L,
        0x3feed503b23e255dL, 0x3feee89f995ad3adL, 0x3feeff76f2fb5e47L, 0x3fef199bdd85529cL, 0x3fef3720dcef9069L,
        0x3fef5818dcfba487L, 0x3fef7c97337b9b5fL, 0x3fefa4afa2a490daL, 0x3fefd0765b6e4540L};
    private static final double[] EXP2F_POLY = {0x1.c6af84b912394p-5, 0x1.ebfce50fac4f3p-3, 0x1.62e42ff0c52d6p-1};

    /** glibc's {@code powf(x, 2.0f)} (see {@link GlibcMath#squareViaPowf}). */
    static float squareViaPowf(float x) {
        int ix = Float.floatToRawIntBits(x) & 0x7fffffff;
        if (ix == 0 || ix >= 0x7f800000) {
            return x * x;
        }
        if (ix < 0x00800000) { // subnormal
            ix = Float.floatToRawIntBits(Math.abs(x) * 0x1p23f) - (23 << 23);
        }
        // log2(|x|) in double (log2_inline)
        int tmp = ix - 0x3f330000;
        int i = (tmp >>> 19) & 15;
        int top = tmp & 0xff800000;
        double z = Float.intBitsToFloat(ix - top);
        double r = Math.fma(z, POWF_INVC[i], -1.0);
        double y0 = POWF_LOGC[i] + (top >> 23);
        double r2 = r * r;
        double y = Math.fma(POWF_POLY[0], r, POWF_POLY[1]);
        double p = Math.fma(POWF_POLY[2], r, POWF_POLY[3]);
        double q = Math.fma(p, r2, Math.fma(POWF_POLY[4], r, y0));
        double ylogx = 2.0 * Math.fma(y, r2 * r2, q);
        if (((Double.doubleToRawLongBits(ylogx) >>> 47) & 0xffff) >= (Double.doubleToRawLongBits(126.0) >>> 47)) {
            if (ylogx > 0x1.fffffffd1d571p+6) {
                return Float.POSITIVE_INFINITY;
            }
            if (ylogx <= -150.0) {
                return 0.0f;
            }
        }
        // exp2(ylogx) in double (exp2_inline), rounded once to float
        double kd = ylogx + 0x1.8p+52 / 32;
        long ki = Double.doubleToRawLongBits(kd);
        kd -= 0x1.8p+52 / 32;
        double rr = ylogx - kd;
        double s = Double.longBitsToDouble(EXP2F[(int) (ki & 31)] + (ki << 47));
        double w = Math.fma(Math.fma(EXP2F_POLY[0], rr, EXP2F_POLY[1]), rr * rr, Math.fma(EXP2F_POLY[2], rr, 1.0));
        return (float) (w * s);
    }
}
