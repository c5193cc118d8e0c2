package org.deeprl4j.env.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;

/** Reference values: NumPy 2.4.6 {@code np.cos}/{@code np.sin} on float32 (x86-64, AVX-512). */
class NumpyFloat32Test {
    // arguments where NumPy's kernel differs from float32(cos/sin computed in double)
    private static final float[] COS_X = {-0x1.00831ep-4f, -0x1.1855bep-4f, 0x1.668824p-4f, 0x1.eb6f60p-5f,
        -0x1.03cb9cp-4f};
    private static final float[] COS_Y = {0x1.feff0ep-1f, 0x1.fecd24p-1f, 0x1.fe0a30p-1f, 0x1.ff1438p-1f,
        0x1.fef870p-1f};
    private static final float[] SIN_X = {-0x1.bab254p-5f, 0x1.612c7ap-4f, 0x1.1c4c14p+3f, -0x1.904f96p+1f,
        -0x1.3bd8ccp+3f};
    private static final float[] SIN_Y = {-0x1.ba7b2cp-5f, 0x1.60bc7cp-4f, 0x1.07740ap-1f, -0x1.d01b4ap-7f,
        0x1.b9313ap-2f};

    @Test
    void matchesNumpyWhereRoundedDoubleDoesNot() {
        for (int i = 0; i < COS_X.length; i++) {
            assertEquals(COS_Y[i], NumpyFloat32.cos(COS_X[i]), "cos " + Float.toHexString(COS_X[i]));
            assertNotEquals(COS_Y[i], (float) Math.cos(COS_X[i]));
        }
        for (int i = 0; i < SIN_X.length; i++) {
            assertEquals(SIN_Y[i], NumpyFloat32.sin(SIN_X[i]), "sin " + Float.toHexString(SIN_X[i]));
        }
    }

    @Test
    void specialValues() {
        assertEquals(1.0f, NumpyFloat32.cos(0.0f));
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(NumpyFloat32.sin(-0.0f)));
        assertTrue(Float.isNaN(NumpyFloat32.cos(Float.NaN)));
        assertTrue(Float.isNaN(NumpyFloat32.sin(Float.POSITIVE_INFINITY)));
        assertEquals((float) GlibcMath.cos(1e6f), NumpyFloat32.cos(1e6f)); // beyond the kernel's range
    }

    @Test
    void withinThreeUlpsOfTheTrueValue() {
        Rng rng = new Rng(3);
        for (int i = 0; i < 20_000; i++) {
            float x = (float) rng.nextDouble(-100, 100);
            float c = (float) StrictMath.cos(x);
            float s = (float) StrictMath.sin(x);
            assertEquals(c, NumpyFloat32.cos(x), 3 * Math.ulp(c), "cos " + x);
            assertEquals(s, NumpyFloat32.sin(x), 3 * Math.ulp(s), "sin " + x);
        }
    }
}
