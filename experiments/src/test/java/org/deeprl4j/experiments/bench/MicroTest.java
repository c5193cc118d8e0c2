package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MicroTest {
    private static final Micro.Settings TINY = new Micro.Settings(3, 0.0, 0.01, 4, 10);

    @Test
    void percentileInterpolatesLikeNumpy() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, Micro.percentile(v, 0.5));
        assertEquals(1.3, Micro.percentile(v, 0.1), 1e-12);
        assertEquals(1, Micro.percentile(v, 0));
        assertEquals(4, Micro.percentile(v, 1));
        assertEquals(7, Micro.percentile(new double[] {7}, 0.9));
        assertTrue(Double.isNaN(Micro.percentile(new double[0], 0.5)));
        assertThrows(IllegalArgumentException.class, () -> Micro.percentile(v, 1.5));
    }

    @Test
    void throughputGivesOnePositiveRatePerRepetition() {
        long[] calls = {0};
        List<Double> rates = Micro.throughput(() -> {
            calls[0]++;
            return 5;
        }, TINY);
        assertEquals(3, rates.size());
        rates.forEach(r -> assertTrue(r > 0 && Double.isFinite(r), "rate " + r));
        assertTrue(calls[0] >= 3, "at least one chunk per repetition, got " + calls[0]);
    }

    @Test
    void warmUpWaitsUntilTheRateStopsImproving() {
        Micro.WarmUp w = new Micro.WarmUp(1.0);
        double[] rising = {10, 20, 40, 80, 160, 320, 640};
        for (double r : rising) {
            assertFalse(w.done(r, 0.2), "still speeding up at " + r);
        }
        assertFalse(w.done(600, 0.2), "one flat window");
        assertFalse(w.done(660, 0.2), "within 5% of the best: two flat windows");
        assertTrue(w.done(630, 0.2), "three flat windows after the minimum");
    }

    @Test
    void warmUpLastsAtLeastTheMinimumAndAtMostTenTimesIt() {
        Micro.WarmUp flat = new Micro.WarmUp(1.0);
        for (int i = 0; i < 4; i++) {
            assertFalse(flat.done(100, 0.2), "minimum not reached after window " + i);
        }
        assertTrue(flat.done(100, 0.2));
        Micro.WarmUp improving = new Micro.WarmUp(0.1);
        double rate = 1;
        int windows = 0;
        do {
            rate *= 2;
            windows++;
        } while (!improving.done(rate, 0.02));
        assertEquals(50, windows, "capped at 10 x 0.1 s");
    }

    @Test
    void latencyTimesEveryCallAfterTheWarmUp() {
        int[] calls = {0};
        Micro.Latency l = Micro.latency(() -> calls[0]++, TINY);
        assertEquals(4 + 3 * 10, calls[0]);
        assertEquals(30, l.calls());
        assertEquals(3, l.repMedians().size());
        assertTrue(l.p10() >= 0 && l.p10() <= l.p90(), l.toString());
        l.repMedians().forEach(m -> assertTrue(m >= 0 && Double.isFinite(m)));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new Micro.Settings(0, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Micro.Settings(1, -1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Micro.Settings(1, 1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Micro.Settings(1, 1, 1, 1, 0));
        assertEquals(5, Micro.Settings.quick(5).repetitions());
        assertTrue(Micro.Settings.quick(1).repSeconds() < Micro.Settings.full(1).repSeconds());
    }
}
