package org.deeprl4j.agents;

/**
 * A value that changes over training, as a function of the fraction of training done
 * ({@code progress} in [0, 1]). SB3's schedules take "progress remaining" ({@code 1 - progress}).
 */
@FunctionalInterface
public interface Schedule {
    double value(double progress);

    static Schedule constant(double v) {
        return p -> v;
    }

    /**
     * Linear from {@code start} to {@code end} over the first {@code endFraction} of training, then
     * constant at {@code end} (SB3's {@code get_linear_fn}, CleanRL's {@code linear_schedule}).
     */
    static Schedule linear(double start, double end, double endFraction) {
        if (!(endFraction > 0 && endFraction <= 1)) {
            throw new IllegalArgumentException("endFraction must be in (0, 1], got " + endFraction);
        }
        return p -> p >= endFraction ? end : start + (end - start) * p / endFraction;
    }
}
