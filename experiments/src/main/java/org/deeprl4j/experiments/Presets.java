package org.deeprl4j.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Embedded hyperparameters: one YAML file per algorithm ({@code configs/<algo>.yml}) keyed by env
 * id, in rl-baselines3-zoo's layout, with YAML anchors and merge keys. An env without an entry gets
 * the file's {@code defaults} entry.
 */
public final class Presets {
    /** Key of the training length inside an entry. */
    public static final String N_TIMESTEPS = "n_timesteps";
    /** Entry used for envs without their own. */
    public static final String DEFAULTS = "defaults";

    private Presets() {
    }

    /**
     * A preset.
     *
     * @param envId the env it was looked up for
     * @param tuned whether the file has an entry for that env (otherwise defaults were used)
     * @param nTimesteps default training length
     * @param hyperparameters config keys to apply over the algorithm's defaults
     */
    public record Preset(String envId, boolean tuned, long nTimesteps, Map<String, Object> hyperparameters) {
    }

    /** The preset of {@code algo} for {@code envId}. */
    public static Preset of(String algo, String envId) {
        envId = org.deeprl4j.env.Envs.baseId(envId); // remote ids use the served env's preset
        Map<String, Object> file = load(algo);
        boolean tuned = file.containsKey(envId);
        Object entry = tuned ? file.get(envId) : file.get(DEFAULTS);
        Map<String, Object> hp = new LinkedHashMap<>();
        if (entry instanceof Map<?, ?> m) {
            m.forEach((k, v) -> hp.put(String.valueOf(k), v));
        }
        Object n = hp.remove(N_TIMESTEPS);
        long steps = n instanceof Number num ? num.longValue() : 100_000L;
        return new Preset(envId, tuned, steps, hp);
    }

    private static Map<String, Object> load(String algo) {
        String path = "configs/" + algo + ".yml";
        try (InputStream in = Presets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no embedded hyperparameters for algorithm '" + algo + "'");
            }
            Object doc = new Yaml(new LoaderOptions()).load(in);
            Map<String, Object> out = new LinkedHashMap<>();
            if (doc instanceof Map<?, ?> m) {
                m.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
