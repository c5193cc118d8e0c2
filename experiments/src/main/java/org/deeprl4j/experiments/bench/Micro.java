package org.deeprl4j.experiments.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The timing loops behind the micro suites (env steps, inference latency): a warm-up so the JIT
 * compiles the measured code, then timed repetitions, each reported separately so a table can show
 * the median and the spread. A throughput warm-up lasts until the rate stops improving ({@link
 * WarmUp}): on a busy 2-core machine the JIT's compiler threads can take several seconds to
 * finish, and a fixed one-second warm-up measured raw CartPole at 2.7M instead of 33M steps/s. JMH ({@code tests/.../bench/*Benchmark}) gives more careful numbers
 * for the same code; these loops keep {@code deeprl4j bench} to one process and a minute or two.
 */
public final class Micro {
    private Micro() {
    }

    /**
     * How long the micro suites measure.
     *
     * @param repetitions   timed repetitions per figure
     * @param warmupSeconds least untimed running before the first repetition (throughput figures; see
     *                      {@link WarmUp}, which runs up to ten times longer while the rate improves)
     * @param repSeconds    duration of one timed repetition (throughput figures)
     * @param warmupCalls   untimed calls before the first repetition (latency figures)
     * @param callsPerRep   individually timed calls per repetition (latency figures)
     */
    public record Settings(int repetitions, double warmupSeconds, double repSeconds, int warmupCalls, int callsPerRep) {
        /** Default repetitions of a micro figure. */
        public static final int DEFAULT_REPETITIONS = 5;

        public Settings {
            if (repetitions <= 0) {
                throw new IllegalArgumentException("repetitions must be positive, got " + repetitions);
            }
            if (!(warmupSeconds >= 0) || !(repSeconds > 0)) {
                throw new IllegalArgumentException("warm-up must be >= 0 s and a repetition > 0 s, got "
                        + warmupSeconds + " and " + repSeconds);
            }
            if (warmupCalls < 0 || callsPerRep <= 0) {
                throw new IllegalArgumentException("warm-up calls must be >= 0 and calls per repetition > 0, got "
                        + warmupCalls + " and " + callsPerRep);
            }
        }

        /** Full measurement: at least 1 s warm-up, 1 s repetitions; 2,000 warm-up calls and 2,000 calls per repetition. */
        public static Settings full(int repetitions) {
            return new Settings(repetitions, 1.0, 1.0, 2_000, 2_000);
        }

        /** A quick look (a tenth of {@link #full}): numbers are noisier but the suites finish in seconds. */
        public static Settings quick(int repetitions) {
            return new Settings(repetitions, 0.1, 0.1, 200, 200);
        }
    }

    /** Work measured by {@link #throughput}: runs once and returns how many operations it did. */
    @FunctionalInterface
    public interface Chunk {
        long run();
    }

    /**
     * Latencies of one figure in microseconds.
     *
     * @param repMedians median call latency of each repetition
     * @param p10        10th percentile over all timed calls
     * @param p90        90th percentile over all timed calls
     * @param calls      number of timed calls
     */
    public record Latency(List<Double> repMedians, double p10, double p90, int calls) {
        public Latency {
            repMedians = List.copyOf(repMedians);
        }
    }

    /**
     * Operations per second: runs {@code chunk} repeatedly for the warm-up, then for each repetition
     * until {@code repSeconds} have passed.
     *
     * @return one figure per repetition
     */
    public static List<Double> throughput(Chunk chunk, Settings settings) {
        warmUp(chunk, settings.warmupSeconds());
        List<Double> perRep = new ArrayList<>();
        for (int r = 0; r < settings.repetitions(); r++) {
            long start = System.nanoTime();
            long deadline = start + (long) (settings.repSeconds() * 1e9);
            long ops = 0;
            long now;
            do {
                ops += chunk.run();
                now = System.nanoTime();
            } while (now < deadline);
            perRep.add(ops / ((now - start) / 1e9));
        }
        return perRep;
    }

    /** Times every call of {@code call} separately, after {@code warmupCalls} untimed ones. */
    public static Latency latency(Runnable call, Settings settings) {
        for (int i = 0; i < settings.warmupCalls(); i++) {
            call.run();
        }
        int n = settings.callsPerRep();
        double[] all = new double[settings.repetitions() * n];
        List<Double> medians = new ArrayList<>();
        for (int r = 0; r < settings.repetitions(); r++) {
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                call.run();
                all[r * n + i] = (System.nanoTime() - t0) / 1e3;
            }
            double[] rep = Arrays.copyOfRange(all, r * n, (r + 1) * n);
            Arrays.sort(rep);
            medians.add(percentile(rep, 0.5));
        }
        Arrays.sort(all);
        return new Latency(medians, percentile(all, 0.1), percentile(all, 0.9), all.length);
    }

    /**
     * The {@code q}-quantile of sorted values with linear interpolation between neighbours (numpy's
     * default), NaN for no values.
     */
    public static double percentile(double[] sorted, double q) {
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
        }
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Runs {@code chunk} in windows of a fifth of the minimum warm-up until {@link WarmUp} is done. */
    private static void warmUp(Chunk chunk, double seconds) {
        if (seconds <= 0) {
            return;
        }
        WarmUp w = new WarmUp(seconds);
        boolean done;
        do {
            long start = System.nanoTime();
            long deadline = start + (long) (seconds / WarmUp.WINDOWS * 1e9);
            long ops = 0;
            long now;
            do {
                ops += chunk.run();
                now = System.nanoTime();
            } while (now < deadline);
            double elapsed = (now - start) / 1e9;
            done = w.done(ops / elapsed, elapsed);
        } while (!done);
    }

    /**
     * When a throughput warm-up is over: after at least the minimum time, once {@value #FLAT_WINDOWS}
     * windows in a row did not beat the best rate so far by more than 5% (the JIT has finished), or
     * after ten times the minimum whatever the rates.
     */
    static final class WarmUp {
        /** Windows per minimum warm-up. */
        static final int WINDOWS = 5;
        /** Windows without a new best that end the warm-up. */
        static final int FLAT_WINDOWS = 3;
        private final double minSeconds;
        private double best;
        private int flat;
        private double spent;

        WarmUp(double minSeconds) {
            this.minSeconds = minSeconds;
        }

        /** Records one window; true when the warm-up is over. */
        boolean done(double rate, double windowSeconds) {
            spent += windowSeconds;
            flat = rate > best * 1.05 ? 0 : flat + 1;
            best = Math.max(best, rate);
            return spent >= 10 * minSeconds || (spent >= minSeconds && flat >= FLAT_WINDOWS);
        }
    }
}
