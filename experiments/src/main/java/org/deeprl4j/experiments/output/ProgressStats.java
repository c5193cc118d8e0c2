package org.deeprl4j.experiments.output;

import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.deeprl4j.agents.EpisodeRecord;

/**
 * Running training statistics shared by the progress outputs: env steps, finished episodes, the
 * mean return and length of the last {@value #WINDOW} episodes (SB3's {@code ep_rew_mean}),
 * steps per second since the start and the estimated time left.
 */
final class ProgressStats {
    /** Episodes averaged for the "recent" return and length. */
    static final int WINDOW = 100;

    private final long totalSteps;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final ArrayDeque<double[]> recent = new ArrayDeque<>(); // {return, length}
    private long episodes;
    private long step;

    /**
     * @param totalSteps planned env steps (for the ETA; 0 = unknown)
     * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime})
     */
    ProgressStats(long totalSteps, LongSupplier nanoClock) {
        if (totalSteps < 0) {
            throw new IllegalArgumentException("totalSteps must be >= 0, got " + totalSteps);
        }
        this.totalSteps = totalSteps;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    void episode(EpisodeRecord e) {
        episodes++;
        recent.addLast(new double[] {e.episodeReturn(), e.length()});
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
    }

    void step(long step) {
        this.step = step;
    }

    long step() {
        return step;
    }

    long totalSteps() {
        return totalSteps;
    }

    long episodes() {
        return episodes;
    }

    int recentCount() {
        return recent.size();
    }

    /** Mean return of the last {@value #WINDOW} episodes (NaN before the first). */
    double meanReturn() {
        return recent.stream().mapToDouble(r -> r[0]).average().orElse(Double.NaN);
    }

    /** Mean length of the last {@value #WINDOW} episodes (NaN before the first). */
    double meanLength() {
        return recent.stream().mapToDouble(r -> r[1]).average().orElse(Double.NaN);
    }

    double elapsedSeconds() {
        return (nanoClock.getAsLong() - startNanos) / 1e9;
    }

    /** Env steps per second since the start (CleanRL's {@code charts/SPS}); NaN before any time passed. */
    double stepsPerSecond() {
        double secs = elapsedSeconds();
        return secs > 0 ? step / secs : Double.NaN;
    }

    /** Seconds left at the current speed; NaN when unknown. */
    double etaSeconds() {
        double sps = stepsPerSecond();
        return totalSteps > 0 && sps > 0 ? Math.max(0, totalSteps - step) / sps : Double.NaN;
    }

    /** {@code 1:02:03}, {@code 4:05} or {@code ?}. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
