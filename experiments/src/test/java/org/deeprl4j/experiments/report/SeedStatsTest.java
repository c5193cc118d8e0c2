package org.deeprl4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedStatsTest {
    @TempDir
    Path dir;

    @Test
    void meanAndPopulationStdSkipNaN() {
        assertEquals(2.5, SeedStats.mean(1, 2, 3, 4), 1e-12);
        assertEquals(Math.sqrt(1.25), SeedStats.std(1, 2, 3, 4), 1e-12);
        assertEquals(2, SeedStats.mean(1, Double.NaN, 3), 1e-12);
        assertEquals(1, SeedStats.std(1, Double.NaN, 3), 1e-12);
        assertEquals(0, SeedStats.std(5), 0);
        assertTrue(Double.isNaN(SeedStats.mean()));
        assertTrue(Double.isNaN(SeedStats.std(Double.NaN)));
    }

    @Test
    void statsOverSeedsCountFinishedRunsForTheFinalEvaluation() {
        RunFolder a = RunFolder.read(FakeRun.finished(dir.resolve("a"), "E-v0", 0, Map.of(), 1, 30, 10));
        RunFolder b = RunFolder.read(FakeRun.finished(dir.resolve("b"), "E-v0", 1, Map.of(), 1, 50, 20));
        RunFolder c = RunFolder.read(FakeRun.write(dir.resolve("c"), "E-v0", "dqn", 2, Map.of(), 10, new double[] {1, 1},
                new double[][] {{10, 70}}, false));
        SeedStats s = SeedStats.of(List.of(a, b, c));
        assertEquals(3, s.runs());
        assertEquals(2, s.finished());
        assertEquals(List.of(0L, 1L, 2L), s.seeds());
        assertEquals(15, s.finalMean(), 1e-12);
        assertEquals(5, s.finalStd(), 1e-12);
        assertEquals(50, s.bestMean(), 1e-12, "30, 50 and the unfinished run's 70");
        assertEquals(Math.sqrt(800.0 / 3), s.bestStd(), 1e-9);
        assertEquals((100 + 100 + 20) / 3.0, s.stepsMean(), 1e-9);
    }
}
