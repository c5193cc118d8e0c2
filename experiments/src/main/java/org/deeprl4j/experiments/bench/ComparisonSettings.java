package org.deeprl4j.experiments.bench;

/**
 * Settings of a {@link Comparison} run.
 *
 * @param steps       env steps per training run
 * @param seed        seed of the first repetition (repetition r uses {@code seed + r})
 * @param repetitions runs per library
 */
public record ComparisonSettings(long steps, long seed, int repetitions) {
    public ComparisonSettings {
        if (steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (repetitions <= 0) {
            throw new IllegalArgumentException("repetitions must be positive, got " + repetitions);
        }
    }
}
