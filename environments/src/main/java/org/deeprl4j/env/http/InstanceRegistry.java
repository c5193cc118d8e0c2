package org.deeprl4j.env.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;

/**
 * The live instances of a server: creation under a limit, lookup with per-instance locking,
 * removal, and eviction of idle instances.
 */
final class InstanceRegistry {
    private static final System.Logger LOG = System.getLogger(GymHttpServer.class.getName());
    private static final int REMEMBERED_EVICTIONS = 1024;

    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final AtomicInteger live = new AtomicInteger();
    private final int maxInstances;
    private final Duration idleTimeout;
    private final Duration lockTimeout;
    private final LongSupplier nanoClock;
    /** Recently evicted ids, so a late request learns why its instance is gone. */
    private final Map<String, String> evicted = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_EVICTIONS;
        }
    });

    InstanceRegistry(int maxInstances, Duration idleTimeout, Duration lockTimeout, LongSupplier nanoClock) {
        this.maxInstances = maxInstances;
        this.idleTimeout = idleTimeout;
        this.lockTimeout = lockTimeout;
        this.nanoClock = nanoClock;
    }

    /**
     * Creates an instance of a registered environment; 429 when {@code maxInstances} are live.
     * Only ids in the registry are served: prefixed ids such as {@code gym-http:...} (which would
     * make the server open connections of its own) are unknown here.
     */
    Instance create(String envId, OptionalLong seed) {
        if (live.incrementAndGet() > maxInstances) {
            live.decrementAndGet();
            throw new ApiException(429, "Too many environment instances: the server allows " + maxInstances
                    + "; close some (POST /v1/envs/<instance_id>/close/) or wait for idle ones to be evicted");
        }
        boolean added = false;
        try {
            Envs.spec(envId); // UnknownEnvException (400) with close matches for ids not registered
            Env<?, ?> env = Envs.make(envId);
            String id = newId();
            Instance inst = new Instance(id, envId, env, seed, nanoClock.getAsLong());
            instances.put(id, inst);
            added = true;
            return inst;
        } finally {
            if (!added) {
                live.decrementAndGet();
            }
        }
    }

    private String newId() {
        while (true) {
            // 8 hex digits like the reference; UUID draws from SecureRandom (ids are not seeded data)
            String id = UUID.randomUUID().toString().substring(0, 8);
            if (!instances.containsKey(id) && !evicted.containsKey(id)) {
                return id;
            }
        }
    }

    /**
     * Runs {@code action} on the instance while holding its lock: concurrent requests for one
     * instance wait their turn (409 after the lock timeout); an unknown id is a 400, as in the
     * reference server.
     */
    <T> T with(String id, Function<Instance, T> action) {
        Instance inst = lookup(id);
        boolean locked;
        try {
            locked = inst.tryLock(lockTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "Server is shutting down");
        }
        if (!locked) {
            throw new ApiException(409, "Instance_id " + id + " is busy: another request has used it for more than "
                    + lockTimeout.toSeconds() + " s");
        }
        try {
            if (inst.isClosed()) {
                throw unknown(id);
            }
            return action.apply(inst);
        } finally {
            inst.unlock(nanoClock.getAsLong());
        }
    }

    private Instance lookup(String id) {
        Instance inst = instances.get(id);
        if (inst == null) {
            throw unknown(id);
        }
        return inst;
    }

    private ApiException unknown(String id) {
        String why = evicted.get(id);
        return ApiException.badRequest("Instance_id " + id + " unknown" + (why == null ? "" : " (" + why + ")"));
    }

    /** Closes and removes an instance; 400 when unknown. */
    void remove(String id) {
        with(id, inst -> {
            closeQuietly(inst);
            if (instances.remove(id, inst)) {
                live.decrementAndGet();
            }
            return null;
        });
    }

    /** Instance id to env id, sorted by instance id. */
    Map<String, String> list() {
        Map<String, String> m = new TreeMap<>();
        instances.values().forEach(i -> m.put(i.id(), i.envId()));
        return m;
    }

    int size() {
        return live.get();
    }

    /** Closes instances idle for longer than the idle timeout; returns how many. */
    int evictIdle() {
        if (idleTimeout.isZero()) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        int n = 0;
        for (Instance inst : new ArrayList<>(instances.values())) {
            if (now - inst.lastUsedNanos() < idleTimeout.toNanos() || !inst.tryLockNow()) {
                continue; // recently used, or a request is running on it right now
            }
            try {
                if (!inst.isClosed() && nanoClock.getAsLong() - inst.lastUsedNanos() >= idleTimeout.toNanos()) {
                    evicted.put(inst.id(), "closed after being idle for " + idleTimeout.toSeconds() + " s");
                    closeQuietly(inst);
                    if (instances.remove(inst.id(), inst)) {
                        live.decrementAndGet();
                    }
                    n++;
                    LOG.log(System.Logger.Level.INFO, "evicted idle instance {0} ({1})", inst.id(), inst.envId());
                }
            } finally {
                inst.unlock(inst.lastUsedNanos());
            }
        }
        return n;
    }

    /** Closes every instance (server stop), waiting for running requests up to the lock timeout. */
    void closeAll() {
        List<Instance> all = new ArrayList<>(instances.values());
        for (Instance inst : all) {
            boolean locked = false;
            try {
                locked = inst.tryLock(lockTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                closeQuietly(inst);
            } finally {
                instances.remove(inst.id(), inst);
                if (locked) {
                    inst.unlock(nanoClock.getAsLong());
                }
            }
        }
        live.set(instances.size());
    }

    private static void closeQuietly(Instance inst) {
        try {
            inst.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "closing instance " + inst.id() + " (" + inst.envId() + ") failed", e);
        }
    }
}
