package org.deeprl4j.experiments.output;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Plain progress lines for logs and CI (no terminal control codes): one line every
 * {@code everySteps} env steps with steps, episodes, the mean return of the last 100 episodes,
 * steps per second and the ETA; a line per evaluation and a summary at the end.
 * <pre>
 * step 5000/100000 (5%)  episodes 212  mean return (last 100) 23.41  1520 steps/s  ETA 1:02
 * </pre>
 */
public final class PlainProgress implements TrainingListener {
    private final PrintStream out;
    private final long everySteps;
    private final ProgressStats stats;
    private long nextLine;

    /** A line every {@code everySteps} env steps. */
    public PlainProgress(PrintStream out, long totalSteps, long everySteps) {
        this(out, totalSteps, everySteps, System::nanoTime);
    }

    PlainProgress(PrintStream out, long totalSteps, long everySteps, LongSupplier nanoClock) {
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
        }
        if (everySteps <= 0) {
            throw new IllegalArgumentException("everySteps must be positive, got " + everySteps);
        }
        this.out = out;
        this.everySteps = everySteps;
        this.stats = new ProgressStats(totalSteps, nanoClock);
        this.nextLine = everySteps;
    }

    /** A line about every 5% of {@code totalSteps}. */
    public static PlainProgress everyFivePercent(PrintStream out, long totalSteps) {
        return new PlainProgress(out, totalSteps, Math.max(1, totalSteps / 20));
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        stats.episode(e);
    }

    @Override
    public void onStep(long step, Map<String, Double> metrics) {
        stats.step(step);
        if (step >= nextLine) {
            while (nextLine <= step) {
                nextLine += everySteps;
            }
            out.println(line(stats));
        }
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        out.println(evalLine(step, result));
    }

    @Override
    public void onEnd(TrainResult r) {
        out.println(endLine(r));
    }

    static String line(ProgressStats s) {
        return String.format(Locale.ROOT, "step %d/%d (%.0f%%)  episodes %d  mean return (last %d) %.2f  %.0f steps/s  ETA %s",
                s.step(), s.totalSteps(), 100.0 * s.step() / s.totalSteps(), s.episodes(), s.recentCount(), s.meanReturn(),
                s.stepsPerSecond(), ProgressStats.duration(s.etaSeconds()));
    }

    static String evalLine(long step, EvalResult result) {
        return String.format(Locale.ROOT, "eval at step %d: %s", step, result);
    }

    static String endLine(TrainResult r) {
        return String.format(Locale.ROOT, "trained %d steps, %d episodes in %.1f s (%.0f steps/s)",
                r.steps(), r.episodes(), r.seconds(), r.stepsPerSecond());
    }
}
