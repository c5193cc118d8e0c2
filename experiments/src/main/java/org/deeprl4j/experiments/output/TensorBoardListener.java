package org.deeprl4j.experiments.output;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Logs training to TensorBoard with CleanRL's tag names:
 * <ul>
 *   <li>{@code charts/episodic_return} and {@code charts/episodic_length} for every finished
 *       episode, at the env step it ended;</li>
 *   <li>the agent's update metrics under the names it gives them ({@code losses/td_loss},
 *       {@code rollout/exploration_rate}, ...) and {@code charts/SPS}, at most once every
 *       {@code everySteps} env steps (CleanRL logs every 100 steps), each metric's latest value
 *       since the previous write;</li>
 *   <li>{@code eval/mean_reward} and {@code eval/mean_ep_length} (SB3's names) per evaluation.</li>
 * </ul>
 * Closes the writer in {@link #onEnd}.
 */
public final class TensorBoardListener implements TrainingListener, AutoCloseable {
    /** CleanRL's logging interval for losses and SPS. */
    public static final long DEFAULT_EVERY_STEPS = 100;

    private final TensorBoardWriter writer;
    private final long everySteps;
    private final ProgressStats stats;
    private final Map<String, Double> pending = new LinkedHashMap<>();
    private long nextWrite;

    /** Logs metrics and SPS at most every {@code everySteps} env steps. */
    public TensorBoardListener(TensorBoardWriter writer, long everySteps) {
        this(writer, everySteps, System::nanoTime);
    }

    TensorBoardListener(TensorBoardWriter writer, long everySteps, LongSupplier nanoClock) {
        if (everySteps <= 0) {
            throw new IllegalArgumentException("everySteps must be positive, got " + everySteps);
        }
        this.writer = writer;
        this.everySteps = everySteps;
        this.stats = new ProgressStats(0, nanoClock);
        this.nextWrite = everySteps;
    }

    /** A listener writing a new event file in {@code logDir}, logging every {@value #DEFAULT_EVERY_STEPS} steps. */
    public static TensorBoardListener create(Path logDir) {
        return new TensorBoardListener(TensorBoardWriter.create(logDir), DEFAULT_EVERY_STEPS);
    }

    /** The underlying writer (for extra scalars). */
    public TensorBoardWriter writer() {
        return writer;
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        writer.scalar("charts/episodic_return", (float) e.episodeReturn(), e.step());
        writer.scalar("charts/episodic_length", e.length(), e.step());
    }

    @Override
    public void onStep(long step, Map<String, Double> metrics) {
        stats.step(step);
        pending.putAll(metrics);
        if (step >= nextWrite) {
            while (nextWrite <= step) {
                nextWrite += everySteps;
            }
            writePending(step);
        }
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        writer.scalar("eval/mean_reward", (float) result.mean(), step);
        writer.scalar("eval/mean_ep_length", (float) result.meanLength(), step);
    }

    @Override
    public void onEnd(TrainResult result) {
        if (!pending.isEmpty()) {
            writePending(stats.step());
        }
        close();
    }

    @Override
    public void close() {
        writer.close();
    }

    private void writePending(long step) {
        for (Map.Entry<String, Double> m : pending.entrySet()) {
            writer.scalar(m.getKey(), m.getValue().floatValue(), step);
        }
        pending.clear();
        double sps = stats.stepsPerSecond();
        if (Double.isFinite(sps)) {
            writer.scalar("charts/SPS", (float) sps, step);
        }
    }
}
