package org.deeprl4j.experiments.bench;

import java.util.ArrayDeque;
import java.util.Map;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.TrainingListener;

/**
 * Watches the moving average of training-episode returns (the last {@code window} episodes, any
 * sub-env) and records the wall time and env step at which it first reaches a threshold, the
 * "time to solve" of CleanRL and SB3 benchmark reports (CartPole-v1: 475 over 20 episodes).
 *
 * <p>With {@code stopWhenReached} it ends the run there: the {@code Trainer} stops only on an
 * evaluation threshold, so the listener throws {@link ThresholdReached} out of
 * {@code Trainer.run}, which the caller catches (the agent and envs are then discarded).
 */
public final class TimeToThreshold implements TrainingListener {
    /** Episodes in the moving average of the published CartPole figures. */
    public static final int DEFAULT_WINDOW = 20;

    private final double threshold;
    private final int window;
    private final boolean stopWhenReached;
    private final ArrayDeque<Double> last = new ArrayDeque<>();
    private double sum;
    private long episodes;
    private long lastStep;
    private double seconds = Double.NaN;
    private long step = -1;

    /**
     * @param threshold       moving average to reach
     * @param window          episodes averaged (positive)
     * @param stopWhenReached throw {@link ThresholdReached} when it is first reached
     */
    public TimeToThreshold(double threshold, int window, boolean stopWhenReached) {
        if (window <= 0) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        if (!Double.isFinite(threshold)) {
            throw new IllegalArgumentException("threshold must be finite, got " + threshold);
        }
        this.threshold = threshold;
        this.window = window;
        this.stopWhenReached = stopWhenReached;
    }

    /** Thrown out of the training loop when the threshold is reached with {@code stopWhenReached}. */
    public static final class ThresholdReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ThresholdReached(String message) {
            super(message, null, false, false); // control flow, not an error: no stack trace
        }
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        episodes++;
        lastStep = Math.max(lastStep, e.step());
        last.addLast(e.episodeReturn());
        sum += e.episodeReturn();
        if (last.size() > window) {
            sum -= last.removeFirst();
        }
        if (step < 0 && last.size() == window && sum / window >= threshold) {
            seconds = e.seconds();
            step = e.step();
            if (stopWhenReached) {
                throw new ThresholdReached("moving average " + movingAverage() + " >= " + threshold + " at step " + step);
            }
        }
    }

    @Override
    public void onStep(long step, Map<String, Double> metrics) {
        lastStep = Math.max(lastStep, step);
    }

    /** Whether the moving average has reached the threshold. */
    public boolean reached() {
        return step >= 0;
    }

    /** Seconds since training started when the threshold was first reached (NaN if never). */
    public double seconds() {
        return seconds;
    }

    /** Env step at which the threshold was first reached (-1 if never). */
    public long step() {
        return step;
    }

    /** Current moving average (over fewer episodes at the start; NaN before the first episode). */
    public double movingAverage() {
        return last.isEmpty() ? Double.NaN : sum / last.size();
    }

    /** Training episodes seen. */
    public long episodes() {
        return episodes;
    }

    /** Latest env step seen (from steps and episodes). */
    public long lastStep() {
        return lastStep;
    }
}
