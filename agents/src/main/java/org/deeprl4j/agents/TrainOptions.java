package org.deeprl4j.agents;

/**
 * How long and how the environment loop runs.
 *
 * @param totalSteps env steps to take (summed over sub-envs)
 * @param seed root seed: the vector env is reset with {@code seed} (sub-env i gets seed + i) and
 *     the evaluation env with {@code seed + 10_000}
 * @param evalFrequency evaluate every this many env steps (0 = never)
 * @param evalEpisodes episodes per evaluation
 * @param stopAtReward stop when an evaluation's mean return reaches this (NaN = never)
 */
public record TrainOptions(long totalSteps, long seed, long evalFrequency, int evalEpisodes, double stopAtReward) {
    /** Offset between the training seed and the evaluation env's seed. */
    public static final long EVAL_SEED_OFFSET = 10_000;

    public TrainOptions {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
        }
        if (evalFrequency < 0) {
            throw new IllegalArgumentException("evalFrequency must be >= 0, got " + evalFrequency);
        }
        if (evalFrequency > 0 && evalEpisodes <= 0) {
            throw new IllegalArgumentException("evalEpisodes must be positive, got " + evalEpisodes);
        }
    }

    /** Train for {@code totalSteps} without evaluation. */
    public static TrainOptions of(long totalSteps, long seed) {
        return new TrainOptions(totalSteps, seed, 0, 0, Double.NaN);
    }
}
