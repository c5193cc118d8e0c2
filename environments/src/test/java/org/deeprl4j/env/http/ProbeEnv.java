package org.deeprl4j.env.http;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeprl4j.env.BaseEnv;
import org.deeprl4j.env.EnvSpec;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * Test env for server concurrency: observation = steps taken this episode (Discrete), action
 * Discrete(2). Each step can sleep, records how many steps of probe envs run at once, and in
 * rendezvous mode waits for a second concurrent step (reward 1 when it came, 0 after a timeout).
 */
final class ProbeEnv extends BaseEnv<Integer, Integer> {
    static final String SLOW = "HttpProbeSlow-v0";
    static final String RENDEZVOUS = "HttpProbeRendezvous-v0";
    static final AtomicInteger ACTIVE = new AtomicInteger();
    static final AtomicInteger MAX_ACTIVE = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();
    static volatile CountDownLatch rendezvous = new CountDownLatch(2);

    private static final Discrete OBS = new Discrete(1_000_000);
    private static final Discrete ACT = new Discrete(2);
    private final long delayMillis;
    private final boolean meet;
    private int count;

    ProbeEnv(long delayMillis, boolean meet) {
        this.delayMillis = delayMillis;
        this.meet = meet;
    }

    /** Registers the probe ids (idempotent). */
    static synchronized void register() {
        if (Envs.find(SLOW).isEmpty()) {
            Envs.register(new EnvSpec(SLOW, kw -> new ProbeEnv(20, false), null, null, true, Map.of()));
            Envs.register(new EnvSpec(RENDEZVOUS, kw -> new ProbeEnv(0, true), null, null, true, Map.of()));
        }
    }

    static synchronized void unregister() {
        Envs.unregister(SLOW);
        Envs.unregister(RENDEZVOUS);
    }

    static void resetCounters() {
        ACTIVE.set(0);
        MAX_ACTIVE.set(0);
        rendezvous = new CountDownLatch(2);
    }

    @Override
    public Space<Integer> observationSpace() {
        return OBS;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACT;
    }

    @Override
    protected Reset<Integer> doReset() {
        count = 0;
        return Reset.of(0);
    }

    @Override
    protected Step<Integer> doStep(Integer action) {
        int now = ACTIVE.incrementAndGet();
        MAX_ACTIVE.accumulateAndGet(now, Math::max);
        try {
            double reward = 0;
            if (meet) {
                CountDownLatch latch = rendezvous;
                latch.countDown();
                reward = latch.await(5, TimeUnit.SECONDS) ? 1 : 0;
            } else if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            count++;
            return Step.of(count, reward, false, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            ACTIVE.decrementAndGet();
        }
    }

    @Override
    protected void onClose() {
        CLOSED.incrementAndGet();
    }
}
