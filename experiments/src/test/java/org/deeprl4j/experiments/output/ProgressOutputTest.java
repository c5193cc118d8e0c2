package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.junit.jupiter.api.Test;

/** {@link PlainProgress} and {@link ProgressBar}. */
class ProgressOutputTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void plainLinesCarryStepsReturnsSpeedAndEta() {
        AtomicLong nanos = new AtomicLong();
        PlainProgress p = new PlainProgress(out, 1000, 250, nanos::get);
        p.onEpisode(new EpisodeRecord(100, 0, 10, 100, 0));
        p.onEpisode(new EpisodeRecord(200, 0, 20, 100, 0));
        for (long step = 2; step <= 1000; step += 2) { // a 2-env vector loop
            nanos.set(step * 1_000_000L);               // 1000 steps/s
            p.onStep(step, Map.of());
        }
        p.onEvaluation(1000, new EvalResult(new double[] {5, 7}, new int[] {1, 1}));
        p.onEnd(new TrainResult(1000, 2, null, 6, false, 2.0));
        assertEquals(List.of(
                "step 250/1000 (25%)  episodes 2  mean return (last 2) 15.00  1000 steps/s  ETA 0:01",
                "step 500/1000 (50%)  episodes 2  mean return (last 2) 15.00  1000 steps/s  ETA 0:01",
                "step 750/1000 (75%)  episodes 2  mean return (last 2) 15.00  1000 steps/s  ETA 0:00",
                "step 1000/1000 (100%)  episodes 2  mean return (last 2) 15.00  1000 steps/s  ETA 0:00",
                "eval at step 1000: 6.00 +/- 1.00 over 2 episodes",
                "trained 1000 steps, 2 episodes in 2.0 s (500 steps/s)"), lines());
    }

    @Test
    void recentMeanUsesTheLast100EpisodesAndDurationsFormat() {
        ProgressStats s = new ProgressStats(0, () -> 0);
        for (int i = 1; i <= 150; i++) {
            s.episode(new EpisodeRecord(i, 0, i, 2 * i, 0));
        }
        assertEquals(150, s.episodes());
        assertEquals(100.5, s.meanReturn(), 1e-12);   // mean of 51..150
        assertEquals(201.0, s.meanLength(), 1e-12);
        assertEquals(Double.NaN, s.etaSeconds());      // total unknown
        assertEquals("1:01:01", ProgressStats.duration(3661));
        assertEquals("2:05", ProgressStats.duration(125));
        assertEquals("?", ProgressStats.duration(Double.NaN));
    }

    @Test
    void createFallsBackToPlainLinesWithoutATerminal() {
        assertInstanceOf(PlainProgress.class, ProgressBar.create(out, 100, false));
        try (ProgressBar bar = (ProgressBar) ProgressBar.create(out, 100, true)) {
            assertInstanceOf(ProgressBar.class, bar);
        }
        if (System.console() == null) {
            assertInstanceOf(PlainProgress.class, ProgressBar.create(out, 100));
        }
        assertThrows(IllegalArgumentException.class, () -> new PlainProgress(out, 0, 1));
    }

    @Test
    void barShowsProgressEpisodesReturnsAndEvaluation() {
        List<String> frames = new CopyOnWriteArrayList<>();
        ProgressBar bar = new ProgressBar(new DelegatingProgressBarConsumer(frames::add, 200), out, 1000);
        bar.onEpisode(new EpisodeRecord(10, 0, 10, 10, 0));
        bar.onEpisode(new EpisodeRecord(20, 1, 20, 10, 0));
        for (long step = 1; step <= 1000; step++) {
            bar.onStep(step, Map.of());
        }
        bar.onEvaluation(1000, new EvalResult(new double[] {30}, new int[] {5}));
        assertEquals("ep 2 R(100) 15.0 eval 30.0", bar.message());
        bar.onEnd(new TrainResult(1000, 2, null, 30, false, 1.0));
        String last = frames.get(frames.size() - 1);
        assertTrue(last.contains("100%") && last.contains("1000/1000") && last.contains("ep 2 R(100) 15.0 eval 30.0")
                && last.contains("steps/s"), last);
        assertEquals(List.of("trained 1000 steps, 2 episodes in 1.0 s (1000 steps/s)"), lines());
        bar.close(); // idempotent
    }

    @Test
    void barMessageBeforeAnyEpisode() {
        try (ProgressBar bar = new ProgressBar(new DelegatingProgressBarConsumer(s -> { }, 200), out, 10)) {
            assertEquals("ep 0 R(100) -", bar.message());
        }
    }
}
