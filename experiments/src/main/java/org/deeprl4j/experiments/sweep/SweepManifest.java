package org.deeprl4j.experiments.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.experiments.report.ReportFiles;

/**
 * The sweep's manifest ({@value #FILE}, or {@code sweep.shard-I-of-N.json} for one shard so shards
 * sharing a folder do not overwrite each other's): the definition (config, seeds, grid, steps,
 * workers, shard) and per trial its name, seed, settings, folder, log, status and exit code. It is
 * rewritten atomically (temporary file and rename) whenever a trial changes status.
 */
public final class SweepManifest {
    /** File name of an unsharded sweep's manifest. */
    public static final String FILE = "sweep.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Map<String, Object> definition;

    /**
     * @param sweepDir the sweep folder
     * @param definition the sweep's settings, written first (e.g. config, seeds, grid)
     * @param shard the shard this process runs
     */
    public SweepManifest(Path sweepDir, Map<String, Object> definition, Shard shard) {
        this.file = sweepDir.resolve(fileName(shard));
        this.definition = new LinkedHashMap<>(definition);
        this.definition.put("shard", shard.count() == 1 ? null : shard.toString());
    }

    /** The manifest's name for {@code shard}. */
    public static String fileName(Shard shard) {
        return shard.count() == 1 ? FILE : "sweep.shard-" + shard.index() + "-of-" + shard.count() + ".json";
    }

    public Path file() {
        return file;
    }

    /** Writes the manifest with the trials' current states. */
    public synchronized void write(List<TrialState> states) {
        Map<String, Object> doc = new LinkedHashMap<>(definition);
        doc.put("updated", Instant.now().toString());
        List<Map<String, Object>> trials = new ArrayList<>();
        for (TrialState s : states) {
            Trial t = s.trial();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", t.index());
            m.put("name", t.name());
            m.put("seed", t.seed());
            m.put("params", t.params());
            m.put("dir", t.name());
            m.put("log", t.name() + "/" + Trial.LOG);
            m.put("status", s.status().label());
            m.put("exit_code", s.exitCode());
            trials.add(m);
        }
        doc.put("trials", trials);
        try {
            ReportFiles.writeAtomically(file, JSON.writeValueAsBytes(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A trial's state.
     *
     * @param trial the trial
     * @param status its status
     * @param exitCode the exit code of its process, or null when it did not run here (or could not start)
     */
    public record TrialState(Trial trial, TrialStatus status, Integer exitCode) {
    }
}
