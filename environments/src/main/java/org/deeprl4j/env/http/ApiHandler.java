package org.deeprl4j.env.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Routes requests to {@link Endpoints} and turns every failure into a JSON error: 400 for bad
 * input, 404/405 for unknown routes and methods, 413 for bodies over the limit, 500 for anything
 * unexpected (logged). No request can take the server down.
 *
 * <p>Paths are matched with or without their trailing slash ({@code /v1/envs/<id>/reset} and
 * {@code /v1/envs/<id>/reset/} are the same route).
 */
final class ApiHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(GymHttpServer.class.getName());
    private static final String PREFIX = "/v1/";

    private final Endpoints api;
    private final long maxBodyBytes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    ApiHandler(Endpoints api, long maxBodyBytes) {
        this.api = api;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** From now on every request gets 503; running ones finish normally. */
    void beginStop() {
        stopping = true;
    }

    /** Waits until no request is running or {@code timeout} passed; true when idle. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    @Override
    public void handle(HttpExchange ex) {
        inFlight.incrementAndGet();
        try {
            send(ex, respond(ex));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Response respond(HttpExchange ex) {
        if (stopping) {
            return Response.error(new ApiException(503, "Server is shutting down", Map.of("Connection", "close")));
        }
        Response response;
        try {
            response = route(ex);
        } catch (ApiException e) {
            response = Response.error(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // InvalidActionException, UnknownEnvException, call-order errors: the client's fault
            response = Response.error(ApiException.badRequest(e.getMessage()));
        } catch (Throwable e) { // even a StackOverflowError in an env must get an answer, not a hung client
            LOG.log(System.Logger.Level.WARNING, "request " + ex.getRequestMethod() + " " + ex.getRequestURI()
                    + " failed", e);
            response = Response.error(new ApiException(500, "Internal server error: " + e));
        }
        return response;
    }

    private Response route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            throw notFound(method, path);
        }
        String rest = path.substring(PREFIX.length());
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        List<String> seg = Arrays.asList(rest.split("/", -1));
        byte[] body = readBody(ex);
        switch (seg.get(0)) {
            case "envs":
                return seg.size() == 1 ? envsRoot(method, path, body) : instanceRoute(method, path, seg, body);
            case "shutdown":
                requireMethod(method, "POST", seg.size() == 1, path);
                return api.shutdown();
            case "upload":
                requireMethod(method, "POST", seg.size() == 1, path);
                return api.upload();
            default:
                throw notFound(method, path);
        }
    }

    private Response envsRoot(String method, String path, byte[] body) {
        return switch (method) {
            case "GET" -> api.list();
            case "POST" -> api.create(Json.parseObject(body));
            default -> throw notAllowed(method, path, "GET, POST");
        };
    }

    private Response instanceRoute(String method, String path, List<String> seg, byte[] body) {
        String id = seg.get(1);
        String route = String.join("/", seg.subList(2, seg.size()));
        if (route.startsWith("action_space/contains/") && seg.size() == 5) {
            requireMethod(method, "GET", true, path);
            return api.actionContains(id, seg.get(4));
        }
        String allowed = switch (route) {
            case "" -> "DELETE";
            case "action_space", "action_space/sample", "observation_space" -> "GET";
            case "reset", "step", "observation_space/contains", "monitor/start", "monitor/close", "close" -> "POST";
            default -> throw notFound(method, path);
        };
        requireMethod(method, allowed, true, path);
        return switch (route) {
            case "" -> api.close(id);
            case "reset" -> api.reset(id, Json.parseObject(body));
            case "step" -> api.step(id, Json.parseObject(body));
            case "action_space" -> api.actionSpace(id);
            case "action_space/sample" -> api.sample(id);
            case "observation_space" -> api.observationSpace(id);
            case "observation_space/contains" -> api.observationContains(id, Json.parseObject(body));
            case "monitor/start" -> api.monitorStart(id, Json.parseObject(body));
            case "monitor/close" -> api.monitorClose(id);
            default -> api.close(id); // "close"
        };
    }

    private static void requireMethod(String method, String allowed, boolean routeExists, String path) {
        if (!routeExists) {
            throw notFound(method, path);
        }
        if (!allowed.equals(method)) {
            throw notAllowed(method, path, allowed);
        }
    }

    private static ApiException notFound(String method, String path) {
        String hint = path != null && path.endsWith("/shutdown/") ? "; the shutdown endpoint is POST /v1/shutdown/" : "";
        return new ApiException(404, "No endpoint " + method + " " + path + hint);
    }

    private static ApiException notAllowed(String method, String path, String allowed) {
        return new ApiException(405, "Method " + method + " is not allowed for " + path + "; use " + allowed,
                Map.of("Allow", allowed));
    }

    /** Reads the body, refusing (413) more than {@code maxBodyBytes} whether announced or streamed. */
    private byte[] readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Invalid Content-Length header '" + length + "'");
            }
            if (n > maxBodyBytes) {
                throw tooLarge();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        byte[] buf = new byte[8192];
        try (InputStream in = ex.getRequestBody()) {
            for (int r; (r = in.read(buf)) >= 0; ) {
                if (out.size() + r > maxBodyBytes) {
                    throw tooLarge();
                }
                out.write(buf, 0, r);
            }
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        // the rest of the oversized body is never read, so the connection cannot be reused
        return new ApiException(413, "Request body is larger than the server's limit of " + maxBodyBytes + " bytes",
                Map.of("Connection", "close"));
    }

    private static void send(HttpExchange ex, Response r) {
        try (ex) {
            var headers = ex.getResponseHeaders();
            headers.set("Content-Type", r.contentType());
            r.headers().forEach(headers::set);
            boolean empty = r.body().length == 0;
            ex.sendResponseHeaders(r.status(), empty ? -1 : r.body().length);
            if (!empty) {
                try (OutputStream os = ex.getResponseBody()) {
                    os.write(r.body());
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "client went away before the response was sent: " + e);
        }
        if (r.afterSend() != null) {
            r.afterSend().run();
        }
    }
}
