package org.deeprl4j.env.http;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.EpisodeGuard;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;
import org.deeprl4j.env.spaces.Spaces;

/**
 * An environment served by a Gym HTTP API server (the Python reference server, or deeprl4j's own
 * {@link GymHttpServer}), usable wherever an {@link Env} is: vector envs, agents, the CLI (as
 * {@code gym-http:CartPole-v1@http://127.0.0.1:5000}, see {@link GymHttp}).
 *
 * <p>Creating one creates a remote instance and reads its spaces (Discrete, Box, MultiDiscrete,
 * MultiBinary, Dict). Values use the same Java types as local envs ({@code Integer},
 * {@code float[]}, ...), so {@code observationSpace().flatten(...)} and
 * {@code actionSpace().unflatten(...)} work unchanged. Step results map to Gymnasium's flags:
 * {@code terminated}/{@code truncated} when the server sends them, otherwise {@code done} with
 * {@code info["TimeLimit.truncated"]} telling a time-out from a terminal state. Actions outside the
 * action space throw {@link InvalidActionException} before any request; server errors throw
 * {@link GymHttpException} with the server's message. {@link #close()} closes the remote
 * instance. Not thread-safe (like every env); all instances share one HTTP/1.1 client.
 */
public final class GymHttpEnv implements Env<Object, Object> {
    private static final System.Logger LOG = System.getLogger(GymHttpEnv.class.getName());

    private final GymHttpTransport transport;
    private final String envId;
    private final String instanceId;
    private final Space<Object> observationSpace;
    private final Space<Object> actionSpace;
    private final EpisodeGuard guard;

    private GymHttpEnv(GymHttpTransport transport, String envId, String instanceId, Space<Object> obs,
                       Space<Object> act) {
        this.transport = transport;
        this.envId = envId;
        this.instanceId = instanceId;
        this.observationSpace = obs;
        this.actionSpace = act;
        this.guard = new EpisodeGuard("GymHttpEnv(" + envId + "@" + transport.base() + ")");
    }

    /** Creates an instance of {@code envId} on {@code server} with default timeouts. */
    public static GymHttpEnv create(URI server, String envId) {
        return create(server, envId, Options.defaults());
    }

    /**
     * Creates an instance of {@code envId} on {@code server}; an id the server does not know throws
     * {@link IllegalArgumentException} with the server's message.
     */
    @SuppressWarnings("unchecked")
    public static GymHttpEnv create(URI server, String envId, Options options) {
        if (server == null || !("http".equals(server.getScheme()) || "https".equals(server.getScheme()))) {
            throw new IllegalArgumentException("Gym HTTP server URL must be http(s)://host:port, got " + server);
        }
        if (envId == null || envId.isBlank()) {
            throw new IllegalArgumentException("environment id must not be empty");
        }
        GymHttpTransport t = new GymHttpTransport(server, options.connectTimeout(), options.readTimeout());
        String id;
        try {
            Object v = t.post("/v1/envs/", Json.object("env_id", envId)).get("instance_id");
            if (!(v instanceof String s)) {
                throw new GymHttpException("server " + server + " created " + envId + " without an instance_id: " + v,
                        200, null, null);
            }
            id = s;
        } catch (GymHttpException e) {
            if (e.status() == 400) { // bad input: the server does not know that id
                throw new IllegalArgumentException("server " + server + " cannot create '" + envId + "': "
                        + (e.serverMessage() != null ? e.serverMessage() : e.getMessage()), e);
            }
            throw e;
        }
        try {
            Space<?> obs = Spaces.fromJson(info(t.get("/v1/envs/" + id + "/observation_space/")));
            Space<?> act = Spaces.fromJson(info(t.get("/v1/envs/" + id + "/action_space/")));
            return new GymHttpEnv(t, envId, id, (Space<Object>) obs, (Space<Object>) act);
        } catch (RuntimeException e) {
            closeRemote(t, id);
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> info(Map<String, Object> reply) {
        if (!(reply.get("info") instanceof Map<?, ?> m)) {
            throw new GymHttpException("space reply has no 'info' object: " + reply, 200, null, null);
        }
        return (Map<String, ?>) m;
    }

    @Override
    public Space<Object> observationSpace() {
        return observationSpace;
    }

    @Override
    public Space<Object> actionSpace() {
        return actionSpace;
    }

    /** The remote instance id. */
    public String instanceId() {
        return instanceId;
    }

    /** The environment id on the server. */
    public String envId() {
        return envId;
    }

    /** The server's base URL. */
    public URI server() {
        return transport.base();
    }

    @Override
    public Reset<Object> reset(OptionalLong seed) {
        guard.beforeReset();
        byte[] body = seed.isPresent() ? Json.object("seed", seed.getAsLong()) : new byte[] {'{', '}'};
        Map<String, Object> reply = transport.post(path("reset/"), body);
        Reset<Object> r = new Reset<>(observation(reply), infoOf(reply));
        guard.afterReset();
        return r;
    }

    @Override
    public Step<Object> step(Object action) {
        guard.beforeStep();
        if (!actionSpace.contains(action)) {
            throw new InvalidActionException(action, actionSpace);
        }
        byte[] body = Json.bytes(g -> {
            g.writeStartObject();
            g.writeFieldName("action");
            Json.writeValue(g, actionSpace, action);
            g.writeEndObject();
        });
        Map<String, Object> reply;
        try {
            reply = transport.post(path("step/"), body);
        } catch (GymHttpException e) {
            if (e.status() == 400 && e.serverMessage() != null && e.serverMessage().contains("action space")) {
                InvalidActionException ia = new InvalidActionException(action, actionSpace);
                ia.initCause(e);
                throw ia;
            }
            throw e;
        }
        Step<Object> s = toStep(reply);
        guard.afterStep(s.terminated(), s.truncated());
        return s;
    }

    private Step<Object> toStep(Map<String, Object> reply) {
        Object obs = observation(reply);
        if (!(reply.get("reward") instanceof Number reward)) {
            throw malformed("a numeric 'reward'", reply);
        }
        Map<String, Object> info = infoOf(reply);
        boolean terminated;
        boolean truncated;
        if (reply.get("terminated") instanceof Boolean te && reply.get("truncated") instanceof Boolean tr) {
            terminated = te;
            truncated = tr;
        } else if (reply.get("done") instanceof Boolean done) {
            truncated = done && Boolean.TRUE.equals(info.get(Endpoints.TIME_LIMIT_TRUNCATED));
            terminated = done && !truncated;
        } else {
            throw malformed("'done' or 'terminated'/'truncated'", reply);
        }
        return new Step<>(obs, reward.doubleValue(), terminated, truncated, info);
    }

    private Object observation(Map<String, Object> reply) {
        if (!reply.containsKey("observation")) {
            throw malformed("an 'observation'", reply);
        }
        try {
            return observationSpace.fromJson(reply.get("observation"));
        } catch (IllegalArgumentException e) {
            throw new GymHttpException("server " + transport.base() + " sent an observation outside "
                    + observationSpace + ": " + e.getMessage(), 200, null, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> infoOf(Map<String, Object> reply) {
        return reply.get("info") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private GymHttpException malformed(String what, Map<String, Object> reply) {
        String s = reply.toString();
        return new GymHttpException("server " + transport.base() + " replied without " + what + ": "
                + (s.length() > 200 ? s.substring(0, 200) + "..." : s), 200, null, null);
    }

    private String path(String action) {
        return "/v1/envs/" + instanceId + "/" + action;
    }

    /** Closes the remote instance; idempotent, and never throws (a failure is logged). */
    @Override
    public void close() {
        if (guard.close()) {
            closeRemote(transport, instanceId);
        }
    }

    private static void closeRemote(GymHttpTransport t, String id) {
        try {
            t.post("/v1/envs/" + id + "/close/", new byte[] {'{', '}'});
        } catch (GymHttpException e) {
            LOG.log(System.Logger.Level.WARNING, "closing remote instance " + id + " failed: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "GymHttpEnv(" + envId + "@" + transport.base() + ", instance=" + instanceId + ", obs="
                + observationSpace + ", action=" + actionSpace + ")";
    }

    /**
     * Client settings.
     *
     * @param connectTimeout limit for opening a connection
     * @param readTimeout limit for each request's reply
     */
    public record Options(Duration connectTimeout, Duration readTimeout) {
        public Options {
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
            }
            if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("readTimeout must be positive, got " + readTimeout);
            }
        }

        /** 5 s to connect, 60 s per reply. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofSeconds(60));
        }
    }
}
