package org.deeprl4j.experiments.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Statistics of a set of runs that differ only in their seed. Means and standard deviations are
 * over runs (population std, numpy's default {@code ddof=0}) and skip NaN values: the final
 * evaluation counts finished runs only, the best evaluation every run that evaluated.
 *
 * @param runs runs in the set
 * @param finished runs that completed
 * @param seeds their seeds, in run order
 * @param finalMean mean over finished runs of the final evaluation's mean return (NaN when none finished)
 * @param finalStd std of the same
 * @param bestMean mean over runs of the best evaluation mean return (NaN when none evaluated)
 * @param bestStd std of the same
 * @param stepsMean mean env steps trained (NaN for no runs)
 */
public record SeedStats(int runs, int finished, List<Long> seeds, double finalMean, double finalStd, double bestMean,
                        double bestStd, double stepsMean) {
    public SeedStats {
        seeds = List.copyOf(seeds);
    }

    /** The statistics of {@code runs}. */
    public static SeedStats of(List<RunFolder> runs) {
        int finished = (int) runs.stream().filter(RunFolder::finished).count();
        List<Long> seeds = runs.stream().map(RunFolder::seed).toList();
        return new SeedStats(runs.size(), finished, seeds, mean(runs, RunFolder::finalEvaluation),
                std(runs, RunFolder::finalEvaluation), mean(runs, RunFolder::bestEvaluation), std(runs, RunFolder::bestEvaluation),
                mean(runs, r -> r.steps()));
    }

    /** Mean of the non-NaN values; NaN when there are none. */
    public static double mean(double... values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Population standard deviation of the non-NaN values; NaN when there are none. */
    public static double std(double... values) {
        double m = mean(values);
        if (Double.isNaN(m)) {
            return Double.NaN;
        }
        double sq = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sq += (v - m) * (v - m);
                n++;
            }
        }
        return Math.sqrt(sq / n);
    }

    private static double mean(List<RunFolder> runs, ToDoubleFunction<RunFolder> f) {
        return mean(runs.stream().mapToDouble(f).toArray());
    }

    private static double std(List<RunFolder> runs, ToDoubleFunction<RunFolder> f) {
        return std(runs.stream().mapToDouble(f).toArray());
    }
}
