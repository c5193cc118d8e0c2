package org.deeprl4j.experiments;

import java.nio.file.Path;
import java.util.Map;

/**
 * One training run as the CLI describes it.
 *
 * @param algo algorithm name (dqn, ...)
 * @param envId registered env id
 * @param seed root seed
 * @param steps env steps; null = the preset's {@code n_timesteps}
 * @param outDir folder for the model and CSVs (created)
 * @param overrides config keys over the preset (snake_case)
 * @param envKwargs keyword arguments for the env
 * @param evalFrequency evaluate every this many env steps (0 = only at the end)
 * @param evalEpisodes episodes per evaluation and for the final evaluation
 * @param stopAtReward stop early once a periodic evaluation's mean return reaches this; NaN = never
 * @param checkpointFrequency write a checkpoint every this many env steps (0 = only on SIGINT/SIGTERM)
 */
public record TrainJob(String algo, String envId, long seed, Long steps, Path outDir, Map<String, Object> overrides,
                       Map<String, Object> envKwargs, long evalFrequency, int evalEpisodes, double stopAtReward,
                       long checkpointFrequency) {
    /** A job without early stop and without periodic checkpoints. */
    public TrainJob(String algo, String envId, long seed, Long steps, Path outDir, Map<String, Object> overrides,
                    Map<String, Object> envKwargs, long evalFrequency, int evalEpisodes) {
        this(algo, envId, seed, steps, outDir, overrides, envKwargs, evalFrequency, evalEpisodes, Double.NaN, 0);
    }

    public TrainJob {
        if (checkpointFrequency < 0) {
            throw new IllegalArgumentException("checkpoint frequency must be >= 0, got " + checkpointFrequency);
        }
        if (Double.isInfinite(stopAtReward)) {
            throw new IllegalArgumentException("stop-at reward must be finite (or NaN for none), got " + stopAtReward);
        }
        if (steps != null && steps <= 0) {
            throw new IllegalArgumentException("steps must be positive, got " + steps);
        }
        if (evalFrequency < 0) {
            throw new IllegalArgumentException("eval frequency must be >= 0, got " + evalFrequency);
        }
        if (evalEpisodes <= 0) {
            throw new IllegalArgumentException("eval episodes must be positive, got " + evalEpisodes);
        }
        overrides = Map.copyOf(overrides);
        envKwargs = Map.copyOf(envKwargs);
    }
}
