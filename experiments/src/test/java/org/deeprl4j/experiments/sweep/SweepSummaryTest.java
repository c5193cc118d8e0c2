package org.deeprl4j.experiments.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprl4j.experiments.report.FakeRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSummaryTest {
    @TempDir
    Path dir;

    @Test
    void summaryHasMeanAndStdOverSeedsPerGridPoint() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(0L, 1L, 2L), Grid.parse(List.of("lr=a,b", "gamma=0.9")));
        List<Trial> t = plan.trials();
        // point 0: finals 10, 20, 30; bests 15, 25, 35
        for (int i = 0; i < 3; i++) {
            FakeRun.finished(t.get(i).dir(dir), "E-v0", i, Map.of("lr", "a"), i, 15 + 10 * i, 10 + 10 * i);
        }
        // point 1: seed 0 finished (final 5), seed 1 unfinished, seed 2 missing
        FakeRun.finished(t.get(3).dir(dir), "E-v0", 0, Map.of("lr", "b"), 1, 5, 5);
        FakeRun.write(t.get(4).dir(dir), "E-v0", "dqn", 1, Map.of("lr", "b"), 10, new double[] {1}, new double[][] {{10, 99}}, false);

        List<SweepSummary.PointResult> results = SweepSummary.write(dir, plan);
        assertEquals(2, results.size());
        assertEquals(3, results.get(0).runs().size());
        assertEquals(1, results.get(1).runs().size(), "only finished runs count");

        List<String> csv = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals(List.of("point,lr,gamma,trials,finished,seeds,final_mean,final_std,best_mean,best_std,steps_mean",
                "\"lr=a,gamma=0.9\",a,0.9,3,3,0 1 2,20," + Math.sqrt(200.0 / 3) + ",25," + Math.sqrt(200.0 / 3) + ",100",
                "\"lr=b,gamma=0.9\",b,0.9,3,1,0,5,0,5,0,100"), csv);

        for (String f : new String[] {"plots/lr=a,gamma=0.9.png", "plots/lr=a,gamma=0.9.svg", "plots/lr=b,gamma=0.9.png",
            "summary.png", "summary.svg"}) {
            assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        }
        List<List<String>> rows = SweepSummary.rows(plan, results, false);
        assertEquals(List.of("lr=a,gamma=0.9", "a", "0.9", "3", "3", "0 1 2", "20.00", "8.16", "25.00", "8.16", "100"), rows.get(0));
    }

    @Test
    void aSweepWithNothingFinishedStillWritesItsTable() throws Exception {
        SweepPlan plan = SweepPlan.of(List.of(0L), Grid.EMPTY);
        SweepSummary.write(dir, plan);
        assertEquals(List.of("point,trials,finished,seeds,final_mean,final_std,best_mean,best_std,steps_mean",
                "default,1,0,,,,,,"), Files.readAllLines(dir.resolve("summary.csv")));
        assertTrue(Files.notExists(dir.resolve("summary.png")));
        assertTrue(Files.notExists(dir.resolve("plots")));
    }
}
