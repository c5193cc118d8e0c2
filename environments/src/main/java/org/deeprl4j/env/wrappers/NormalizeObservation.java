package org.deeprl4j.env.wrappers;

import org.deeprl4j.env.Env;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Space;

/**
 * Normalizes float32 {@link Box} observations to zero mean and unit variance per element with
 * running statistics (Gymnasium's {@code NormalizeObservation}, SB3's {@code VecNormalize} for
 * observations without clipping).
 *
 * <p>Each observation (from {@code reset} and from {@code step}) first updates the
 * {@link RunningMeanStd} (unless frozen with {@link #setUpdateStatistics(boolean)}), then is
 * returned as {@code (float) ((obs - mean) / sqrt(var + epsilon))}. As in Gymnasium 1.x the
 * observation space becomes {@code Box(-inf, inf)} float32 of the same shape. Statistics are kept
 * in float64 and can be saved and restored exactly through {@link #statistics()} (e.g. freeze and
 * restore them in an evaluation environment).
 *
 * @param <A> action type
 */
public class NormalizeObservation<A> extends ObservationWrapper<float[], A, float[]> {
    /** Default stability constant added to the variance (Gymnasium's and SB3's 1e-8). */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double epsilon;
    private final RunningMeanStd statistics;
    private final Box<float[]> observationSpace;
    private boolean updateStatistics = true;

    /** Normalizes with epsilon {@value #DEFAULT_EPSILON}. */
    public NormalizeObservation(Env<float[], A> env) {
        this(env, DEFAULT_EPSILON);
    }

    /**
     * @param env an environment with a float32 {@link Box} observation space
     * @param epsilon added to the variance before the square root, finite and >= 0
     */
    public NormalizeObservation(Env<float[], A> env, double epsilon) {
        super(env);
        Box<float[]> inner = ClipAction.float32Box(env.observationSpace(), "NormalizeObservation");
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
        this.epsilon = epsilon;
        this.statistics = new RunningMeanStd(inner.flatDim());
        this.observationSpace = Box.of(Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, inner.shape());
    }

    @Override
    public Space<float[]> observationSpace() {
        return observationSpace;
    }

    @Override
    protected float[] observation(float[] observation) {
        if (updateStatistics) {
            statistics.update(observation);
        }
        return normalize(observation);
    }

    /** Normalizes {@code observation} with the current statistics, without updating them. */
    public float[] normalize(float[] observation) {
        if (observation.length != statistics.size()) {
            throw new IllegalArgumentException("NormalizeObservation expects " + statistics.size()
                    + " elements, got " + observation.length);
        }
        float[] out = new float[observation.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((observation[i] - statistics.mean(i)) / Math.sqrt(statistics.var(i) + epsilon));
        }
        return out;
    }

    /** The live running statistics; use {@code state()}/{@code setState()} to save and restore them. */
    public RunningMeanStd statistics() {
        return statistics;
    }

    /** Whether observations update the statistics (true by default). */
    public boolean updatesStatistics() {
        return updateStatistics;
    }

    /** Freezes ({@code false}) or resumes ({@code true}) updating the statistics, e.g. for evaluation. */
    public void setUpdateStatistics(boolean update) {
        this.updateStatistics = update;
    }

    public double epsilon() {
        return epsilon;
    }
}
