package org.deeprl4j.nn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Model files: a zip holding DL4J model(s) written by {@link ModelSerializer} (configuration,
 * parameters and updater state, so training can resume) and an entry {@value #METADATA_ENTRY}:
 * <pre>{"format": 1, "deeprl4jVersion": "...",
 *  "networks": {"q": {"entry": "networks/q.zip", "optimizer": {...}}, ...},
 *  "metadata": {...the caller's map: algorithm, env id, spaces, config, seed...}}</pre>
 * A single network ({@link #save(Path, Network, Map)}) is stored under the name
 * {@value #DEFAULT_NAME} with its DL4J entries at the zip root (entry ""), so the file is also a
 * plain DL4J model that {@code ModelSerializer.restoreComputationGraph} reads. Several named
 * networks are stored as nested DL4J zips {@code networks/<name>.zip}.
 *
 * <p>Saving writes a temporary file in the target folder (created if missing), forces it to disk
 * and renames it over the target, so an interrupted save never destroys the previous file.
 * Loading fails with a {@link ModelFileException} naming the file and the problem.
 */
public final class ModelFile {
    /** Format version written and read by this class. */
    public static final int FORMAT = 1;
    /** Zip entry holding the deeprl4j header and metadata. */
    public static final String METADATA_ENTRY = "deeprl4j.json";
    /** Name of the network saved by {@link #save(Path, Network, Map)}. */
    public static final String DEFAULT_NAME = "network";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String VERSION = readVersion();

    private ModelFile() {
    }

    /** Saves one network (under {@value #DEFAULT_NAME}, DL4J entries at the zip root) and metadata. */
    public static void save(Path file, Network network, Map<String, ?> metadata) throws IOException {
        Objects.requireNonNull(network, "network");
        write(file, Map.of(DEFAULT_NAME, network), metadata, true);
    }

    /**
     * Saves named networks (e.g. "q" and "target") and metadata; names match {@code [A-Za-z0-9_.-]+}.
     * Networks are stored in the map's iteration order.
     */
    public static void save(Path file, Map<String, Network> networks, Map<String, ?> metadata) throws IOException {
        Objects.requireNonNull(networks, "networks");
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("networks must not be empty");
        }
        write(file, networks, metadata, false);
    }

    /** Loads a file holding exactly one network (as written by {@link #save(Path, Network, Map)}). */
    public static LoadedModel load(Path file) throws IOException {
        LoadedModels all = read(file, null);
        if (all.networks().size() != 1) {
            throw new ModelFileException(file, "holds " + all.networks().size() + " networks "
                    + all.networks().keySet() + "; use loadAll or load(file, name)");
        }
        return new LoadedModel(all.networks().values().iterator().next(), all.metadata(), all.deeprl4jVersion());
    }

    /** Loads the network saved under {@code name}, e.g. "q". */
    public static LoadedModel load(Path file, String name) throws IOException {
        LoadedModels one = read(file, Objects.requireNonNull(name, "name"));
        return new LoadedModel(one.networks().get(name), one.metadata(), one.deeprl4jVersion());
    }

    /** Loads every network of the file, in saved order. */
    public static LoadedModels loadAll(Path file) throws IOException {
        return read(file, null);
    }

    private static void write(Path file, Map<String, Network> networks, Map<String, ?> metadata, boolean atRoot)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metadata, "metadata (use Map.of() for none)");
        Map<String, Object> nets = new LinkedHashMap<>();
        for (Map.Entry<String, Network> e : networks.entrySet()) {
            if (e.getKey() == null || !NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("network name '" + e.getKey() + "' must match [A-Za-z0-9_.-]+");
            }
            Objects.requireNonNull(e.getValue(), "network '" + e.getKey() + "'");
            nets.put(e.getKey(), Map.of("entry", atRoot ? "" : entryOf(e.getKey()),
                    "optimizer", e.getValue().optimizer()));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("deeprl4jVersion", VERSION);
        header.put("networks", nets);
        header.put("metadata", metadata);
        byte[] json;
        try {
            json = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)))) {
                putEntry(zip, METADATA_ENTRY, json);
                for (Map.Entry<String, Network> e : networks.entrySet()) {
                    byte[] model = dl4jZip(e.getValue().graph());
                    if (atRoot) {
                        copyEntries(model, zip);
                    } else {
                        putEntry(zip, entryOf(e.getKey()), model);
                    }
                }
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            moveOver(tmp, target);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static String entryOf(String name) {
        return "networks/" + name + ".zip";
    }

    private static byte[] dl4jZip(ComputationGraph graph) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, bytes, true);
        return bytes.toByteArray();
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private static void copyEntries(byte[] zipBytes, ZipOutputStream out) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
    }

    private static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Reads the header and the network {@code only} (all networks if null). */
    private static LoadedModels read(Path file, String only) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.exists(file)) {
            throw new ModelFileException(file, "does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new ModelFileException(file, "is a directory, not a model file");
        }
        try (ZipFile zip = openZip(file)) {
            Map<String, Object> header = ModelFileHeader.read(file, zip);
            Map<String, Map<String, Object>> infos = ModelFileHeader.networks(file, header);
            if (only != null && !infos.containsKey(only)) {
                throw new ModelFileException(file, "has no network '" + only + "'; it has " + infos.keySet());
            }
            Map<String, Network> networks = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> e : infos.entrySet()) {
                if (only == null || only.equals(e.getKey())) {
                    networks.put(e.getKey(), ModelFileHeader.restore(file, zip, e.getKey(), e.getValue()));
                }
            }
            return new LoadedModels(networks, ModelFileHeader.metadata(file, header),
                    String.valueOf(header.getOrDefault("deeprl4jVersion", "unknown")));
        }
    }

    private static ZipFile openZip(Path file) throws ModelFileException {
        try {
            return new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new ModelFileException(file, "is not a zip file (corrupt or truncated?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String readVersion() {
        try (InputStream in = ModelFile.class.getResourceAsStream(
                "/META-INF/maven/org.deeprl4j/deeprl4j-networks/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall back to the manifest
        }
        String v = ModelFile.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown";
    }
}
