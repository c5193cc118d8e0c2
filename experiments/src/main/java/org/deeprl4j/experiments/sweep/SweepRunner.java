package org.deeprl4j.experiments.sweep;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.deeprl4j.experiments.report.RunFolder;
import org.deeprl4j.experiments.sweep.SweepManifest.TrialState;

/**
 * Runs the trials of one shard of a sweep, at most {@code workers} at once: a trial whose folder
 * already holds a finished run ({@link RunFolder#isFinished}) is skipped; a failed trial is
 * reported with its exit code and log and the others still run. The manifest is rewritten on
 * every status change.
 */
public final class SweepRunner {
    private final Path sweepDir;
    private final SweepPlan plan;
    private final Shard shard;
    private final int workers;
    private final TrialExecutor executor;
    private final SweepManifest manifest;
    private final PrintWriter out;
    private final List<TrialState> states = new ArrayList<>();
    private int started;
    private int toRun;

    /**
     * @param sweepDir the sweep folder (trial folders are created in it)
     * @param plan the sweep's trials
     * @param shard the slice this process runs
     * @param workers trials at once, at least 1
     * @param executor runs one trial
     * @param manifest where the states are written
     * @param out progress lines
     */
    public SweepRunner(Path sweepDir, SweepPlan plan, Shard shard, int workers, TrialExecutor executor, SweepManifest manifest,
                       PrintWriter out) {
        if (workers < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        }
        this.sweepDir = sweepDir;
        this.plan = plan;
        this.shard = shard;
        this.workers = workers;
        this.executor = executor;
        this.manifest = manifest;
        this.out = out;
    }

    /**
     * Runs the shard's unfinished trials and waits for them.
     *
     * @return every trial's final state, by trial index
     * @throws InterruptedException when interrupted; running trials are stopped first
     */
    public List<TrialState> run() throws InterruptedException {
        List<Trial> pending = new ArrayList<>();
        for (Trial t : plan.trials()) {
            TrialStatus s;
            if (!shard.contains(t.index())) {
                s = TrialStatus.OTHER_SHARD;
            } else if (RunFolder.isFinished(t.dir(sweepDir))) {
                s = TrialStatus.SKIPPED;
                print("skip %s (already finished)", t.name());
            } else {
                s = TrialStatus.PENDING;
                pending.add(t);
            }
            states.add(new TrialState(t, s, null));
        }
        toRun = pending.size();
        manifest.write(List.copyOf(states));
        Thread hook = new Thread(executor::stopAll, "deeprl4j-sweep-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Trial t : pending) {
                futures.add(pool.submit(() -> {
                    runOne(t);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("sweep worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
            removeHook(hook);
        }
        synchronized (this) {
            return List.copyOf(states);
        }
    }

    private void runOne(Trial t) throws InterruptedException {
        int n;
        synchronized (this) {
            n = ++started;
        }
        update(t, TrialStatus.RUNNING, null);
        print("[%d/%d] start %s", n, toRun, t.name());
        long t0 = System.nanoTime();
        Path dir = t.dir(sweepDir);
        Path log = t.log(sweepDir);
        Integer code = null;
        String why;
        try {
            code = executor.run(t, dir, log);
            why = code == 0 ? "exited 0 but left no finished run (no final model and report)" : "exit code " + code;
        } catch (IOException | RuntimeException e) {
            why = "could not run: " + e.getMessage();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (code != null && code == 0 && RunFolder.isFinished(dir)) {
            update(t, TrialStatus.FINISHED, code);
            print("[%d/%d] done  %s (%.0f s)", n, toRun, t.name(), secs);
        } else {
            update(t, TrialStatus.FAILED, code);
            print("[%d/%d] FAILED %s: %s; log: %s", n, toRun, t.name(), why, log);
        }
    }

    private synchronized void update(Trial t, TrialStatus status, Integer code) {
        states.set(t.index(), new TrialState(t, status, code));
        manifest.write(List.copyOf(states)); // under the lock, so a newer state is never overwritten by an older one
    }

    private void print(String format, Object... args) {
        synchronized (out) {
            out.println(String.format(Locale.ROOT, format, args));
            out.flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }
}
