package org.deeprl4j.env.vector;

import java.util.Arrays;

/**
 * Frozen observation normalization: {@code clip((x - mean) / sqrt(var + epsilon), -clip, clip)} per
 * element, computed in float64 and rounded to float32, exactly as {@link VecNormalize} normalizes
 * (SB3's {@code VecNormalize.normalize_obs}; non-finite values pass unchanged). Immutable; made by
 * {@link NormalizationStats#observationNormalizer()} or {@link VecNormalize#observationNormalizer()}.
 */
public final class ObservationNormalizer implements java.io.Serializable {
    private final double[] mean;
    private final double[] var;
    private final double epsilon;
    private final double clip;
    private final boolean enabled;

    /**
     * @param mean    per-element means, {@code [obsDim]} (copied)
     * @param var     per-element population variances, {@code [obsDim]} (copied)
     * @param epsilon added to the variance before the square root
     * @param clip    bound of the normalized values
     * @param enabled false: observations pass through unchanged (SB3 {@code norm_obs=False})
     */
    public ObservationNormalizer(double[] mean, double[] var, double epsilon, double clip, boolean enabled) {
        if (mean == null || var == null || mean.length == 0 || mean.length != var.length) {
            throw new IllegalArgumentException("ObservationNormalizer needs mean and var of equal, non-zero length, got "
                    + Arrays.toString(mean) + " and " + Arrays.toString(var));
        }
        this.mean = mean.clone();
        this.var = var.clone();
        this.epsilon = epsilon;
        this.clip = clip;
        this.enabled = enabled;
    }

    /**
     * The normalization of one element (the single formula every normalizing class uses). A
     * non-finite {@code x} is returned unchanged rather than clipped, so NaN/inf checks downstream
     * still see it.
     */
    public static float normalize(double x, double mean, double var, double epsilon, double clip) {
        if (!Double.isFinite(x)) {
            return (float) x;
        }
        double z = (x - mean) / Math.sqrt(var + epsilon);
        return (float) Math.max(-clip, Math.min(clip, z));
    }

    /** Floats per observation. */
    public int obsDim() {
        return mean.length;
    }

    /** Whether observations are changed at all (false: a copy). */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Normalizes {@code n} observation rows of {@code raw} ({@code [n * obsDim]}, row-major) into
     * {@code out} (same layout; may be the same array).
     */
    public void apply(float[] raw, int n, float[] out) {
        int len = n * mean.length;
        if (raw.length < len || out.length < len) {
            throw new IllegalArgumentException("ObservationNormalizer: " + n + " rows of " + mean.length + " floats need arrays of "
                    + len + ", got " + raw.length + " and " + out.length);
        }
        if (!enabled) {
            System.arraycopy(raw, 0, out, 0, len);
            return;
        }
        for (int r = 0; r < n; r++) {
            int off = r * mean.length;
            for (int i = 0; i < mean.length; i++) {
                out[off + i] = normalize(raw[off + i], mean[i], var[i], epsilon, clip);
            }
        }
    }

    /** A normalized copy of one observation of {@code obsDim} floats. */
    public float[] apply(float[] observation) {
        if (observation.length != mean.length) {
            throw new IllegalArgumentException("ObservationNormalizer expects " + mean.length + " floats, got " + observation.length);
        }
        float[] out = new float[observation.length];
        apply(observation, 1, out);
        return out;
    }

    @Override
    public String toString() {
        return "ObservationNormalizer(mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(var) + ", epsilon=" + epsilon
                + ", clip=" + clip + (enabled ? "" : ", disabled") + ")";
    }
}
