package org.deeprl4j.experiments.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything one {@code deeprl4j bench} run measured: the machine, the settings, the figures and
 * the total wall time, as text (header and {@link BenchTable}) or JSON.
 *
 * <p>JSON layout: {@code {"machine": {...}, "settings": {...}, "seconds": s, "results": [{"suite",
 * "name", "unit", "median", "min", "max", "samples": [...], "note"}, ...]}}; a non-finite number
 * (a goal not reached) is {@code null}.
 *
 * @param machine  where it ran
 * @param settings what was asked for (suites, repetitions, steps, seed, quick), snake_case keys
 * @param results  the figures in table order
 * @param seconds  wall time of the whole run
 */
public record BenchReport(MachineInfo machine, Map<String, Object> settings, List<BenchResult> results, double seconds) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public BenchReport {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        results = List.copyOf(results);
    }

    /** Machine header, table and total time. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        machine.lines().forEach(l -> sb.append(l).append('\n'));
        sb.append('\n').append(BenchTable.render(results));
        sb.append(String.format(Locale.ROOT, "%nmedian and spread (min .. max) over repetitions; total time %.1f s%n", seconds));
        return sb.toString();
    }

    /** The report as an indented JSON document. */
    public String toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("machine", machine.toMap());
        doc.put("settings", settings);
        doc.put("seconds", finite(seconds));
        List<Map<String, Object>> rs = new ArrayList<>();
        for (BenchResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("suite", r.suite());
            m.put("name", r.name());
            m.put("unit", r.unit());
            m.put("median", finite(r.median()));
            m.put("min", finite(r.min()));
            m.put("max", finite(r.max()));
            m.put("samples", r.samples().stream().map(BenchReport::finite).toList());
            m.put("note", r.note());
            rs.add(m);
        }
        doc.put("results", rs);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the benchmark report as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@link #toJson()} to {@code file} (UTF-8, replacing it). */
    public void writeJson(Path file) {
        try {
            Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
