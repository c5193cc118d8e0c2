package org.deeprl4j.experiments;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/** Plain progress lines: about every 5% of training, at each evaluation and at the end. */
final class ProgressLog implements TrainingListener {
    private final PrintStream out;
    private final long totalSteps;
    private final long every;
    private final ArrayDeque<Double> recent = new ArrayDeque<>();
    private final long start = System.nanoTime();
    private long nextLine;
    private long episodes;

    ProgressLog(PrintStream out, long totalSteps) {
        this.out = out;
        this.totalSteps = totalSteps;
        this.every = Math.max(1, totalSteps / 20);
        this.nextLine = every;
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        episodes++;
        recent.addLast(e.episodeReturn());
        if (recent.size() > 100) {
            recent.removeFirst();
        }
    }

    @Override
    public void onStep(long step, Map<String, Double> metrics) {
        if (step >= nextLine) {
            nextLine += every;
            double secs = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "step %d/%d (%.0f%%)  episodes %d  mean return (last %d) %.2f  %.0f steps/s%n",
                    step, totalSteps, 100.0 * step / totalSteps, episodes, recent.size(), mean(), step / secs);
        }
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        out.printf(Locale.ROOT, "eval at step %d: %s%n", step, result);
    }

    @Override
    public void onEnd(TrainResult r) {
        out.printf(Locale.ROOT, "trained %d steps, %d episodes in %.1f s (%.0f steps/s)%n",
                r.steps(), r.episodes(), r.seconds(), r.stepsPerSecond());
    }

    private double mean() {
        return recent.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
