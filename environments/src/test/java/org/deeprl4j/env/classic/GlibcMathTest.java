package org.deeprl4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;

/**
 * Reference values are Python 3.11 {@code math.sin}/{@code math.cos}/{@code x**2} (glibc 2.36,
 * x86-64 with FMA) and NumPy 2.4.6 float32 {@code x**2}. The arguments were chosen among those
 * where {@link StrictMath} or the exact square gives a different double, so each assertion fails
 * for a plain implementation.
 */
class GlibcMathTest {

    // one or two per range: |x| < 0.126, < 0.855, < 2.426, reduced (< 10, < 1e4, < 1e8)
    private static final double[] SIN_X = {0x1.59a55cf5a05f9p-5, 0x1.ac6cdf745899dp-5, 0x1.4387517aee5abp-1,
        0x1.9005b43a6364ap-1, 0x1.01ba0bbc61ee9p+0, 0x1.d4b0144a97265p+0, -0x1.7255187910270p+2,
        -0x1.ee8072690056fp+1, -0x1.5181b40b9a653p+10, 0x1.1b4877516f650p+11, 0x1.6bc3315a9a1f2p+26,
        0x1.1bfc7ff0054f2p+26};
    private static final double[] SIN_Y = {0x1.598b1c69e04edp-5, 0x1.ac3ae2433706bp-5, 0x1.2e6c99bc37555p-1,
        0x1.688cb1ab3337bp-1, 0x1.b0b072f9d14bbp-1, 0x1.eeca25b46b653p-1, 0x1.e8003b2b41529p-2,
        0x1.52427b59d94cfp-1, 0x1.836c28dd0e4e1p-1, -0x1.d8aa7a5db2f80p-1, -0x1.a9fc319fc33c1p-1,
        0x1.94662ec9f3c8dp-1};
    private static final double[] COS_X = {-0x1.99b3849c1c900p-2, 0x1.8d72a4911ab06p-2, -0x1.3382da999eb7dp+1,
        -0x1.27e010c3ae838p+1, 0x1.67e69d6a462eap+2, 0x1.eec739337005ep+2, 0x1.9da3e8b79c1ccp+12,
        -0x1.dcacae2e185aap+11, 0x1.49fe9974dc418p+26, 0x1.16a93b1606380p+25};
    private static final double[] COS_Y = {0x1.d79042715bf93p-1, 0x1.d9ea85f3be146p-1, -0x1.7a6298b02e850p-1,
        -0x1.5982d061ca3b3p-1, 0x1.948f2dd595bb0p-1, 0x1.f6d4cf8b1ac3dp-4, -0x1.d84effd5d3c81p-2,
        0x1.c200cc1a44cfdp-1, 0x1.ffa4c0e2e501bp-2, -0x1.f7431db44d5a1p-1};
    // x**2 != x*x for the first six; the rest exercise subnormal, underflow and near-overflow paths
    private static final double[] POW_X = {0x1.d6b634aa52b20p+1, -0x1.9bb4f934c55edp+4, -0x1.2c02db40f0288p+1,
        0x1.b99bc48e05182p+4, -0x1.55ae1a22c31e4p+4, 0x1.6987c55047318p+2, 0x1.67e9c127b6e74p-532,
        -0x1.cfbe97bba6e07p-564, 0x1.f06d5a4bf631fp+511, 0x0.02e055c9a3f6cp-1022};
    private static final double[] POW_Y = {0x1.b0c0c5882a546p+3, 0x1.4b0f4c0f6b45dp+9, 0x1.5f96b1e85baadp+2,
        0x1.7ce504fc74388p+9, 0x1.c809480825bafp+8, 0x1.fe90327e1b896p+4, 0x0.00000000007e8p-1022, 0.0,
        0x1.e153f64e2f455p+1023, 0.0};
    // NumPy 2 float32 u**2 (powf) != float32(u*u) for all of these
    private static final float[] POWF_X = {-0x1.d30100p-1f, 0x1.d9fb22p-1f, 0x1.5b94f8p-2f, 0x1.d25c84p+0f,
        0x1.1c3150p-1f, 0x1.aac3acp-3f};
    private static final float[] POWF_Y = {0x1.a9f652p-1f, 0x1.b6c8fep-1f, 0x1.d7ed30p-4f, 0x1.a8ca7ap+1f,
        0x1.3b7d74p-2f, 0x1.63b7e8p-5f};

    @Test
    void sinMatchesGlibcWhereStrictMathDoesNot() {
        for (int i = 0; i < SIN_X.length; i++) {
            assertEquals(SIN_Y[i], GlibcMath.sin(SIN_X[i]), "sin(" + Double.toHexString(SIN_X[i]) + ")");
            assertEquals(-SIN_Y[i], GlibcMath.sin(-SIN_X[i]), "sin is odd");
        }
    }

    @Test
    void cosMatchesGlibcWhereStrictMathDoesNot() {
        for (int i = 0; i < COS_X.length; i++) {
            assertEquals(COS_Y[i], GlibcMath.cos(COS_X[i]), "cos(" + Double.toHexString(COS_X[i]) + ")");
            assertEquals(COS_Y[i], GlibcMath.cos(-COS_X[i]), "cos is even");
        }
    }

    @Test
    void sinCosSpecialValues() {
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(GlibcMath.sin(-0.0)));
        assertEquals(1e-9, GlibcMath.sin(1e-9)); // |x| < 2^-26
        assertEquals(1.0, GlibcMath.cos(1e-9));
        assertEquals(1.0, GlibcMath.cos(0.0));
        assertTrue(Double.isNaN(GlibcMath.sin(Double.NaN)));
        assertTrue(Double.isNaN(GlibcMath.cos(Double.POSITIVE_INFINITY)));
        assertTrue(Double.isNaN(GlibcMath.sin(Double.NEGATIVE_INFINITY)));
        assertEquals(StrictMath.sin(1e300), GlibcMath.sin(1e300)); // documented fallback beyond 105414350
    }

    @Test
    void sinCosWithinOneUlpOfStrictMathEverywhere() {
        Rng rng = new Rng(5);
        for (int i = 0; i < 20_000; i++) {
            double x = rng.nextDouble(-20, 20);
            assertEquals(StrictMath.sin(x), GlibcMath.sin(x), Math.ulp(StrictMath.sin(x)), "sin " + x);
            assertEquals(StrictMath.cos(x), GlibcMath.cos(x), Math.ulp(StrictMath.cos(x)), "cos " + x);
        }
    }

    @Test
    void squareViaPowMatchesGlibcPow() {
        for (int i = 0; i < POW_X.length; i++) {
            assertEquals(POW_Y[i], GlibcMath.squareViaPow(POW_X[i]), "pow(" + Double.toHexString(POW_X[i]) + ", 2)");
        }
        assertEquals(0.0, GlibcMath.squareViaPow(-0.0));
        assertEquals(1.0, GlibcMath.squareViaPow(-1.0));
        assertEquals(Double.POSITIVE_INFINITY, GlibcMath.squareViaPow(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, GlibcMath.squareViaPow(1e200));
        assertTrue(Double.isNaN(GlibcMath.squareViaPow(Double.NaN)));
    }

    @Test
    void squareViaPowIsWithinOneUlpOfTheExactSquare() {
        Rng rng = new Rng(9);
        for (int i = 0; i < 20_000; i++) {
            double x = rng.nextDouble(-50, 50);
            assertEquals(x * x, GlibcMath.squareViaPow(x), Math.ulp(x * x), "x = " + x);
        }
    }

    @Test
    void squareViaPowfMatchesGlibcPowf() {
        for (int i = 0; i < POWF_X.length; i++) {
            assertEquals(POWF_Y[i], GlibcMath.squareViaPowf(POWF_X[i]), "powf(" + Float.toHexString(POWF_X[i]) + ", 2)");
            assertTrue(POWF_Y[i] != POWF_X[i] * POWF_X[i], "the case distinguishes powf from x*x");
        }
        assertEquals(4.0f, GlibcMath.squareViaPowf(-2.0f));
        assertEquals(0.0f, GlibcMath.squareViaPowf(1e-30f)); // underflows like powf
        assertEquals(Float.POSITIVE_INFINITY, GlibcMath.squareViaPowf(1e20f));
        assertTrue(Float.isNaN(GlibcMath.squareViaPowf(Float.NaN)));
    }

    @Test
    void tablesHaveGlibcSizes() {
        assertEquals(440, GlibcMathTables.SIN_COS.length);
        assertEquals(384, GlibcMathTables.POW_LOG.length);
        assertEquals(256, GlibcMathTables.EXP.length);
        assertEquals(1.0, GlibcMathTables.SIN_COS[2]); // cos(0) hi
    }
}
