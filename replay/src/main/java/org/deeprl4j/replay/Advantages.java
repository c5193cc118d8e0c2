package org.deeprl4j.replay;

import org.nd4j.linalg.api.ndarray.INDArray;

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
        double[] a = advantages.dup('c').data().asDouble();
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            if (!Double.isFinite(a[i])) {
                throw new IllegalArgumentException("advantages[" + i + "] is not finite: " + a[i]);
            }
            sum += a[i];
        }
        if (a.length < 2) {
            return advantages.dup();
        }
        double mean = sum / a.length;
        double squares = 0;
        for (double v : a) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (a.length - 1));
        return advantages.sub(mean).divi(std + EPSILON);
    }
}
