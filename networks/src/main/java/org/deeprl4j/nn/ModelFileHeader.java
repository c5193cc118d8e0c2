package org.deeprl4j.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Reading side of {@link ModelFile}: header validation and network restoring. */
final class ModelFileHeader {
    private ModelFileHeader() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file, ZipFile zip) throws ModelFileException {
        ZipEntry entry = zip.getEntry(ModelFile.METADATA_ENTRY);
        if (entry == null) {
            throw new ModelFileException(file, "is not a deeprl4j model file: it has no " + ModelFile.METADATA_ENTRY
                    + " entry (a plain DL4J model can be read with ModelSerializer)");
        }
        Map<String, Object> header;
        try (InputStream in = zip.getInputStream(entry)) {
            header = ModelFile.mapper().readValue(in, Map.class);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, ModelFile.METADATA_ENTRY + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, ModelFile.METADATA_ENTRY + " cannot be read: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new ModelFileException(file, ModelFile.METADATA_ENTRY + " is not a JSON object");
        }
        Object format = header.get("format");
        if (!(format instanceof Integer f)) {
            throw new ModelFileException(file, ModelFile.METADATA_ENTRY + " has no integer 'format' (got " + format + ")");
        }
        if (f != ModelFile.FORMAT) {
            throw new ModelFileException(file, "has format version " + f + " (written by deeprl4j "
                    + header.getOrDefault("deeprl4jVersion", "unknown") + "); this deeprl4j reads format "
                    + ModelFile.FORMAT);
        }
        return header;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> networks(Path file, Map<String, Object> header) throws ModelFileException {
        if (!(header.get("networks") instanceof Map<?, ?> nets) || nets.isEmpty()) {
            throw new ModelFileException(file, ModelFile.METADATA_ENTRY + " lists no networks");
        }
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : nets.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> info) || !(info.get("entry") instanceof String)) {
                throw new ModelFileException(file, "network '" + e.getKey() + "' has no 'entry' in "
                        + ModelFile.METADATA_ENTRY);
            }
            out.put(String.valueOf(e.getKey()), (Map<String, Object>) info);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Path file, Map<String, Object> header) throws ModelFileException {
        Object m = header.get("metadata");
        if (m == null) {
            return Map.of();
        }
        if (!(m instanceof Map<?, ?>)) {
            throw new ModelFileException(file, "'metadata' in " + ModelFile.METADATA_ENTRY + " is not an object");
        }
        return (Map<String, Object>) m;
    }

    static Network restore(Path file, ZipFile zip, String name, Map<String, Object> info) throws ModelFileException {
        OptimizerConfig optimizer;
        try {
            optimizer = ModelFile.mapper().convertValue(info.get("optimizer"), OptimizerConfig.class);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "network '" + name + "' has an invalid optimizer: " + e.getMessage(), e);
        }
        if (optimizer == null) {
            throw new ModelFileException(file, "network '" + name + "' has no optimizer in " + ModelFile.METADATA_ENTRY);
        }
        String entryName = (String) info.get("entry");
        ComputationGraph graph;
        try {
            if (entryName.isEmpty()) {
                if (zip.getEntry(ModelSerializer.CONFIGURATION_JSON) == null) {
                    throw new ModelFileException(file, "network '" + name + "' is missing: no "
                            + ModelSerializer.CONFIGURATION_JSON + " at the zip root");
                }
                graph = ModelSerializer.restoreComputationGraph(file.toFile(), true);
            } else {
                ZipEntry entry = zip.getEntry(entryName);
                if (entry == null) {
                    throw new ModelFileException(file, "network '" + name + "' is missing: no entry " + entryName);
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    graph = ModelSerializer.restoreComputationGraph(in, true);
                }
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file, "network '" + name + "' cannot be restored: " + e, e);
        }
        return new Network(graph, optimizer);
    }
}
