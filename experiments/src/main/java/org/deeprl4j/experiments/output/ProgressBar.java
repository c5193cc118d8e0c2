package org.deeprl4j.experiments.output;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * A terminal progress bar (me.tongfei progressbar) over env steps, showing steps per second, the
 * ETA, finished episodes, the mean return of the last 100 episodes and the last evaluation.
 * {@link #create} picks it on a terminal and {@link PlainProgress} lines otherwise.
 * <pre>
 * train 42% [=========>         ] 42000/100000 (0:00:27 / 0:00:37) 1531 steps/s ep 310 R(100) 187.2 eval 200.0
 * </pre>
 * The bar redraws from its own daemon thread; {@link #onEnd} (or {@link #close}) stops it.
 */
public final class ProgressBar implements TrainingListener, AutoCloseable {
    /** Env steps between refreshes of the episode statistics in the bar's message. */
    static final long MESSAGE_EVERY = 256;

    private final me.tongfei.progressbar.ProgressBar bar;
    private final PrintStream summary;
    private final ProgressStats stats;
    private String evalText = "";
    private long nextMessage;
    private boolean closed;

    ProgressBar(ProgressBarConsumer consumer, PrintStream summary, long totalSteps) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
        }
        this.summary = summary;
        this.stats = new ProgressStats(totalSteps, System::nanoTime);
        this.bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(totalSteps).setStyle(ProgressBarStyle.ASCII)
                .setUnit(" steps", 1).showSpeed(new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setUpdateIntervalMillis(500).setConsumer(consumer).build();
    }

    /**
     * Progress output for {@code totalSteps} env steps: a bar on {@code out} when the JVM has a
     * console ({@code System.console() != null}), else {@link PlainProgress} lines about every 5%.
     */
    public static TrainingListener create(PrintStream out, long totalSteps) {
        return create(out, totalSteps, System.console() != null);
    }

    /** As {@link #create(PrintStream, long)} with the terminal check given. */
    public static TrainingListener create(PrintStream out, long totalSteps, boolean terminal) {
        return terminal ? terminal(out, totalSteps) : PlainProgress.everyFivePercent(out, totalSteps);
    }

    /** A bar drawn on {@code out} (a terminal), unconditionally. */
    public static ProgressBar terminal(PrintStream out, long totalSteps) {
        return new ProgressBar(new ConsoleProgressBarConsumer(out), out, totalSteps);
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        stats.episode(e);
    }

    @Override
    public void onStep(long step, Map<String, Double> metrics) {
        stats.step(step);
        bar.stepTo(Math.min(step, bar.getMax()));
        if (step >= nextMessage) {
            nextMessage = step + MESSAGE_EVERY;
            bar.setExtraMessage(message());
        }
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        evalText = String.format(Locale.ROOT, " eval %.1f", result.mean());
        bar.setExtraMessage(message());
    }

    @Override
    public void onEnd(TrainResult r) {
        bar.setExtraMessage(message());
        close();
        summary.println(PlainProgress.endLine(r));
    }

    /** Stops the bar (drawing it one last time); idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            bar.close();
        }
    }

    /** The text after the bar: {@code ep 310 R(100) 187.2 eval 200.0}. */
    String message() {
        double mean = stats.meanReturn();
        return String.format(Locale.ROOT, "ep %d R(%d) %s%s", stats.episodes(), ProgressStats.WINDOW,
                Double.isNaN(mean) ? "-" : String.format(Locale.ROOT, "%.1f", mean), evalText);
    }
}
