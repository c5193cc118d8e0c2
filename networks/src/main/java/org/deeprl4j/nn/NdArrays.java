package org.deeprl4j.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bulk copies of INDArray contents into Java arrays. ND4J's {@code toFloatVector()} and
 * {@code data().asDouble()} read element by element through JavaCPP; for the common case of a
 * contiguous row-major FLOAT array this reads the native buffer in one call instead (measured in
 * a PPO update: the element-wise reads of six minibatch arrays cost more than the loss itself).
 */
public final class NdArrays {
    private NdArrays() {
    }

    /** The elements in row-major order as a new float array (values of other types are cast). */
    public static float[] floats(INDArray a) {
        INDArray c = a.dataType() == DataType.FLOAT && a.ordering() == 'c' && (a.length() <= 1 || a.elementWiseStride() == 1)
                ? a : a.castTo(DataType.FLOAT).dup('c');
        float[] dst = new float[(int) c.length()];
        if (dst.length > 0) {
            c.data().asNioFloat().get((int) c.offset(), dst);
        }
        return dst;
    }

    /** The elements in row-major order as a new double array (FLOAT values exactly widened). */
    public static double[] doubles(INDArray a) {
        if (a.dataType() == DataType.DOUBLE) {
            return a.dup('c').data().asDouble();
        }
        return widen(floats(a));
    }

    /** {@code f} as doubles (exact). */
    public static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }
}
