package org.deeprl4j.experiments;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Suggestions;

/**
 * What {@code deeprl4j train --config FILE} reads. Two layouts:
 * <ul>
 *   <li>a run's {@code config.yaml} (as the run folder holds it): {@code algo}, {@code env},
 *       {@code env_kwargs}, {@code seed}, {@code n_timesteps}, {@code hyperparameters: {...}}
 *       (and the informational {@code deeprl4j_version}, {@code git_commit});</li>
 *   <li>an rl-baselines3-zoo-style algorithm file keyed by env id (like the embedded
 *       {@code configs/<algo>.yml}): the entry of the chosen env, or {@code defaults}, holds the
 *       hyperparameters and {@code n_timesteps}; the algorithm comes from {@code --algo} or the
 *       file name ({@code ppo.yml}).</li>
 * </ul>
 * Every key is checked before training; errors name the file, the line, the key and what is allowed.
 *
 * @param algo algorithm name
 * @param envId env id, or null when the file does not say (zoo layout: the caller's choice)
 * @param envKwargs env keyword arguments
 * @param seed root seed, or null when the file does not say
 * @param steps training length, or null when the file does not say
 * @param hyperparameters config keys over the algorithm's defaults, and {@code normalize} (see {@link NormalizeOption})
 */
public record RunConfigFile(String algo, String envId, Map<String, Object> envKwargs, Long seed, Long steps,
                            Map<String, Object> hyperparameters) {
    /** Top-level keys of a run's config.yaml. */
    public static final List<String> RUN_KEYS = List.of("algo", "env", "env_kwargs", "seed", "n_timesteps",
            "hyperparameters", "deeprl4j_version", "git_commit");

    /**
     * Reads a config file.
     *
     * @param algoHint {@code --algo}, or null
     * @param envHint  {@code --env}, or null (zoo layout: then CartPole-v1)
     */
    public static RunConfigFile read(Path file, String algoHint, String envHint) {
        ConfigFile f = ConfigFile.read(file);
        Map<String, Object> root = f.root();
        boolean runLayout = root.containsKey("algo") || root.containsKey("hyperparameters");
        return runLayout ? fromRun(f, algoHint, envHint) : fromZoo(f, algoHint, envHint);
    }

    private static RunConfigFile fromRun(ConfigFile f, String algoHint, String envHint) {
        Map<String, Object> root = f.root();
        for (String key : root.keySet()) {
            if (!RUN_KEYS.contains(key)) {
                throw new IllegalArgumentException(f.where(key) + ": unknown key '" + key + "'" + Suggestions.didYouMean(key, RUN_KEYS)
                        + "; a run config has: " + String.join(", ", RUN_KEYS));
            }
        }
        String algo = algoHint != null ? algoHint : string(f, "algo", root.get("algo"));
        if (algo == null) {
            throw new IllegalArgumentException(f.file() + ": no 'algo' key and no --algo given");
        }
        algo = algorithm(f, "algo", algo).name();
        String env = envHint != null ? envHint : string(f, "env", root.get("env"));
        Map<String, Object> hp = f.section("hyperparameters");
        check(f, "hyperparameters.", algo, hp);
        return new RunConfigFile(algo, env, f.section("env_kwargs"), number(f, "seed", root.get("seed")),
                number(f, "n_timesteps", root.get("n_timesteps")), hp);
    }

    private static RunConfigFile fromZoo(ConfigFile f, String algoHint, String envHint) {
        String algo = algoHint;
        if (algo == null) {
            String stem = f.file().getFileName().toString().replaceFirst("\\.ya?ml$", "");
            if (!Algorithms.names().contains(stem)) {
                throw new IllegalArgumentException(f.file() + ": a file keyed by env id needs --algo (or a file name like ppo.yml); "
                        + "algorithms: " + String.join(", ", Algorithms.names()));
            }
            algo = stem;
        }
        algo = algorithm(f, null, algo).name();
        String env = envHint != null ? envHint : "CartPole-v1";
        String key = Envs.baseId(env);
        if (!f.root().containsKey(key)) {
            key = Presets.DEFAULTS;
        }
        if (!f.root().containsKey(key)) {
            Set<String> entries = f.root().keySet();
            throw new IllegalArgumentException(f.file() + ": no entry for " + env + " and no '" + Presets.DEFAULTS + "' entry"
                    + Suggestions.didYouMean(Envs.baseId(env), List.copyOf(entries)) + "; entries: " + String.join(", ", entries));
        }
        Map<String, Object> hp = new LinkedHashMap<>(f.section(key));
        Long steps = number(f, key + "." + Presets.N_TIMESTEPS, hp.remove(Presets.N_TIMESTEPS));
        check(f, key + ".", algo, hp);
        return new RunConfigFile(algo, env, Map.of(), null, steps, hp);
    }

    /**
     * Checks keys, types and ranges of {@code hp} for {@code algo} (and its {@code normalize} key,
     * see {@link NormalizeOption}), naming the file line at fault.
     */
    private static void check(ConfigFile f, String prefix, String algo, Map<String, Object> all) {
        Map<String, Object> hp = new LinkedHashMap<>(all);
        if (hp.containsKey(NormalizeOption.KEY)) {
            String at = prefix + NormalizeOption.KEY;
            NormalizeOption.parse(hp.remove(NormalizeOption.KEY), k -> {
                String sub = k == null ? f.where(at) : f.where(at + "." + k);
                return sub.equals(f.file().toString()) ? f.where(at) : sub; // keys inside a zoo string: the key's line
            });
        }
        Algorithm<?, ?> a = Algorithms.get(algo);
        Map<String, Object> expanded = LinearSchedules.expand(hp, a.configType(), k -> f.where(prefix + k));
        List<String> keys = new java.util.ArrayList<>(ConfigBinder.keys(a.configType()));
        keys.add(NormalizeOption.KEY);
        for (String k : expanded.keySet()) {
            if (!keys.contains(k)) {
                throw new IllegalArgumentException(f.where(prefix + k) + ": unknown key '" + k + "' for " + algo
                        + Suggestions.didYouMean(k, keys) + "; valid keys: " + String.join(", ", keys));
            }
        }
        try {
            ConfigBinder.override(a.defaultConfig(), expanded);
        } catch (IllegalArgumentException whole) {
            for (Map.Entry<String, Object> e : hp.entrySet()) { // which key alone is wrong?
                try {
                    ConfigBinder.override(a.defaultConfig(), LinearSchedules.expand(Map.of(e.getKey(), e.getValue()),
                            a.configType(), k -> f.where(prefix + k)));
                } catch (IllegalArgumentException one) {
                    throw new IllegalArgumentException(f.where(prefix + e.getKey()) + ": " + one.getMessage(), whole);
                }
            }
            throw new IllegalArgumentException(f.file() + ": " + whole.getMessage(), whole);
        }
    }

    private static Algorithm<?, ?> algorithm(ConfigFile f, String key, String name) {
        try {
            return Algorithms.get(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((key == null ? f.file().toString() : f.where(key)) + ": " + e.getMessage(), e);
        }
    }

    private static String string(ConfigFile f, String key, Object v) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(f.where(key) + ": '" + key + "' must be a string, got " + v);
    }

    private static Long number(ConfigFile f, String key, Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
            return n.longValue();
        }
        throw new IllegalArgumentException(f.where(key) + ": '" + key + "' must be a whole number >= 0, got " + v);
    }
}
