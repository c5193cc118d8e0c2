package org.deeprl4j.experiments.sweep;

import java.io.IOException;
import java.nio.file.Path;

/** Runs one trial to its end. {@link ProcessTrialExecutor} runs it in a JVM of its own. */
@FunctionalInterface
public interface TrialExecutor {
    /**
     * Trains {@code trial} into {@code dir}, writing its output to {@code log}; blocks until done.
     *
     * @return the exit code (0 = success)
     * @throws InterruptedException when the sweep is interrupted (the trial is then stopped)
     */
    int run(Trial trial, Path dir, Path log) throws IOException, InterruptedException;

    /** Stops every trial still running (called when the sweep's JVM is shutting down). */
    default void stopAll() {
    }
}
