package org.deeprl4j.experiments.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprl4j.agents.EpisodeRecord;

/**
 * What a run recorded, as read back from its folder: the training episodes ({@code episodes.csv}),
 * the periodic evaluations ({@code evaluations.csv}) and the logged metrics ({@code progress.csv}).
 * Plots and reports are drawn from this.
 *
 * @param episodes finished training episodes in order (seconds are NaN when read from episodes.csv)
 * @param evaluations evaluations in order
 * @param metrics per progress.csv column (except {@code time/...}) its non-empty values by env step
 */
public record RunHistory(List<EpisodeRecord> episodes, List<EvalPoint> evaluations, Map<String, List<MetricPoint>> metrics) {
    /** Written by the run's {@code EpisodeCsv.episodes}: {@code step,env,return,length}. */
    public static final String EPISODES_CSV = "episodes.csv";

    public RunHistory {
        episodes = List.copyOf(episodes);
        evaluations = List.copyOf(evaluations);
        Map<String, List<MetricPoint>> m = new LinkedHashMap<>();
        metrics.forEach((k, v) -> m.put(k, List.copyOf(v)));
        metrics = Collections.unmodifiableMap(m);
    }

    /** One evaluation: mean and std of the returns of {@code episodes} episodes at env step {@code step}. */
    public record EvalPoint(long step, double mean, double std, int episodes) {
    }

    /** One logged value of a metric. */
    public record MetricPoint(long step, double value) {
    }

    /** Reads the CSVs present in {@code runDir}; a missing file contributes nothing. */
    public static RunHistory read(Path runDir) {
        List<EpisodeRecord> episodes = new ArrayList<>();
        for (Row r : rows(runDir.resolve(EPISODES_CSV), List.of("step", "env", "return", "length"))) {
            episodes.add(new EpisodeRecord((long) r.get("step"), (int) r.get("env"), r.get("return"), (int) r.get("length"),
                    Double.NaN));
        }
        List<EvalPoint> evals = new ArrayList<>();
        for (Row r : rows(runDir.resolve(EvaluationsCsv.FILE), List.of("step", "mean", "std", "episodes"))) {
            evals.add(new EvalPoint((long) r.get("step"), r.get("mean"), r.get("std"), (int) r.get("episodes")));
        }
        Map<String, List<MetricPoint>> metrics = new LinkedHashMap<>();
        for (Row r : rows(runDir.resolve(ProgressCsv.FILE), List.of("time/total_timesteps"))) {
            long step = (long) r.get("time/total_timesteps");
            r.values.forEach((k, v) -> {
                if (!k.startsWith("time/") && !Double.isNaN(v)) {
                    metrics.computeIfAbsent(k, x -> new ArrayList<>()).add(new MetricPoint(step, v));
                }
            });
        }
        return new RunHistory(episodes, evals, metrics);
    }

    private record Row(Map<String, Double> values) {
        double get(String column) {
            return values.get(column);
        }
    }

    private static List<Row> rows(Path file, List<String> required) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = OutputFiles.parseCsvLine(lines.get(0));
        for (String col : required) {
            if (!header.contains(col)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: header %s lacks column '%s'", file, header, col));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                rows.add(row(file, i + 1, header, lines.get(i), required));
            } catch (IllegalArgumentException e) {
                if (i < lines.size() - 1) {
                    throw e;
                } // else: a last line cut short by a killed process; the rows before it stand
            }
        }
        return rows;
    }

    private static Row row(Path file, int lineNo, List<String> header, String line, List<String> required) {
        List<String> cells = OutputFiles.parseCsvLine(line);
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: %d cells, header has %d",
                    file, lineNo, cells.size(), header.size()));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            values.put(header.get(c), OutputFiles.parseNumber(cells.get(c), file, lineNo));
        }
        for (String col : required) {
            if (Double.isNaN(values.get(col))) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s line %d: empty '%s'", file, lineNo, col));
            }
        }
        return new Row(values);
    }
}
