package org.deeprl4j.experiments.report;

import java.util.ArrayList;
import java.util.List;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.experiments.output.LearningCurve;
import org.deeprl4j.experiments.output.RunHistory;

/**
 * The training-return curve of several runs on a common step grid: each run's episode returns are
 * smoothed with a trailing mean over {@link LearningCurve#WINDOW} episodes (the learning curve's
 * window), interpolated linearly onto {@code points} evenly spaced env steps, and reduced per step
 * to mean, population std, min and max over runs. The grid spans the steps all runs cover (from the
 * latest first episode to the earliest last one); when they share no span, the union of their spans,
 * each run held at its end values outside its own (numpy's {@code interp}).
 *
 * @param steps grid env steps, ascending
 * @param mean mean over runs per grid step
 * @param std population std over runs per grid step
 * @param min minimum over runs per grid step
 * @param max maximum over runs per grid step
 * @param runs runs with at least one episode (the others are left out)
 */
public record MeanCurve(double[] steps, double[] mean, double[] std, double[] min, double[] max, int runs) {
    /** Grid points of a report curve. */
    public static final int POINTS = 200;

    public MeanCurve {
        int n = steps.length;
        if (mean.length != n || std.length != n || min.length != n || max.length != n) {
            throw new IllegalArgumentException("curve arrays differ in length: " + n + ", " + mean.length + ", " + std.length
                    + ", " + min.length + ", " + max.length);
        }
    }

    /** Whether no run had an episode. */
    public boolean isEmpty() {
        return steps.length == 0;
    }

    /** The curve of {@code histories} on {@code points} grid steps ({@code points >= 2}). */
    public static MeanCurve of(List<RunHistory> histories, int points) {
        if (points < 2) {
            throw new IllegalArgumentException("points must be at least 2, got " + points);
        }
        List<double[][]> curves = new ArrayList<>(); // per run: {steps, smoothed returns}
        for (RunHistory h : histories) {
            List<EpisodeRecord> eps = h.episodes();
            if (!eps.isEmpty()) {
                double[] x = eps.stream().mapToDouble(EpisodeRecord::step).toArray();
                double[] y = LearningCurve.movingAverage(eps.stream().mapToDouble(EpisodeRecord::episodeReturn).toArray(), LearningCurve.WINDOW);
                curves.add(new double[][] {x, y});
            }
        }
        if (curves.isEmpty()) {
            return new MeanCurve(new double[0], new double[0], new double[0], new double[0], new double[0], 0);
        }
        double[] grid = grid(curves, points);
        int g = grid.length;
        double[] mean = new double[g];
        double[] std = new double[g];
        double[] min = new double[g];
        double[] max = new double[g];
        double[] at = new double[curves.size()];
        for (int i = 0; i < g; i++) {
            for (int r = 0; r < at.length; r++) {
                at[r] = interpolate(curves.get(r)[0], curves.get(r)[1], grid[i]);
            }
            mean[i] = SeedStats.mean(at);
            std[i] = SeedStats.std(at);
            min[i] = java.util.Arrays.stream(at).min().orElseThrow();
            max[i] = java.util.Arrays.stream(at).max().orElseThrow();
        }
        return new MeanCurve(grid, mean, std, min, max, curves.size());
    }

    private static double[] grid(List<double[][]> curves, int points) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double unionLo = Double.POSITIVE_INFINITY;
        double unionHi = Double.NEGATIVE_INFINITY;
        for (double[][] c : curves) {
            double first = c[0][0];
            double last = c[0][c[0].length - 1];
            lo = Math.max(lo, first);
            hi = Math.min(hi, last);
            unionLo = Math.min(unionLo, first);
            unionHi = Math.max(unionHi, last);
        }
        if (lo >= hi) {
            lo = unionLo;
            hi = unionHi;
        }
        if (lo == hi) {
            return new double[] {lo};
        }
        double[] grid = new double[points];
        for (int i = 0; i < points; i++) {
            grid[i] = lo + (hi - lo) * i / (points - 1);
        }
        grid[points - 1] = hi; // exact end despite rounding
        return grid;
    }

    /**
     * Linear interpolation of {@code (xs, ys)} at {@code x}; {@code xs} ascending, repeats allowed
     * (the later point wins); clamped to the end values outside {@code [xs[0], xs[n-1]]}.
     */
    static double interpolate(double[] xs, double[] ys, double x) {
        int n = xs.length;
        if (x <= xs[0]) {
            return x == xs[0] ? ys[lastIndexAtMost(xs, x)] : ys[0];
        }
        int i = lastIndexAtMost(xs, x);
        if (i == n - 1) {
            return ys[n - 1];
        }
        double t = (x - xs[i]) / (xs[i + 1] - xs[i]); // xs[i] <= x < xs[i + 1]
        return ys[i] + t * (ys[i + 1] - ys[i]);
    }

    /** The largest index i with {@code xs[i] <= x} (binary search; -1 when none). */
    private static int lastIndexAtMost(double[] xs, double x) {
        int lo = 0;
        int hi = xs.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
