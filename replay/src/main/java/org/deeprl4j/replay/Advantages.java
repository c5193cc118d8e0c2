package org.deeprl4j.replay;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Advantage post-processing shared by the policy-gradient algorithms. */
public final class Advantages {
    /** Added to the standard deviation, as in SB3 and CleanRL. */
    public static final double EPSILON = 1e-8;

    private Advantages() {
    }

    /**
     * Normalizes advantages as SB3 and CleanRL do per minibatch: {@code (a - mean) / (std + 1e-8)}
     * with the bias-corrected (n - 1) standard deviation, torch's default; the statistics are
     * computed in double. Fewer than 2 elements are returned unchanged (SB3 skips that case, whose
     * bias-corrected std is undefined). Returns a new array of the same shape and type; the input
     * is not modified.
     *
     * @throws IllegalArgumentException if {@code advantages} is null or holds a non-finite value
     */
    public static INDArray normalize(INDArray advantages) {
        if (advantages == null) {
            throw new IllegalArgumentException("advantages must not be null");
        }
        float[] a = advantages.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat(); // [n], row-major
        float[] out = normalize(a);
        return Nd4j.create(out, advantages.shape(), 'c').castTo(advantages.dataType()); // the input's shape
    }

    /**
     * {@link #normalize(INDArray)} on float values (a new array): the statistics in double, the
     * result in float arithmetic as ND4J computes {@code a.sub(mean).divi(std + 1e-8)} on a FLOAT array.
     */
    public static float[] normalize(float[] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new IllegalArgumentException("advantages[" + i + "] is not finite: " + a[i]);
            }
            sum += a[i];
        }
        if (a.length < 2) {
            return a.clone();
        }
        double mean = sum / a.length;
        double squares = 0;
        for (float v : a) {
            squares += (v - mean) * (v - mean);
        }
        float m = (float) mean;
        float d = (float) (Math.sqrt(squares / (a.length - 1)) + EPSILON);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (a[i] - m) / d;
        }
        return out;
    }
}
