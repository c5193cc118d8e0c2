package org.deeprl4j.experiments.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.experiments.output.RunHistory;
import org.junit.jupiter.api.Test;

class MeanCurveTest {
    static RunHistory history(long[] steps, double[] returns) {
        List<EpisodeRecord> eps = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            eps.add(new EpisodeRecord(steps[i], 0, returns[i], 1, Double.NaN));
        }
        return new RunHistory(eps, List.of(), Map.of());
    }

    @Test
    void interpolationIsLinearClampedAndTakesTheLaterOfRepeatedSteps() {
        double[] xs = {10, 20, 20, 40};
        double[] ys = {0, 10, 30, 50};
        assertEquals(0, MeanCurve.interpolate(xs, ys, 5), 0);
        assertEquals(0, MeanCurve.interpolate(xs, ys, 10), 0);
        assertEquals(5, MeanCurve.interpolate(xs, ys, 15), 1e-12);
        assertEquals(30, MeanCurve.interpolate(xs, ys, 20), 0);
        assertEquals(40, MeanCurve.interpolate(xs, ys, 30), 1e-12);
        assertEquals(50, MeanCurve.interpolate(xs, ys, 99), 0);
    }

    @Test
    void trailingMeanUsesAtMostTheWindow() {
        assertArrayEquals(new double[] {1, 1.5, 2.5, 3.5}, org.deeprl4j.experiments.output.LearningCurve.movingAverage(new double[] {1, 2, 3, 4}, 2), 1e-12);
    }

    @Test
    void meanStdMinMaxOverRunsOnTheSharedSpan() {
        RunHistory a = history(new long[] {10, 20, 30, 100}, new double[] {1, 1, 1, 1});
        RunHistory b = history(new long[] {20, 50}, new double[] {3, 3});
        RunHistory none = history(new long[0], new double[0]);
        MeanCurve c = MeanCurve.of(List.of(a, b, none), 4);
        assertEquals(2, c.runs(), "the run without episodes is left out");
        assertArrayEquals(new double[] {20, 30, 40, 50}, c.steps(), 1e-12);
        assertArrayEquals(new double[] {2, 2, 2, 2}, c.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1}, c.std(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1}, c.min(), 1e-12);
        assertArrayEquals(new double[] {3, 3, 3, 3}, c.max(), 1e-12);
    }

    @Test
    void curvesAreSmoothedBeforeAveraging() {
        RunHistory a = history(new long[] {10, 20}, new double[] {0, 10}); // smoothed: 0, 5
        MeanCurve c = MeanCurve.of(List.of(a), 3);
        assertArrayEquals(new double[] {10, 15, 20}, c.steps(), 1e-12);
        assertArrayEquals(new double[] {0, 2.5, 5}, c.mean(), 1e-12);
    }

    @Test
    void disjointRunsUseTheUnionAndNoEpisodesGiveAnEmptyCurve() {
        RunHistory a = history(new long[] {10}, new double[] {2});
        RunHistory b = history(new long[] {30}, new double[] {4});
        MeanCurve c = MeanCurve.of(List.of(a, b), 3);
        assertArrayEquals(new double[] {10, 20, 30}, c.steps(), 1e-12);
        assertArrayEquals(new double[] {3, 3, 3}, c.mean(), 1e-12);
        assertTrue(MeanCurve.of(List.of(history(new long[0], new double[0])), 5).isEmpty());
        assertEquals(1, MeanCurve.of(List.of(a), 5).steps().length, "one episode: one point");
        assertThrows(IllegalArgumentException.class, () -> MeanCurve.of(List.of(a), 1));
    }
}
