package org.deeprl4j.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Parses {@code --set key=value} overrides; values are YAML scalars or flow collections
 * ({@code 1e-3}, {@code true}, {@code [64,64]}), so they have the types a config file would give.
 */
final class SetParser {
    private SetParser() {
    }

    static Map<String, Object> parse(List<String> items) {
        Map<String, Object> out = new LinkedHashMap<>();
        Yaml yaml = new Yaml(new LoaderOptions());
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set expects KEY=VALUE, got '" + item + "'");
            }
            String key = item.substring(0, eq).trim();
            String raw = item.substring(eq + 1).trim();
            Object value;
            try {
                value = raw.isEmpty() ? "" : yaml.load(raw);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--set " + key + ": cannot parse value '" + raw + "'");
            }
            // YAML 1.1 reads 1e-3 as a string (no dot); accept it as a number like Python would
            if (value instanceof String s) {
                try {
                    value = Double.parseDouble(s);
                } catch (NumberFormatException ignored) {
                    // a genuine string value
                }
            }
            out.put(key, value);
        }
        return out;
    }
}
