package org.deeprl4j.experiments;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.deeprl4j.agents.Trainer;

/**
 * Stops a running {@link TrainRunner} run from another thread (the CLI's SIGINT/SIGTERM hook):
 * the run writes a checkpoint at the next vector step and returns; {@link #awaitFinished} lets the
 * hook wait for that before the JVM exits.
 */
public final class RunControl {
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Trainer trainer;
    private volatile boolean stopRequested;

    /** Asks the run to checkpoint and stop (also before it started training). */
    public void requestStop() {
        stopRequested = true;
        Trainer t = trainer;
        if (t != null) {
            t.requestStop();
        }
    }

    /** Whether a stop was requested. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Waits until the run returned or failed; false on timeout. */
    public boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    void attach(Trainer t) {
        trainer = t;
        if (stopRequested) {
            t.requestStop();
        }
    }

    void finish() {
        finished.countDown();
    }
}
