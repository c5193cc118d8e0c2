package org.deeprl4j.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares runs: groups them ({@link RunGroup}: same env, env kwargs, algorithm, hyperparameters and
 * n_timesteps), and writes a table ({@value #NAME}.csv, also as
 * Markdown) with per group the runs, seeds and mean/std over seeds of the final and best evaluation
 * and of the steps, and a plot ({@value #NAME}.png/.svg) of each group's training-return curve
 * (mean ± std over seeds). Groups are told apart by the hyperparameters that differ between them.
 */
public final class ComparisonReport {
    /** Base name of the files {@link #write} writes. */
    public static final String NAME = "comparison";
    /** How deep {@link #collect} looks for run folders below a folder that is not one. */
    public static final int MAX_DEPTH = 3;

    private final List<RunGroup> groups;
    private final List<String> varying;
    private final boolean kwargsVary;
    private final boolean lengthVaries;

    private ComparisonReport(List<RunGroup> groups) {
        this.groups = groups;
        Set<String> keys = new TreeSet<>();
        groups.forEach(g -> keys.addAll(g.hyperparameters().keySet()));
        this.varying = keys.stream().filter(k -> distinct(g -> g.hyperparameters().get(k)) > 1).toList();
        this.kwargsVary = distinct(RunGroup::envKwargs) > 1;
        this.lengthVaries = distinct(RunGroup::nTimesteps) > 1;
    }

    private long distinct(java.util.function.Function<RunGroup, Object> f) {
        return groups.stream().map(f).map(v -> v == null ? "\0absent" : v).distinct().count();
    }

    /** The report of {@code runs} (at least one). */
    public static ComparisonReport of(List<RunFolder> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to report");
        }
        return new ComparisonReport(RunGroup.of(runs));
    }

    /**
     * Reads the runs at {@code paths}: each a run folder, or a folder holding run folders (searched
     * {@value #MAX_DEPTH} levels deep). A run given twice counts once.
     *
     * @throws IllegalArgumentException naming the path when it is missing, is neither kind of folder, or a run in it is unreadable
     */
    public static List<RunFolder> collect(List<Path> paths) {
        Map<Path, RunFolder> found = new LinkedHashMap<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                throw new IllegalArgumentException(p + (Files.exists(p) ? " is not a folder" : ": no such folder"));
            }
            List<Path> dirs = RunFolder.isRun(p) ? List.of(p) : runsUnder(p, MAX_DEPTH);
            if (dirs.isEmpty()) {
                throw new IllegalArgumentException(p + " is not a run folder (no " + RunFolder.CONFIG
                        + ") and holds no run folders");
            }
            for (Path d : dirs) {
                Path key;
                try {
                    key = d.toRealPath();
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read run folder " + d + ": " + e.getMessage(), e);
                }
                if (!found.containsKey(key)) {
                    found.put(key, RunFolder.read(d));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static List<Path> runsUnder(Path dir, int depth) {
        List<Path> out = new ArrayList<>();
        if (depth == 0) {
            return out;
        }
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path c : children) {
            if (RunFolder.isRun(c)) {
                out.add(c);
            } else {
                out.addAll(runsUnder(c, depth - 1));
            }
        }
        return out;
    }

    public List<RunGroup> groups() {
        return groups;
    }

    /** Hyperparameter keys whose values differ between groups, sorted. */
    public List<String> varyingKeys() {
        return varying;
    }

    /** Distinct labels of the groups, in group order: env, algorithm and the differing settings. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (RunGroup g : groups) {
            StringBuilder sb = new StringBuilder(g.env()).append(' ').append(g.algo());
            if (kwargsVary) {
                sb.append(' ').append(g.envKwargs());
            }
            if (lengthVaries) {
                sb.append(" n_timesteps=").append(g.nTimesteps());
            }
            for (String k : varying) {
                sb.append(' ').append(k).append('=').append(g.hyperparameters().get(k));
            }
            String label = sb.toString();
            for (int i = 2; !used.add(label); i++) {
                label = sb + " #" + i;
            }
            labels.add(label);
        }
        return labels;
    }

    /** Column names of the table. */
    public List<String> header() {
        List<String> h = new ArrayList<>(List.of("env", "algo"));
        if (kwargsVary) {
            h.add("env_kwargs");
        }
        if (lengthVaries) {
            h.add("n_timesteps");
        }
        h.addAll(varying);
        h.addAll(List.of("runs", "finished", "seeds", "final_mean", "final_std", "best_mean", "best_std", "steps_mean"));
        return h;
    }

    /** Table rows, one per group; numbers in full precision for CSV, rounded otherwise. */
    public List<List<String>> rows(boolean csv) {
        List<List<String>> rows = new ArrayList<>();
        for (RunGroup g : groups) {
            List<String> row = new ArrayList<>(List.of(g.env(), g.algo()));
            if (kwargsVary) {
                row.add(g.envKwargs().toString());
            }
            if (lengthVaries) {
                row.add(Long.toString(g.nTimesteps()));
            }
            varying.forEach(k -> row.add(Objects.toString(g.hyperparameters().get(k), "")));
            SeedStats s = g.stats();
            row.addAll(statsCells(s, csv));
            rows.add(row);
        }
        return rows;
    }

    /** The cells runs, finished, seeds, final_mean, final_std, best_mean, best_std, steps_mean of {@code s}. */
    public static List<String> statsCells(SeedStats s, boolean csv) {
        java.util.function.DoubleFunction<String> num = csv ? ReportFiles::csvNumber : ReportFiles::tableNumber;
        String steps = csv ? ReportFiles.csvNumber(s.stepsMean())
                : Double.isNaN(s.stepsMean()) ? "-" : String.format(Locale.ROOT, "%.0f", s.stepsMean());
        return List.of(Integer.toString(s.runs()), Integer.toString(s.finished()),
                s.seeds().stream().map(String::valueOf).collect(Collectors.joining(" ")), num.apply(s.finalMean()),
                num.apply(s.finalStd()), num.apply(s.bestMean()), num.apply(s.bestStd()), steps);
    }

    /** The table in Markdown. */
    public String markdown() {
        return ReportFiles.markdown(header(), rows(false));
    }

    /** The table as CSV. */
    public String csv() {
        StringBuilder sb = new StringBuilder(ReportFiles.csvLine(header()));
        rows(true).forEach(r -> sb.append(ReportFiles.csvLine(r)));
        return sb.toString();
    }

    /** The plot's title: the env and algorithm when all groups share them. */
    public String title() {
        Set<String> envs = groups.stream().map(g -> g.env() + " " + g.algo()).collect(Collectors.toSet());
        return (envs.size() == 1 ? envs.iterator().next() + ": " : "") + "training return over seeds";
    }

    /**
     * Writes {@value #NAME}.csv, {@value #NAME}.png and {@value #NAME}.svg into {@code dir} (created if needed).
     *
     * @return the files written
     */
    public List<Path> write(Path dir) {
        List<ComparisonPlot.Line> lines = new ArrayList<>();
        List<String> labels = labels();
        for (int i = 0; i < groups.size(); i++) {
            lines.add(new ComparisonPlot.Line(labels.get(i), groups.get(i).curve()));
        }
        Path csvFile = dir.resolve(NAME + ".csv");
        ReportFiles.writeAtomically(csvFile, csv());
        List<Path> files = new ArrayList<>(List.of(csvFile));
        files.addAll(ComparisonPlot.write(ComparisonPlot.chart(title(), lines), dir, NAME));
        return files;
    }
}
