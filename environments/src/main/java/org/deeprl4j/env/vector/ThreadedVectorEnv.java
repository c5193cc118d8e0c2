package org.deeprl4j.env.vector;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.deeprl4j.env.Env;

/**
 * A vector environment that steps its sub-environments in parallel on a fixed set of threads.
 *
 * <p>The envs are split into {@link #numThreads()} contiguous slices. The calling thread runs the
 * first slice itself and {@code numThreads - 1} daemon worker threads named
 * {@code deeprl4j-vecenv-N} run one slice each, so every sub-environment is always stepped by the
 * same thread. A step is handed over by bumping a volatile generation counter and collected with
 * an atomic countdown; waiting threads spin briefly and then park, and are unparked only when they
 * actually parked. Nothing is allocated per step.
 *
 * <p>Results are bit-identical to {@link SyncVectorEnv} with the same seeds and actions: each
 * sub-environment's computation is the same, only the thread differs. An exception in a worker is
 * rethrown on the calling thread (the one of the lowest failing env index, others suppressed),
 * wrapped as {@link VectorEnvException} or {@link VectorActionException} naming the env index.
 *
 * <p>Worth it when one step of one env costs much more than a thread hand-off (microseconds):
 * physics simulations, games, remote envs; for classic control prefer {@link SyncVectorEnv}.
 * {@link #close()} stops the threads and closes the envs; forgetting it leaks parked threads.
 */
public final class ThreadedVectorEnv extends AbstractVectorEnv {
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    /** Busy-wait rounds, then yielding rounds, before a waiting thread parks; short, so idle threads free the core. */
    private static final int SPINS = 256;
    private static final int YIELDS = 16;
    private static final long JOIN_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final int numThreads;
    private final int[] bounds;
    private final Worker[] workers;
    private final Throwable[] errors;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile boolean stopping;
    private volatile Thread caller;
    private volatile boolean callerParked;

    /** NEXT_STEP autoreset and {@link #defaultThreads(int)} threads. */
    public ThreadedVectorEnv(List<? extends Supplier<? extends Env<?, ?>>> factories) {
        this(factories, AutoresetMode.NEXT_STEP, defaultThreads(factories == null ? 1 : factories.size()));
    }

    /**
     * @param numThreads threads stepping envs, counting the caller's; positive, reduced to
     *     {@code numEnvs} when larger
     */
    public ThreadedVectorEnv(List<? extends Supplier<? extends Env<?, ?>>> factories, AutoresetMode autoresetMode,
                             int numThreads) {
        super(factories, checkThreads(numThreads, autoresetMode));
        int n = numEnvs();
        this.numThreads = Math.min(numThreads, n);
        this.bounds = new int[this.numThreads + 1];
        for (int s = 0; s <= this.numThreads; s++) {
            bounds[s] = (int) ((long) s * n / this.numThreads);
        }
        this.errors = new Throwable[this.numThreads];
        this.workers = new Worker[this.numThreads - 1];
        for (int s = 1; s < this.numThreads; s++) {
            workers[s - 1] = new Worker(s);
        }
        for (Worker w : workers) {
            w.start();
        }
    }

    // checked before the sub-environments are created
    private static AutoresetMode checkThreads(int numThreads, AutoresetMode autoresetMode) {
        if (numThreads < 1) {
            throw new IllegalArgumentException("numThreads must be positive, got " + numThreads);
        }
        return autoresetMode;
    }

    /** {@code min(numEnvs, available processors)}, at least 1. */
    public static int defaultThreads(int numEnvs) {
        return Math.max(1, Math.min(numEnvs, Runtime.getRuntime().availableProcessors()));
    }

    /** Threads stepping envs, counting the calling thread. */
    public int numThreads() {
        return numThreads;
    }

    /** The worker threads (for tests). */
    List<Thread> workerThreads() {
        return List.of(workers);
    }

    @Override
    void runAll() {
        if (workers.length == 0) {
            runRange(0, numEnvs());
            return;
        }
        Arrays.fill(errors, null);
        caller = Thread.currentThread();
        pending.set(workers.length);
        generation = generation + 1; // volatile write: publishes the operation to the workers
        for (Worker w : workers) {
            if (w.parked) {
                LockSupport.unpark(w);
            }
        }
        try {
            runRange(bounds[0], bounds[1]);
        } catch (RuntimeException | Error e) {
            errors[0] = e;
        }
        awaitWorkers();
        rethrowFirstError();
    }

    private void awaitWorkers() {
        int rounds = 0;
        while (pending.get() != 0) {
            if (backOff(rounds)) {
                callerParked = true;
                if (pending.get() != 0) {
                    LockSupport.park(this);
                }
                callerParked = false;
            } else {
                rounds++;
            }
        }
    }

    /** Spins, then yields; returns true once the waiting thread should park instead. */
    private static boolean backOff(int round) {
        if (round < SPINS) {
            Thread.onSpinWait();
            return false;
        }
        if (round < SPINS + YIELDS) {
            Thread.yield();
            return false;
        }
        return true;
    }

    private void rethrowFirstError() {
        Throwable first = null;
        for (Throwable t : errors) {
            if (t != null) {
                if (first == null) {
                    first = t;
                } else {
                    first.addSuppressed(t);
                }
            }
        }
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
        if (first != null) {
            throw new IllegalStateException("a vector environment worker failed", first);
        }
    }

    @Override
    void stopWorkers() {
        stopping = true;
        for (Worker w : workers) {
            LockSupport.unpark(w);
        }
        for (Worker w : workers) {
            try {
                w.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Runs one slice of envs each generation until stopped. */
    private final class Worker extends Thread {
        private final int slice;
        volatile boolean parked;

        Worker(int slice) {
            super("deeprl4j-vecenv-" + THREAD_IDS.incrementAndGet());
            this.slice = slice;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            while (true) {
                long g = awaitWork(seen);
                if (g < 0) {
                    return;
                }
                seen = g;
                try {
                    runRange(bounds[slice], bounds[slice + 1]);
                } catch (Throwable t) { // handed to the caller, which rethrows it
                    errors[slice] = t;
                }
                if (pending.decrementAndGet() == 0 && callerParked) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** Waits for a generation other than {@code seen}; -1 when stopping. */
        private long awaitWork(long seen) {
            int rounds = 0;
            while (true) {
                if (stopping) {
                    return -1;
                }
                long g = generation;
                if (g != seen) {
                    return g;
                }
                if (backOff(rounds)) {
                    parked = true;
                    if (generation == seen && !stopping) {
                        LockSupport.park(this);
                    }
                    parked = false;
                } else {
                    rounds++;
                }
            }
        }
    }
}
