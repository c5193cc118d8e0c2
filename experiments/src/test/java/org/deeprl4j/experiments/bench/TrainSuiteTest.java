package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainSuiteTest {
    @Test
    void resultsHaveOurFiguresThePeersAndTheRatios() {
        List<TrainSuite.Run> runs = List.of(new TrainSuite.Run(1_000, 2.0, Double.NaN, -1, 100),
                new TrainSuite.Run(1_000, 0.5, 0.4, 800, 480));
        List<BenchResult> rows = TrainSuite.results("ppo", 5_000, 7, runs);
        assertEquals(10, rows.size(), "2 ours + 4 peers + 4 ratios");
        BenchResult throughput = rows.get(0);
        assertEquals(List.of(500.0, 2_000.0), throughput.samples());
        assertTrue(throughput.note().contains("budget 5000") && throughput.note().contains("seeds 7..8"), throughput.note());
        BenchResult time = rows.get(1);
        assertEquals("s", time.unit());
        assertEquals(0.4, time.median());
        assertTrue(time.note().contains("in 1 of 2 runs") && time.note().contains("median step 800"), time.note());
        assertEquals("SB3 zoo PPO train steps/s", rows.get(2).name());
        BenchResult vsSb3 = rows.get(6);
        assertEquals("ratio", vsSb3.unit());
        assertEquals(2_000 / 5_800.0, vsSb3.max(), 1e-12);
        BenchResult timeVsCleanRl = rows.get(9);
        assertTrue(timeVsCleanRl.name().endsWith("vs CleanRL ppo.py"), timeVsCleanRl.name());
        assertEquals(0.4 / 38, timeVsCleanRl.median(), 1e-12);
    }

    @Test
    void dqnHasThroughputPeersOnly() {
        List<BenchResult> rows = TrainSuite.results("dqn", 100, 0, List.of(new TrainSuite.Run(100, 1.0, Double.NaN, -1, 20)));
        assertEquals(6, rows.size(), "2 ours + 2 peers + 2 ratios");
        assertTrue(Double.isNaN(rows.get(1).median()), "never reached");
        assertEquals(100 / 1_300.0, rows.get(4).median(), 1e-12);
        assertEquals(100 / 6_000.0, rows.get(5).median(), 1e-12);
    }

    @Test
    void aShortRealRunStopsAtItsBudget() {
        TrainSuite.Run ppo = TrainSuite.runOnce("ppo", 0, 512);
        assertEquals(512, ppo.steps());
        assertTrue(ppo.seconds() > 0 && Double.isFinite(ppo.stepsPerSecond()));
        assertEquals(-1, ppo.stepTo475());
        assertTrue(Double.isNaN(ppo.secondsTo475()));
        assertTrue(ppo.movingAverage() > 0 && ppo.movingAverage() < 475, "random play: " + ppo.movingAverage());
    }

    @Test
    void settingsChooseBudgetsAndRejectBadValues() {
        assertEquals(50_000, new TrainSuite.Settings(List.of("dqn"), 1, 0, null, false).budget("dqn"), "zoo n_timesteps");
        assertEquals(100_000, new TrainSuite.Settings(List.of("ppo"), 1, 0, null, false).budget("ppo"));
        assertEquals(1_500, new TrainSuite.Settings(List.of("dqn"), 1, 0, null, true).budget("dqn"));
        assertEquals(77, new TrainSuite.Settings(List.of("dqn"), 1, 0, 77L, true).budget("dqn"));
        assertThrows(IllegalArgumentException.class, () -> new TrainSuite.Settings(List.of("sac"), 1, 0, null, false));
        assertThrows(IllegalArgumentException.class, () -> new TrainSuite.Settings(List.of("dqn"), 0, 0, null, false));
        assertThrows(IllegalArgumentException.class, () -> new TrainSuite.Settings(List.of("dqn"), 1, 0, 0L, false));
    }
}
