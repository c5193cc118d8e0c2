package org.deeprl4j.env.http;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.Step;

/**
 * One environment served under an instance id. Every operation runs while the caller holds the
 * instance's lock ({@link #tryLock}), so each instance serves one request at a time while
 * different instances run in parallel.
 */
final class Instance {
    private static final System.Logger LOG = System.getLogger(GymHttpServer.class.getName());
    private final String id;
    private final String envId;
    private final Env<Object, Object> env;
    private final Rng sampler;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastUsedNanos;
    private boolean closed;
    private OptionalLong createSeed;
    private EpisodeMonitor monitor;

    /**
     * @param createSeed the {@code seed} given at creation: it seeds the first reset that brings no
     *     seed of its own (the reference server called {@code env.seed(seed)}), and the action sampler
     */
    @SuppressWarnings("unchecked")
    Instance(String id, String envId, Env<?, ?> env, OptionalLong createSeed, long nowNanos) {
        this.id = id;
        this.envId = envId;
        this.env = (Env<Object, Object>) env;
        this.createSeed = createSeed;
        this.sampler = createSeed.isPresent() ? new Rng(createSeed.getAsLong()).split() : Rng.fromEntropy();
        this.lastUsedNanos = nowNanos;
    }

    String id() {
        return id;
    }

    String envId() {
        return envId;
    }

    Env<Object, Object> env() {
        return env;
    }

    long lastUsedNanos() {
        return lastUsedNanos;
    }

    /** Waits up to {@code timeout} for exclusive use; false when another request kept it busy. */
    boolean tryLock(Duration timeout) throws InterruptedException {
        return lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Immediate variant for the idle sweeper, which never waits for a busy instance. */
    boolean tryLockNow() {
        return lock.tryLock();
    }

    /** Releases the lock, recording the time of use. */
    void unlock(long nowNanos) {
        lastUsedNanos = nowNanos;
        lock.unlock();
    }

    /** True once closed; a request that waited for the lock of a closed instance must not use it. */
    boolean isClosed() {
        return closed;
    }

    Reset<Object> reset(OptionalLong seed) {
        OptionalLong s = seed;
        if (s.isEmpty() && createSeed.isPresent()) {
            s = createSeed;
        }
        Reset<Object> r = env.reset(s);
        createSeed = OptionalLong.empty();
        if (monitor != null) {
            monitor.onReset();
        }
        return r;
    }

    /** Steps the env; a monitor that cannot write is stopped (and logged) without losing the step. */
    Step<Object> step(Object action) {
        Step<Object> s = env.step(action);
        if (monitor != null) {
            try {
                monitor.onStep(s.reward(), s.done());
            } catch (UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "instance " + id + ": monitor stopped: " + e.getMessage());
                stopMonitor();
            }
        }
        return s;
    }

    Object sampleAction() {
        return env.actionSpace().sample(sampler);
    }

    /** Replaces any running monitor. */
    void startMonitor(EpisodeMonitor m) {
        stopMonitor();
        monitor = m;
    }

    /** Stops recording; harmless when no monitor runs. */
    void stopMonitor() {
        if (monitor != null) {
            EpisodeMonitor m = monitor;
            monitor = null;
            try {
                m.close();
            } catch (UncheckedIOException e) {
                LOG.log(System.Logger.Level.WARNING, "instance " + id + ": " + e.getMessage());
            }
        }
    }

    /** The running monitor, or null. */
    EpisodeMonitor monitor() {
        return monitor;
    }

    /** Closes the monitor and the environment; idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopMonitor();
        } finally {
            env.close();
        }
    }
}
