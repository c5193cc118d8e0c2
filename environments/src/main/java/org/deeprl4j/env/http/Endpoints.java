package org.deeprl4j.env.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NumericNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.deeprl4j.env.InvalidActionException;
import org.deeprl4j.env.Reset;
import org.deeprl4j.env.Step;
import org.deeprl4j.env.spaces.Space;

/**
 * The Gym HTTP API's operations, with the reference server's parameters and JSON shapes plus
 * Gymnasium-era additions ({@code seed} on reset, {@code info} from reset, {@code terminated} and
 * {@code truncated} from step). Transport concerns live in {@link ApiHandler}.
 */
final class Endpoints {
    /** Info key with which old Gym clients tell time-outs from terminal states. */
    static final String TIME_LIMIT_TRUNCATED = "TimeLimit.truncated";

    private final InstanceRegistry registry;
    private final Path monitorRoot;
    private final boolean allowShutdown;
    private final Runnable shutdown;

    Endpoints(InstanceRegistry registry, Path monitorRoot, boolean allowShutdown, Runnable shutdown) {
        this.registry = registry;
        this.monitorRoot = monitorRoot;
        this.allowShutdown = allowShutdown;
        this.shutdown = shutdown;
    }

    /** POST /v1/envs/ {env_id, seed?} -> {instance_id}. */
    Response create(Map<String, Object> body) {
        String envId = Params.requiredString(body, "env_id");
        OptionalLong seed = Params.optionalLong(body, "seed");
        return Response.json(Json.object("instance_id", registry.create(envId, seed).id()));
    }

    /** GET /v1/envs/ -> {all_envs: {instance_id: env_id}}. */
    Response list() {
        return Response.json(Json.object("all_envs", registry.list()));
    }

    /** POST /v1/envs/{id}/reset/ {seed?} -> {observation, info}. */
    Response reset(String id, Map<String, Object> body) {
        OptionalLong seed = Params.optionalLong(body, "seed");
        return registry.with(id, inst -> {
            Reset<Object> r = inst.reset(seed);
            Space<Object> space = inst.env().observationSpace();
            return Response.json(Json.bytes(g -> {
                g.writeStartObject();
                g.writeFieldName("observation");
                Json.writeValue(g, space, r.observation());
                g.writeFieldName("info");
                Json.writeAny(g, r.info());
                g.writeEndObject();
            }));
        });
    }

    /** POST /v1/envs/{id}/step/ {action, render?} -> {observation, reward, done, info, terminated, truncated}. */
    Response step(String id, Map<String, Object> body) {
        Object json = Params.required(body, "action");
        Params.optionalBoolean(body, "render"); // accepted and checked; nothing is rendered on a server
        return registry.with(id, inst -> {
            Space<Object> actions = inst.env().actionSpace();
            Object action = decodeAction(actions, json);
            Step<Object> s = inst.step(action);
            Map<String, Object> info = s.info();
            if (s.truncated() && !s.terminated()) {
                info = new LinkedHashMap<>(info);
                info.put(TIME_LIMIT_TRUNCATED, true); // what gym's TimeLimit told old clients
            }
            Map<String, Object> finalInfo = info;
            Space<Object> space = inst.env().observationSpace();
            return Response.json(Json.bytes(g -> {
                g.writeStartObject();
                g.writeFieldName("observation");
                Json.writeValue(g, space, s.observation());
                g.writeNumberField("reward", s.reward());
                g.writeBooleanField("done", s.done());
                g.writeFieldName("info");
                Json.writeAny(g, finalInfo);
                g.writeBooleanField("terminated", s.terminated());
                g.writeBooleanField("truncated", s.truncated());
                g.writeEndObject();
            }));
        });
    }

    private static Object decodeAction(Space<Object> space, Object json) {
        Object action;
        try {
            action = space.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid action for the action space " + space + ": " + e.getMessage());
        }
        if (!space.contains(action)) {
            throw ApiException.badRequest(new InvalidActionException(action, space).getMessage());
        }
        return action;
    }

    /** GET /v1/envs/{id}/action_space/ -> {info}. */
    Response actionSpace(String id) {
        return registry.with(id, inst -> Response.json(Json.object("info", inst.env().actionSpace().toJson())));
    }

    /** GET /v1/envs/{id}/observation_space/ -> {info}. */
    Response observationSpace(String id) {
        return registry.with(id, inst -> Response.json(Json.object("info", inst.env().observationSpace().toJson())));
    }

    /** GET /v1/envs/{id}/action_space/sample -> {action}. */
    Response sample(String id) {
        return registry.with(id, inst -> {
            Object a = inst.sampleAction();
            Space<Object> space = inst.env().actionSpace();
            return Response.json(Json.bytes(g -> {
                g.writeStartObject();
                g.writeFieldName("action");
                Json.writeValue(g, space, a);
                g.writeEndObject();
            }));
        });
    }

    /**
     * GET /v1/envs/{id}/action_space/contains/{x} -> {member}. {@code x} is a number or a JSON list
     * (the reference accepts integers only); a value of the wrong shape is not a member.
     */
    Response actionContains(String id, String x) {
        Object value;
        try {
            value = Json.MAPPER.readValue(x, Object.class);
        } catch (IOException e) {
            throw ApiException.badRequest("Cannot read '" + x + "' as a number or JSON list");
        }
        return registry.with(id, inst -> {
            Space<Object> space = inst.env().actionSpace();
            boolean member;
            try {
                member = space.contains(space.fromJson(value));
            } catch (IllegalArgumentException e) {
                member = false;
            }
            return Response.json(Json.object("member", member));
        });
    }

    /**
     * POST /v1/envs/{id}/observation_space/contains {key: value, ...} -> {member}: true when each
     * given key of the space's info has that value (numbers compare by value).
     */
    Response observationContains(String id, Map<String, Object> body) {
        return registry.with(id, inst -> {
            JsonNode info = Json.MAPPER.valueToTree(inst.env().observationSpace().toJson());
            boolean member = true;
            for (Map.Entry<String, Object> e : body.entrySet()) {
                JsonNode expected = info.get(e.getKey());
                JsonNode given = Json.MAPPER.valueToTree(e.getValue());
                member &= expected != null && expected.equals(NUMBERS_BY_VALUE, given);
            }
            return Response.json(Json.object("member", member));
        });
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a instanceof NumericNode && b instanceof NumericNode) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /**
     * POST /v1/envs/{id}/monitor/start/ {directory, force?, resume?, video_callable?}: records
     * episode statistics to {@code <directory>/<instance_id>.monitor.csv}. An existing file is an
     * error unless {@code force} (overwrite) or {@code resume} (append); no video is recorded.
     */
    Response monitorStart(String id, Map<String, Object> body) {
        String directory = Params.requiredString(body, "directory");
        boolean force = Params.optionalBoolean(body, "force");
        boolean resume = Params.optionalBoolean(body, "resume");
        return registry.with(id, inst -> {
            Path file = MonitorPaths.monitorFile(directory, monitorRoot, id);
            inst.stopMonitor(); // a restart into the same file must not see its own open file as a clash
            if (Files.exists(file) && !force && !resume) {
                throw ApiException.badRequest("Monitor file " + file + " already exists; pass \"force\": true to "
                        + "overwrite it or \"resume\": true to append to it");
            }
            double epochSeconds = System.currentTimeMillis() / 1000.0; // metadata: the t_start header
            inst.startMonitor(new EpisodeMonitor(file, inst.envId(), resume && !force, epochSeconds, System::nanoTime));
            return Response.noContent();
        });
    }

    /** POST /v1/envs/{id}/monitor/close/: flushes and stops recording; the instance stays usable. */
    Response monitorClose(String id) {
        return registry.with(id, inst -> {
            inst.stopMonitor();
            return Response.noContent();
        });
    }

    /** POST /v1/envs/{id}/close/ and DELETE /v1/envs/{id}/: closes and forgets the instance. */
    Response close(String id) {
        registry.remove(id);
        return Response.noContent();
    }

    /** POST /v1/shutdown/: stops the server when it was started with allowShutdown, else 403. */
    Response shutdown() {
        if (!allowShutdown) {
            throw new ApiException(403, "Shutdown over HTTP is disabled; start the server with allowShutdown "
                    + "(deeprl4j serve --allow-shutdown) to enable it");
        }
        return Response.text("Server shutting down", shutdown);
    }

    /** POST /v1/upload/: the OpenAI Gym scoreboard it uploaded to no longer exists. */
    Response upload() {
        throw new ApiException(501, "Upload is not supported: the OpenAI Gym scoreboard it posted to no longer exists");
    }
}
