package org.deeprl4j.experiments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.deeprl4j.env.Suggestions;
import org.deeprl4j.env.vector.NormalizeSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The {@code normalize} hyperparameter, as rl-baselines3-zoo reads it: written beside the
 * algorithm's keys (in a zoo file's env entry, a run's {@code hyperparameters}, or
 * {@code --set normalize=...}) and taken out before the algorithm's config is bound. It applies to
 * every algorithm and trains behind a {@link org.deeprl4j.env.vector.VecNormalize}.
 * <ul>
 *   <li>{@code normalize: true} — observations and rewards, SB3's defaults;</li>
 *   <li>{@code normalize: false} — none (also when the key is absent);</li>
 *   <li>a mapping of {@link NormalizeSettings#KEYS} ({@code {norm_obs: true, norm_reward: false,
 *       clip_obs: 10.0}}); missing keys take SB3's defaults, and {@code gamma} the algorithm's
 *       gamma, as in the zoo;</li>
 *   <li>the zoo's string forms {@code "{'norm_obs': True, 'norm_reward': False}"} and
 *       {@code "dict(norm_obs=True, norm_reward=False)"}.</li>
 * </ul>
 */
final class NormalizeOption {
    /** The hyperparameter's name. */
    static final String KEY = "normalize";

    private NormalizeOption() {
    }

    /**
     * Checks a {@code normalize} value and returns the keys it gives (empty for {@code true}), or
     * null for {@code false}.
     *
     * @param where location ({@code FILE:LINE}) of {@code normalize} (argument null) or of one of
     *              its keys, for messages; may return null when unknown
     * @throws IllegalArgumentException naming the location, the key and what is allowed
     */
    static Map<String, Object> parse(Object value, Function<String, String> where) {
        Object v = value instanceof String s ? zooString(s, where) : value;
        if (v instanceof Boolean b) {
            return b ? new LinkedHashMap<>() : null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(where.apply(null), "'" + KEY + "' must be true, false or a mapping with keys "
                    + String.join(", ", NormalizeSettings.KEYS) + "; got " + describe(value));
        }
        Map<String, Object> given = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String k = String.valueOf(e.getKey());
            if (!NormalizeSettings.KEYS.contains(k)) {
                throw error(where.apply(k), "unknown key '" + k + "' in '" + KEY + "'" + Suggestions.didYouMean(k, NormalizeSettings.KEYS)
                        + "; valid keys: " + String.join(", ", NormalizeSettings.KEYS));
            }
            given.put(k, value(k, e.getValue(), where.apply(k)));
        }
        return given;
    }

    /** The settings the given keys resolve to; {@code gamma} defaults to {@code algorithmGamma}. */
    static NormalizeSettings settings(Map<String, Object> given, double algorithmGamma) {
        NormalizeSettings d = NormalizeSettings.defaults(algorithmGamma);
        return new NormalizeSettings((Boolean) given.getOrDefault("norm_obs", d.normObs()),
                (Boolean) given.getOrDefault("norm_reward", d.normReward()),
                (Double) given.getOrDefault("clip_obs", d.clipObs()), (Double) given.getOrDefault("clip_reward", d.clipReward()),
                (Double) given.getOrDefault("gamma", d.gamma()), (Double) given.getOrDefault("epsilon", d.epsilon()));
    }

    /**
     * What a run's {@code config.yaml} records: {@code false}, or the mapping with every key
     * resolved except a {@code gamma} that was not given (it follows the algorithm's gamma, which
     * the same file records).
     */
    static Object configValue(Map<String, Object> given) {
        if (given == null) {
            return false;
        }
        Map<String, Object> all = settings(given, NormalizeSettings.DEFAULT_GAMMA).toMap();
        if (!given.containsKey("gamma")) {
            all.remove("gamma");
        }
        return all;
    }

    private static Object value(String key, Object v, String where) {
        if (key.startsWith("norm_")) {
            if (v instanceof Boolean) {
                return v;
            }
            throw error(where, "'" + KEY + "." + key + "' must be true or false, got " + describe(v));
        }
        Double d = v instanceof Number n ? Double.valueOf(n.doubleValue()) : v instanceof String s ? parseDouble(s) : null;
        boolean ok = switch (key) {
            case "gamma" -> d != null && d >= 0 && d <= 1;
            case "epsilon" -> d != null && d >= 0 && Double.isFinite(d);
            default -> d != null && d > 0 && Double.isFinite(d); // clip_obs, clip_reward
        };
        if (!ok) {
            String range = switch (key) {
                case "gamma" -> "a number in [0, 1]";
                case "epsilon" -> "a finite number >= 0";
                default -> "a finite number > 0";
            };
            throw error(where, "'" + KEY + "." + key + "' must be " + range + ", got " + describe(v));
        }
        return d;
    }

    private static Double parseDouble(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The zoo's Python-literal forms, read as a YAML flow mapping; other strings are returned as they are. */
    private static Object zooString(String s, Function<String, String> where) {
        String t = s.trim();
        if (t.startsWith("dict(") && t.endsWith(")")) {
            t = "{" + t.substring(5, t.length() - 1).replaceAll("(\\w+)\\s*=", "$1: ") + "}";
        }
        if (!t.startsWith("{")) {
            return s;
        }
        try {
            Object parsed = new Yaml(new LoaderOptions()).load(t);
            return parsed instanceof Map<?, ?> ? parsed : s;
        } catch (RuntimeException e) {
            throw error(where.apply(null), "cannot read '" + KEY + "' value " + describe(s) + " as a mapping: " + e.getMessage());
        }
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }

    private static IllegalArgumentException error(String where, String message) {
        return new IllegalArgumentException(where == null ? message : where + ": " + message);
    }
}
