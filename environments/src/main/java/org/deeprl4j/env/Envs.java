package org.deeprl4j.env;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.deeprl4j.env.wrappers.TimeLimit;

/**
 * The environment registry: Gymnasium's {@code gymnasium.make} and {@code register}.
 *
 * <pre>{@code
 * Env<?, ?> env = Envs.make("CartPole-v1");                       // TimeLimit(500) applied
 * Env<?, ?> env = Envs.make("CartPole-v1", Map.of("max_episode_steps", 100));
 * Envs.register(EnvSpec.of("MyEnv-v0", kw -> new MyEnv(kw.getDouble("speed", 1.0)), 200, 100.0));
 * }</pre>
 *
 * <p>The keyword {@code max_episode_steps} overrides the spec's time limit; every other keyword
 * goes to the environment, which rejects unknown names and wrong types. Ids with a registered
 * prefix (such as {@code gym-http:}) are handed to that prefix's resolver.
 */
public final class Envs {
    /** Keyword that overrides the registered time limit. */
    public static final String MAX_EPISODE_STEPS = "max_episode_steps";

    private static final Map<String, EnvSpec> REGISTRY = new ConcurrentHashMap<>();
    private static final Map<String, Function<String, Env<?, ?>>> RESOLVERS = new ConcurrentHashMap<>();

    static {
        BuiltinEnvs.registerAll();
    }

    private Envs() {
    }

    /** Registers a spec; an id registered twice is an error. */
    public static void register(EnvSpec spec) {
        EnvSpec prev = REGISTRY.putIfAbsent(spec.id(), spec);
        if (prev != null) {
            throw new IllegalArgumentException("environment id " + spec.id() + " is already registered");
        }
    }

    /** Removes a registration (for tests and plugins); returns whether it existed. */
    public static boolean unregister(String id) {
        return REGISTRY.remove(id) != null;
    }

    /**
     * Routes ids starting with {@code prefix} (e.g. {@code "gym-http:"}) to {@code resolver},
     * which receives the whole id.
     */
    public static void registerResolver(String prefix, Function<String, Env<?, ?>> resolver) {
        RESOLVERS.put(prefix, resolver);
    }

    /** Creates the environment registered as {@code id} with its default arguments. */
    public static Env<?, ?> make(String id) {
        return make(id, Map.of());
    }

    /** Creates the environment registered as {@code id}, with keyword arguments. */
    public static Env<?, ?> make(String id, Map<String, ?> kwargs) {
        for (Map.Entry<String, Function<String, Env<?, ?>>> r : RESOLVERS.entrySet()) {
            if (id != null && id.startsWith(r.getKey())) {
                if (!kwargs.isEmpty()) {
                    throw new IllegalArgumentException("keyword arguments " + kwargs.keySet() + " cannot be passed to "
                            + id + ": remote environments are configured by their server");
                }
                return r.getValue().apply(id);
            }
        }
        EnvSpec spec = spec(id);
        Map<String, Object> all = new LinkedHashMap<>(spec.kwargs());
        all.putAll(kwargs);
        Object max = all.remove(MAX_EPISODE_STEPS);
        Integer limit = spec.maxEpisodeSteps();
        if (max != null) {
            if (!(max instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() <= 0) {
                throw new IllegalArgumentException(MAX_EPISODE_STEPS + " for " + id + " must be a positive integer, got " + max);
            }
            limit = n.intValue();
        }
        Kwargs kw = new Kwargs(id, all);
        Env<?, ?> env = spec.factory().create(kw);
        try {
            kw.checkAllUsed();
        } catch (IllegalArgumentException e) {
            env.close();
            throw e;
        }
        return limit == null ? env : new TimeLimit<>(env, limit);
    }

    /** Typed variant of {@link #make(String)} for callers that know the env's types. */
    @SuppressWarnings("unchecked")
    public static <O, A> Env<O, A> make(String id, Class<O> obsType, Class<A> actionType) {
        return (Env<O, A>) make(id);
    }

    /**
     * Checks that {@code id} can be made: a registered id, or one handled by a resolver prefix
     * (e.g. {@code gym-http:}); otherwise an {@link UnknownEnvException} listing close matches.
     */
    public static void validate(String id) {
        if (id != null && RESOLVERS.keySet().stream().anyMatch(id::startsWith)) {
            return;
        }
        spec(id);
    }

    /**
     * The registered id behind {@code id}: itself for registered ids, {@code ENV_ID} for resolver
     * ids of the form {@code prefix:ENV_ID@location} (used to look up per-env defaults).
     */
    public static String baseId(String id) {
        for (String prefix : RESOLVERS.keySet()) {
            if (id.startsWith(prefix)) {
                String rest = id.substring(prefix.length());
                int at = rest.lastIndexOf('@');
                return at > 0 ? rest.substring(0, at) : rest;
            }
        }
        return id;
    }

    /** The spec registered as {@code id}, or an {@link UnknownEnvException} listing close matches. */
    public static EnvSpec spec(String id) {
        if (id == null || id.isBlank()) {
            throw new UnknownEnvException("environment id is empty; try one of: " + String.join(", ", ids()));
        }
        EnvSpec spec = REGISTRY.get(id);
        if (spec != null) {
            return spec;
        }
        if (!EnvSpec.ID.matcher(id).matches()) {
            String withVersion = REGISTRY.keySet().stream().filter(k -> k.startsWith(id + "-v"))
                    .max(Comparator.naturalOrder()).orElse(null);
            if (withVersion != null) {
                throw new UnknownEnvException("environment id '" + id + "' has no version; did you mean " + withVersion + "?");
            }
        }
        List<String> versions = REGISTRY.keySet().stream()
                .filter(k -> k.replaceAll("-v\\d+$", "").equals(id.replaceAll("-v\\d+$", ""))).sorted().toList();
        if (!versions.isEmpty()) {
            throw new UnknownEnvException("environment '" + id + "' does not exist in that version; registered: "
                    + String.join(", ", versions));
        }
        throw new UnknownEnvException("unknown environment id '" + id + "'" + Suggestions.didYouMean(id, REGISTRY.keySet())
                + "; run `deeprl4j envs` to list them");
    }

    /** The spec if registered. */
    public static Optional<EnvSpec> find(String id) {
        return Optional.ofNullable(id == null ? null : REGISTRY.get(id));
    }

    /** All registered ids, sorted. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(REGISTRY.keySet());
        ids.sort(Comparator.naturalOrder());
        return ids;
    }

    /** All registered specs, sorted by id. */
    public static List<EnvSpec> all() {
        return ids().stream().map(REGISTRY::get).toList();
    }
}
