package org.deeprl4j.experiments.output;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the {@link RunIndex}.
 *
 * @param runDir the run folder (the key; stored as given)
 * @param envId env id
 * @param algo algorithm name
 * @param seed root seed
 * @param steps env steps trained so far
 * @param finalReturn mean return of the final evaluation (NaN while running or when none ran)
 * @param bestReturn best periodic-evaluation mean return (NaN when none ran)
 * @param startTime when the run started (stored with millisecond precision)
 * @param status where the run is
 */
public record RunRecord(String runDir, String envId, String algo, long seed, long steps, double finalReturn,
                        double bestReturn, Instant startTime, Status status) {
    /** Life cycle of a run. */
    public enum Status { RUNNING, FINISHED, FAILED, INTERRUPTED }

    public RunRecord {
        RunMetadata.requireText(runDir, "runDir");
        RunMetadata.requireText(envId, "envId");
        RunMetadata.requireText(algo, "algo");
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(status, "status");
        startTime = Instant.ofEpochMilli(startTime.toEpochMilli());
    }

    /** A copy with progress and status updated. */
    public RunRecord with(long steps, double finalReturn, double bestReturn, Status status) {
        return new RunRecord(runDir, envId, algo, seed, steps, finalReturn, bestReturn, startTime, status);
    }
}
