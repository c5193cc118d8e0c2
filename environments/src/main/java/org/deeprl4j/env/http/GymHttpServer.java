package org.deeprl4j.env.http;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Gym HTTP API server (openai/gym-http-api's {@code gym_http_server.py}) for every environment
 * in the {@link org.deeprl4j.env.Envs} registry, so Python (or any) clients train on deeprl4j's
 * JVM environments.
 *
 * <pre>{@code
 * try (GymHttpServer server = GymHttpServer.start(GymHttpServer.Options.defaults().withPort(0))) {
 *     Env<?, ?> env = Envs.make("gym-http:CartPole-v1@" + server.uri());
 *     ...
 * }
 * }</pre>
 *
 * <p>Endpoints, parameters and JSON shapes are the reference server's (see {@link Endpoints}), plus
 * {@code seed}/{@code info} on reset, {@code terminated}/{@code truncated} on step and
 * {@code DELETE /v1/envs/<id>/}. Errors are {@code {"message": ...}} with 400 (bad input, unknown
 * instance), 403 (shutdown disabled), 404/405, 409 (instance busy beyond the lock timeout), 413
 * (body over the limit), 429 (too many instances) or 500.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} with HTTP/1.1 keep-alive and a bounded
 * worker pool. Nagle's algorithm is switched off ({@code sun.net.httpserver.nodelay=true}) unless
 * the JVM was started with that property: with it on, a step took ~40 ms (the response waits for
 * the client's delayed ACK) instead of well under a millisecond. The JDK reads the property once,
 * when the first server of the JVM starts. Idle keep-alive connections are kept for an hour
 * ({@code sun.net.httpserver.idleInterval=3600} unless set), longer than the JDK HTTP client keeps
 * them, so a client pausing between steps never posts on a connection the server already closed.
 */
public final class GymHttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(GymHttpServer.class.getName());
    static final String NODELAY = "sun.net.httpserver.nodelay";
    static final String IDLE_INTERVAL = "sun.net.httpserver.idleInterval";

    private final Options options;
    private final HttpServer server;
    private final ExecutorService workers;
    private final ScheduledExecutorService sweeper;
    private final InstanceRegistry registry;
    private final ApiHandler handler;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);

    private GymHttpServer(Options options) throws IOException {
        this.options = options;
        InetAddress address = InetAddress.getByName(options.host());
        if (!address.isLoopbackAddress()) {
            LOG.log(System.Logger.Level.WARNING, "Gym HTTP server binding to non-loopback address {0}: any host "
                    + "that can reach it may create environments and write monitor files (no authentication)",
                    options.host());
        }
        setIfAbsent(NODELAY, "true");
        setIfAbsent(IDLE_INTERVAL, "3600");
        this.registry = new InstanceRegistry(options.maxInstances(), options.idleTimeout(), options.lockTimeout(),
                System::nanoTime);
        this.server = HttpServer.create(new InetSocketAddress(address, options.port()), 0);
        this.workers = Executors.newFixedThreadPool(options.threads(), daemonThreads("gym-http-worker"));
        this.sweeper = Executors.newSingleThreadScheduledExecutor(daemonThreads("gym-http-evictor"));
        Endpoints api = new Endpoints(registry, options.monitorRoot(), options.allowShutdown(), this::stopAsync);
        this.handler = new ApiHandler(api, options.maxBodyBytes());
        server.createContext("/", handler);
        server.setExecutor(workers);
    }

    /** Binds and starts a server; throws {@link UncheckedIOException} when the address cannot be bound. */
    public static GymHttpServer start(Options options) {
        GymHttpServer s;
        try {
            s = new GymHttpServer(options);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + options.host() + "'", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        s.server.start();
        if (!s.options.idleTimeout().isZero()) {
            long every = Math.max(10, Math.min(60_000, s.options.idleTimeout().toMillis() / 4));
            s.sweeper.scheduleWithFixedDelay(s::sweep, every, every, TimeUnit.MILLISECONDS);
        }
        LOG.log(System.Logger.Level.INFO, "Gym HTTP server listening on {0}", s.uri());
        return s;
    }

    private void sweep() {
        try {
            registry.evictIdle();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "evicting idle instances failed", e);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The bound address (with the actual port when port 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:5000}. */
    public URI uri() {
        String host = server.getAddress().getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** The options the server runs with. */
    public Options options() {
        return options;
    }

    /** Number of live environment instances. */
    public int instanceCount() {
        return registry.size();
    }

    /** True until {@link #stop()} completed. */
    public boolean isRunning() {
        return terminated.getCount() > 0;
    }

    /**
     * Stops gracefully: new requests get 503, running ones get up to one second to finish, then
     * the listener closes and every instance is closed (monitor files flushed). Idempotent.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            awaitTerminationUninterruptibly();
            return;
        }
        try {
            handler.beginStop();
            try {
                handler.awaitIdle(Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.stop(0);
            sweeper.shutdownNow();
            workers.shutdown();
            registry.closeAll();
            LOG.log(System.Logger.Level.INFO, "Gym HTTP server on port {0} stopped", String.valueOf(port()));
        } finally {
            terminated.countDown();
        }
    }

    private void stopAsync() {
        Thread t = new Thread(this::stop, "gym-http-shutdown");
        t.start();
    }

    private void awaitTerminationUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                terminated.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the server stopped (by {@link #stop()} or {@code POST /v1/shutdown/}). */
    public void awaitTermination() throws InterruptedException {
        terminated.await();
    }

    /** Like {@link #awaitTermination()} with a limit; true when the server stopped. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return terminated.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Server settings; start from {@link #defaults()} and change what you need with the
     * {@code with...} methods.
     *
     * @param host address to bind; a non-loopback address logs a warning
     * @param port TCP port; 0 picks a free one (see {@link GymHttpServer#port()})
     * @param maxInstances live instances allowed before creation answers 429
     * @param idleTimeout instances unused for this long are closed; {@link Duration#ZERO} never
     * @param maxBodyBytes larger request bodies are refused with 413
     * @param allowShutdown whether {@code POST /v1/shutdown/} stops the server (else 403)
     * @param threads worker threads handling requests
     * @param monitorRoot when non-null, monitor directories must lie inside it (relative ones
     *     resolve against it); null lets clients write monitor files wherever the server process can
     * @param lockTimeout how long a request waits for an instance another request is using (then 409)
     */
    public record Options(String host, int port, int maxInstances, Duration idleTimeout, long maxBodyBytes,
                          boolean allowShutdown, int threads, Path monitorRoot, Duration lockTimeout) {
        public Options {
            if (host == null || host.isBlank()) {
                throw new IllegalArgumentException("host must not be empty");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be in 0..65535, got " + port);
            }
            if (maxInstances < 1) {
                throw new IllegalArgumentException("maxInstances must be positive, got " + maxInstances);
            }
            if (idleTimeout == null || idleTimeout.isNegative()) {
                throw new IllegalArgumentException("idleTimeout must be zero (never) or positive, got " + idleTimeout);
            }
            if (maxBodyBytes < 1) {
                throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be positive, got " + threads);
            }
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                throw new IllegalArgumentException("lockTimeout must be positive, got " + lockTimeout);
            }
        }

        /**
         * 127.0.0.1:5000 (the reference's defaults), 1024 instances, 30 min idle timeout, 1 MB
         * bodies, shutdown refused, 16 worker threads, no monitor root, 30 s lock timeout.
         */
        public static Options defaults() {
            return new Options("127.0.0.1", 5000, 1024, Duration.ofMinutes(30), 1 << 20, false, 16, null,
                    Duration.ofSeconds(30));
        }

        public Options withHost(String h) {
            return new Options(h, port, maxInstances, idleTimeout, maxBodyBytes, allowShutdown, threads, monitorRoot, lockTimeout);
        }

        public Options withPort(int p) {
            return new Options(host, p, maxInstances, idleTimeout, maxBodyBytes, allowShutdown, threads, monitorRoot, lockTimeout);
        }

        public Options withMaxInstances(int n) {
            return new Options(host, port, n, idleTimeout, maxBodyBytes, allowShutdown, threads, monitorRoot, lockTimeout);
        }

        public Options withIdleTimeout(Duration d) {
            return new Options(host, port, maxInstances, d, maxBodyBytes, allowShutdown, threads, monitorRoot, lockTimeout);
        }

        public Options withMaxBodyBytes(long n) {
            return new Options(host, port, maxInstances, idleTimeout, n, allowShutdown, threads, monitorRoot, lockTimeout);
        }

        public Options withAllowShutdown(boolean b) {
            return new Options(host, port, maxInstances, idleTimeout, maxBodyBytes, b, threads, monitorRoot, lockTimeout);
        }

        public Options withThreads(int n) {
            return new Options(host, port, maxInstances, idleTimeout, maxBodyBytes, allowShutdown, n, monitorRoot, lockTimeout);
        }

        public Options withMonitorRoot(Path root) {
            return new Options(host, port, maxInstances, idleTimeout, maxBodyBytes, allowShutdown, threads, root, lockTimeout);
        }

        public Options withLockTimeout(Duration d) {
            return new Options(host, port, maxInstances, idleTimeout, maxBodyBytes, allowShutdown, threads, monitorRoot, d);
        }
    }
}
