package org.deeprl4j.experiments;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML config file with the line of every key, so errors can say {@code FILE:LINE}. Anchors,
 * aliases and merge keys ({@code <<: *base}) work as in rl-baselines3-zoo's files; a merged key
 * reports the line where its value is written. Scalars YAML 1.1 reads as strings but that parse
 * as numbers ({@code 1e-3}) become numbers, as in Python's YAML loader.
 */
public final class ConfigFile {
    private final Path file;
    private final Map<String, Object> root;
    private final Map<String, Integer> lines;

    private ConfigFile(Path file, Map<String, Object> root, Map<String, Integer> lines) {
        this.file = file;
        this.root = root;
        this.lines = lines;
    }

    /** Reads and parses a file; IllegalArgumentException naming the file (and line) when it cannot. */
    public static ConfigFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    /** Parses YAML text that came from {@code file} (used in messages). */
    public static ConfigFile parse(Path file, String text) {
        Yaml yaml = new Yaml(new LoaderOptions());
        Object doc;
        Node node;
        try {
            doc = yaml.load(text);
            node = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            throw new IllegalArgumentException(file + (m == null ? "" : ":" + (m.getLine() + 1)) + ": malformed YAML: "
                    + e.getProblem(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": malformed YAML: " + e.getMessage(), e);
        }
        if (!(doc instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": expected a mapping of keys to values at the top level, got "
                    + (doc == null ? "an empty file" : doc.getClass().getSimpleName()));
        }
        Map<String, Integer> lines = new HashMap<>();
        if (node instanceof MappingNode mn) {
            collectLines(mn, "", lines);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalized = (Map<String, Object>) normalize(map);
        return new ConfigFile(file, normalized, lines);
    }

    private static void collectLines(MappingNode node, String prefix, Map<String, Integer> lines) {
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                continue;
            }
            if (k.getValue().equals("<<")) {
                // merged keys: the lines of the anchored mapping(s), unless overridden in this mapping
                Map<String, Integer> merged = new HashMap<>();
                if (t.getValueNode() instanceof MappingNode m) {
                    collectLines(m, prefix, merged);
                } else if (t.getValueNode() instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
                    for (Node n : s.getValue()) {
                        if (n instanceof MappingNode m) {
                            collectLines(m, prefix, merged);
                        }
                    }
                }
                merged.forEach(lines::putIfAbsent);
                continue;
            }
            String key = prefix + k.getValue();
            lines.put(key, k.getStartMark().getLine() + 1);
            if (t.getValueNode() instanceof MappingNode m) {
                collectLines(m, key + ".", lines);
            }
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ConfigFile::normalize).toList();
        }
        if (v instanceof String s && s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)")) {
            return Double.parseDouble(s);
        }
        return v;
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The top-level mapping (nested mappings are {@code Map<String, Object>}). */
    public Map<String, Object> root() {
        return root;
    }

    /**
     * {@code FILE:LINE} of a dotted key path such as {@code CartPole-v1.learning_rate}, or just the
     * file when the key is not written in it.
     */
    public String where(String keyPath) {
        Integer line = lines.get(keyPath);
        return line == null ? file.toString() : file + ":" + line;
    }

    /** The nested mapping under {@code key}, or an error naming the file and line. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> section(String key) {
        Object v = root.get(key);
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (!(v instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(where(key) + ": '" + key + "' must be a mapping of keys to values, got " + v);
        }
        return (Map<String, Object>) v;
    }
}
