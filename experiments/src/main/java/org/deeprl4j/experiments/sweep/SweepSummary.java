package org.deeprl4j.experiments.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.experiments.report.ComparisonPlot;
import org.deeprl4j.experiments.report.ComparisonReport;
import org.deeprl4j.experiments.report.MeanCurve;
import org.deeprl4j.experiments.report.ReportFiles;
import org.deeprl4j.experiments.report.RunFolder;
import org.deeprl4j.experiments.report.SeedStats;

/**
 * The results of a sweep per grid point, from the finished trial folders (of every shard): the
 * table {@value #CSV} (trials, finished, seeds, mean and std over seeds of the final and best
 * evaluation return, mean steps), a learning-curve plot per point ({@code plots/<point>.png/.svg},
 * mean ± std over seeds) and one plot comparing the points ({@code summary.png/.svg}).
 */
public final class SweepSummary {
    /** The summary table in the sweep folder. */
    public static final String CSV = "summary.csv";
    /** Folder of the per-point plots. */
    public static final String PLOTS = "plots";
    /** Base name of the plot comparing all points. */
    public static final String PLOT = "summary";

    private SweepSummary() {
    }

    /**
     * One grid point's results.
     *
     * @param point the point's index
     * @param name its folder-safe name
     * @param params its settings
     * @param trials its trials (one per seed)
     * @param runs its finished runs
     */
    public record PointResult(int point, String name, Map<String, String> params, int trials, List<RunFolder> runs) {
        public PointResult {
            params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
            runs = List.copyOf(runs);
        }

        /** Mean and std over the finished runs' seeds. */
        public SeedStats stats() {
            return SeedStats.of(runs);
        }
    }

    /** Reads the finished runs of every point of {@code plan} from {@code sweepDir}. */
    public static List<PointResult> compute(Path sweepDir, SweepPlan plan) {
        List<PointResult> out = new ArrayList<>();
        List<Map<String, String>> points = plan.grid().points();
        for (int p = 0; p < points.size(); p++) {
            List<Trial> trials = plan.trialsOf(p);
            List<RunFolder> runs = new ArrayList<>();
            for (Trial t : trials) {
                if (RunFolder.isFinished(t.dir(sweepDir))) {
                    runs.add(RunFolder.read(t.dir(sweepDir)));
                }
            }
            out.add(new PointResult(p, SweepPlan.pointName(points.get(p)), points.get(p), trials.size(), runs));
        }
        return out;
    }

    /** Column names: point, the grid keys, trials, finished, seeds, final/best mean and std, steps_mean. */
    public static List<String> header(SweepPlan plan) {
        List<String> h = new ArrayList<>(List.of("point"));
        h.addAll(plan.grid().axes().keySet());
        h.addAll(List.of("trials", "finished", "seeds", "final_mean", "final_std", "best_mean", "best_std", "steps_mean"));
        return h;
    }

    /** One row per point; numbers in full precision for CSV, rounded otherwise. */
    public static List<List<String>> rows(SweepPlan plan, List<PointResult> results, boolean csv) {
        List<List<String>> rows = new ArrayList<>();
        for (PointResult r : results) {
            List<String> row = new ArrayList<>(List.of(r.name()));
            plan.grid().axes().keySet().forEach(k -> row.add(r.params().get(k)));
            row.add(Integer.toString(r.trials()));
            List<String> stats = ComparisonReport.statsCells(r.stats(), csv);
            row.addAll(stats.subList(1, stats.size())); // without "runs": only finished runs are read
            rows.add(row);
        }
        return rows;
    }

    /**
     * Writes {@value #CSV}, the per-point plots of points with finished runs and the comparison plot.
     *
     * @return the results written
     */
    public static List<PointResult> write(Path sweepDir, SweepPlan plan) {
        List<PointResult> results = compute(sweepDir, plan);
        StringBuilder csv = new StringBuilder(ReportFiles.csvLine(header(plan)));
        rows(plan, results, true).forEach(r -> csv.append(ReportFiles.csvLine(r)));
        ReportFiles.writeAtomically(sweepDir.resolve(CSV), csv.toString());
        List<ComparisonPlot.Line> lines = new ArrayList<>();
        String prefix = "";
        for (PointResult r : results) {
            if (r.runs().isEmpty()) {
                continue;
            }
            prefix = r.runs().get(0).env() + " " + r.runs().get(0).algo() + ": ";
            MeanCurve curve = MeanCurve.of(r.runs().stream().map(RunFolder::history).toList(), MeanCurve.POINTS);
            ComparisonPlot.Line line = new ComparisonPlot.Line(r.name(), curve);
            lines.add(line);
            ComparisonPlot.write(ComparisonPlot.chart(prefix + r.name(), List.of(line)), sweepDir.resolve(PLOTS), r.name());
        }
        if (!lines.isEmpty()) {
            ComparisonPlot.write(ComparisonPlot.chart(prefix + "grid points", lines), sweepDir, PLOT);
        }
        return results;
    }
}
