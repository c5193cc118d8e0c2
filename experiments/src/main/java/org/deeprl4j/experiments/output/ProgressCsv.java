package org.deeprl4j.experiments.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Writes {@code progress.csv}: one row every {@code everySteps} env steps (like SB3's logger dumps)
 * and a last row at the end, with namespaced columns
 * <ul>
 *   <li>{@code time/total_timesteps}, {@code time/episodes}, {@code time/time_elapsed},
 *       {@code charts/SPS};</li>
 *   <li>{@code charts/episodic_return} and {@code charts/episodic_length}: means over the last
 *       100 episodes (empty before the first episode);</li>
 *   <li>the agent's update metrics ({@code losses/...}, {@code train/...}, ...): the latest value
 *       since the previous row, empty when the agent did not train in between (SB3 clears its
 *       logger after each dump the same way).</li>
 * </ul>
 * <b>Growing key set.</b> The columns are the union of all keys seen. The fixed columns come first;
 * keys first seen in a row are appended in sorted order, and the file is then rewritten with the
 * extended header and empty cells in earlier rows (what SB3's {@code CSVOutputFormat} does). The
 * rewrite goes through a temporary file and an atomic rename, so the file is always a valid CSV.
 * It happens once per new key (typically once, when training updates start).
 */
public final class ProgressCsv implements TrainingListener, AutoCloseable {
    public static final String FILE = "progress.csv";
    private static final List<String> FIXED = List.of("time/total_timesteps", "time/episodes", "time/time_elapsed",
            "charts/SPS", "charts/episodic_return", "charts/episodic_length");

    private final Path file;
    private final long everySteps;
    private final ProgressStats stats;
    private final Map<String, Double> pending = new LinkedHashMap<>();
    private final List<String> columns = new ArrayList<>(FIXED);
    private BufferedWriter out;
    private long nextDump;
    private long lastDumpStep = -1;

    /** Writes a row every {@code everySteps} env steps into {@code file} (replaced). */
    public ProgressCsv(Path file, long everySteps) {
        this(file, everySteps, System::nanoTime, false, 0);
    }

    /**
     * Continues the file of a resumed run (its columns are read from the header) from env step
     * {@code step}; a missing file is started afresh.
     */
    public static ProgressCsv resume(Path file, long everySteps, long step) {
        return new ProgressCsv(file, everySteps, System::nanoTime, true, step);
    }

    ProgressCsv(Path file, long everySteps, LongSupplier nanoClock) {
        this(file, everySteps, nanoClock, false, 0);
    }

    private ProgressCsv(Path file, long everySteps, LongSupplier nanoClock, boolean append, long step) {
        if (everySteps <= 0) {
            throw new IllegalArgumentException("everySteps must be positive, got " + everySteps);
        }
        this.file = file;
        this.everySteps = everySteps;
        this.stats = new ProgressStats(0, nanoClock);
        this.nextDump = (step / everySteps + 1) * everySteps;
        try {
            if (append && Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (!lines.isEmpty()) {
                    columns.clear();
                    columns.addAll(java.util.Arrays.asList(lines.get(0).split(",", -1)));
                }
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                return;
            }
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            writeLine(header(columns));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The columns so far, in file order. */
    public List<String> columns() {
        return List.copyOf(columns);
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        stats.episode(e);
    }

    @Override
    public void onStep(long step, Map<String, Double> metrics) {
        stats.step(step);
        pending.putAll(metrics);
        if (step >= nextDump) {
            while (nextDump <= step) {
                nextDump += everySteps;
            }
            dump();
        }
    }

    @Override
    public void onEnd(TrainResult result) {
        if (stats.step() != lastDumpStep) {
            dump();
        }
        close();
    }

    @Override
    public void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        } finally {
            out = null;
        }
    }

    /** Writes one row with the current values now. */
    public void dump() {
        if (out == null) {
            throw new IllegalStateException(file + " is closed");
        }
        Map<String, Double> row = new LinkedHashMap<>();
        row.put("time/total_timesteps", (double) stats.step());
        row.put("time/episodes", (double) stats.episodes());
        row.put("time/time_elapsed", stats.elapsedSeconds());
        row.put("charts/SPS", stats.stepsPerSecond());
        row.put("charts/episodic_return", stats.meanReturn());
        row.put("charts/episodic_length", stats.meanLength());
        row.putAll(pending);
        pending.clear();
        TreeSet<String> extra = new TreeSet<>(row.keySet());
        extra.removeAll(columns);
        if (!extra.isEmpty()) {
            growColumns(extra);
        }
        writeLine(columns.stream().map(c -> OutputFiles.number(row.getOrDefault(c, Double.NaN)))
                .collect(Collectors.joining(",")));
        lastDumpStep = stats.step();
    }

    private void growColumns(TreeSet<String> extra) {
        try {
            out.close();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            columns.addAll(extra);
            String padding = ",".repeat(extra.size());
            StringBuilder sb = new StringBuilder(header(columns)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                sb.append(line).append(padding).append('\n');
            }
            OutputFiles.writeAtomically(file, sb.toString().getBytes(StandardCharsets.UTF_8));
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file + " with new columns " + extra + ": " + e.getMessage(), e);
        }
    }

    private static String header(List<String> columns) {
        return columns.stream().map(OutputFiles::csvField).collect(Collectors.joining(","));
    }

    private void writeLine(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
