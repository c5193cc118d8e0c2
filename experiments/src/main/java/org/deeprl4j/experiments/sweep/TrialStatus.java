package org.deeprl4j.experiments.sweep;

import java.util.Locale;

/** Where a trial of a sweep is, as seen by one sweep process. */
public enum TrialStatus {
    /** To be run by this process. */
    PENDING,
    /** Running now. */
    RUNNING,
    /** Its folder held a finished run already, so it was not run again. */
    SKIPPED,
    /** Ran and finished. */
    FINISHED,
    /** Ran and failed (non-zero exit, or no finished run left behind). */
    FAILED,
    /** Belongs to another shard. */
    OTHER_SHARD;

    /** The lower-case name used in sweep.json and output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
