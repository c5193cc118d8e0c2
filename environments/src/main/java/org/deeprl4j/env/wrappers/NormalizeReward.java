package org.deeprl4j.env.wrappers;

import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;

/**
 * Scales rewards so that the discounted return has roughly unit variance (Gymnasium's
 * {@code NormalizeReward}, SB3's {@code VecNormalize} reward scaling without clipping).
 *
 * <p>Each step updates a running discounted return {@code G = gamma * G + r}, adds {@code G} to a
 * {@link RunningMeanStd} (unless frozen with {@link #setUpdateStatistics(boolean)}) and returns
 * {@code r / sqrt(var(G) + epsilon)}. The mean is not subtracted, so the sign of rewards is kept
 * (see openai/baselines#538). {@code G} is reset to 0 after the step that ends an episode
 * ({@code terminated} or {@code truncated}) and on {@link #reset}, as SB3's {@code VecNormalize}
 * does. Gymnasium 1.x differs slightly: it multiplies {@code G} by {@code 1 - terminated} on the
 * terminal step itself and never resets on truncation.
 *
 * <p>The statistics ({@link #statistics()}) and the return accumulator
 * ({@link #discountedReturn()}) can be saved and restored exactly.
 *
 * @param <O> observation type
 * @param <A> action type
 */
public class NormalizeReward<O, A> extends Wrapper<O, A> {
    /** Default discount of the return whose variance is normalized. */
    public static final double DEFAULT_GAMMA = 0.99;
    /** Default stability constant added to the variance. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private final double gamma;
    private final double epsilon;
    private final RunningMeanStd statistics = new RunningMeanStd(1);
    private double discountedReturn;
    private boolean updateStatistics = true;

    /** Normalizes with gamma {@value #DEFAULT_GAMMA} and epsilon {@value #DEFAULT_EPSILON}. */
    public NormalizeReward(Env<O, A> env) {
        this(env, DEFAULT_GAMMA, DEFAULT_EPSILON);
    }

    /**
     * @param env the environment to wrap
     * @param gamma discount of the running return, in [0, 1]
     * @param epsilon added to the variance before the square root, finite and >= 0
     */
    public NormalizeReward(Env<O, A> env, double gamma, double epsilon) {
        super(env);
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        }
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and >= 0, got " + epsilon);
        }
        this.gamma = gamma;
        this.epsilon = epsilon;
    }

    @Override
    public Reset<O> reset(OptionalLong seed) {
        Reset<O> r = env.reset(seed);
        discountedReturn = 0.0;
        return r;
    }

    @Override
    public Step<O> step(A action) {
        Step<O> s = env.step(action);
        discountedReturn = discountedReturn * gamma + s.reward();
        if (updateStatistics) {
            statistics.update(discountedReturn);
        }
        double scaled = s.reward() / Math.sqrt(statistics.var(0) + epsilon);
        if (s.done()) {
            discountedReturn = 0.0;
        }
        return new Step<>(s.observation(), scaled, s.terminated(), s.truncated(), s.info());
    }

    /** The live statistics of the discounted return; {@code state()}/{@code setState()} save and restore them. */
    public RunningMeanStd statistics() {
        return statistics;
    }

    /** The running discounted return of the current episode (0 right after an episode ends). */
    public double discountedReturn() {
        return discountedReturn;
    }

    /** Restores the running discounted return, e.g. from a checkpoint. */
    public void setDiscountedReturn(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("discounted return must be finite, got " + value);
        }
        this.discountedReturn = value;
    }

    /** Whether steps update the statistics (true by default). */
    public boolean updatesStatistics() {
        return updateStatistics;
    }

    /** Freezes ({@code false}) or resumes ({@code true}) updating the statistics, e.g. for evaluation. */
    public void setUpdateStatistics(boolean update) {
        this.updateStatistics = update;
    }

    public double gamma() {
        return gamma;
    }

    public double epsilon() {
        return epsilon;
    }
}
