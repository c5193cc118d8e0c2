package org.deeprl4j.experiments.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressCsvTest {
    @TempDir
    Path dir;

    @Test
    void dumpsEveryIntervalAndRewritesTheHeaderWhenKeysAppear() throws Exception {
        Path file = dir.resolve(ProgressCsv.FILE);
        AtomicLong nanos = new AtomicLong();
        ProgressCsv csv = new ProgressCsv(file, 100, nanos::get);
        for (long step = 1; step <= 250; step++) {
            nanos.set(step * 2_000_000L); // 2 ms per step = 500 SPS
            if (step == 30 || step == 60) {
                csv.onEpisode(new EpisodeRecord(step, 0, step, (int) step, 0));
            }
            Map<String, Double> m = step == 150 ? Map.of("losses/td_loss", 0.5, "train/n_updates", 1.0)
                    : step == 240 ? Map.of("losses/td_loss", 0.25) : Map.of();
            csv.onStep(step, m);
        }
        csv.onEnd(new TrainResult(250, 2, null, Double.NaN, false, 0.5));
        assertEquals(List.of(
                "time/total_timesteps,time/episodes,time/time_elapsed,charts/SPS,charts/episodic_return,"
                        + "charts/episodic_length,losses/td_loss,train/n_updates",
                "100,2,0.2,500,45,45,,",
                "200,2,0.4,500,45,45,0.5,1",
                "250,2,0.5,500,45,45,0.25,"), Files.readAllLines(file));
        assertEquals(8, csv.columns().size());
        assertEquals(List.of(), listTmp());
    }

    @Test
    void emptyCellsBeforeTheFirstEpisodeAndNoDuplicateFinalRow() throws Exception {
        Path file = dir.resolve(ProgressCsv.FILE);
        AtomicLong nanos = new AtomicLong();
        ProgressCsv csv = new ProgressCsv(file, 10, nanos::get);
        nanos.set(1_000_000_000L);
        csv.onStep(10, Map.of());
        csv.onEnd(new TrainResult(10, 0, null, Double.NaN, false, 1));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("10,0,1,10,,", lines.get(1));
        assertThrows(IllegalStateException.class, csv::dump);
    }

    @Test
    void rejectsNonPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new ProgressCsv(dir.resolve("p.csv"), 0));
    }

    @Test
    void evaluationsCsvAppendsRowsAlsoAfterTraining() throws Exception {
        Path file = dir.resolve(EvaluationsCsv.FILE);
        EvaluationsCsv csv = new EvaluationsCsv(file);
        csv.onEvaluation(1000, new EvalResult(new double[] {1, 3}, new int[] {5, 5}));
        csv.onEnd(new TrainResult(2000, 3, null, 2, false, 1));
        csv.write(2000, new EvalResult(new double[] {2.5}, new int[] {9}));
        assertEquals(List.of("step,mean,std,episodes", "1000,2,1,2", "2000,2.5,0,1"), Files.readAllLines(file));
        new EvaluationsCsv(file); // a new run replaces the file
        assertEquals(List.of("step,mean,std,episodes"), Files.readAllLines(file));
    }

    private List<Path> listTmp() throws Exception {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".tmp")).toList();
        }
    }
}
