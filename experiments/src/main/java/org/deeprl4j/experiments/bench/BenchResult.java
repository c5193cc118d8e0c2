package org.deeprl4j.experiments.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One figure of {@code deeprl4j bench}: a named measurement with its repetitions.
 *
 * @param suite   the suite it belongs to ({@code env}, {@code inference}, {@code train}, {@code vs-rl4j}, ...)
 * @param name    what was measured, e.g. {@code "CartPole-v1 raw"} or {@code "dqn CartPole-v1 env steps/s"}
 * @param unit    unit of the samples, e.g. {@code "steps/s"}, {@code "us"}, {@code "s"}, {@code "ratio"}
 * @param samples one value per repetition (at least one; NaN for a repetition that did not reach a goal)
 * @param note    free text shown beside the figure (settings, final return), may be empty
 */
public record BenchResult(String suite, String name, String unit, List<Double> samples, String note) {
    public BenchResult {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        samples = List.copyOf(samples);
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a bench result needs at least one sample: " + name);
        }
        note = note == null ? "" : note;
    }

    /** Median of the finite samples (NaN when none is finite). */
    public double median() {
        double[] v = finite();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Smallest finite sample (NaN when none is finite). */
    public double min() {
        double[] v = finite();
        return v.length == 0 ? Double.NaN : v[0];
    }

    /** Largest finite sample (NaN when none is finite). */
    public double max() {
        double[] v = finite();
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    private double[] finite() {
        double[] v = samples.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
        Arrays.sort(v);
        return v;
    }
}
