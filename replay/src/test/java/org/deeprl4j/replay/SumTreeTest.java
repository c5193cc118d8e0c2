package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumTreeTest {

    /** Priorities [1, 2, 0, 3, 4] over a non-power-of-two capacity; prefix sums 0, 1, 3, 3, 6, 10. */
    private static SumTree fivePriorities() {
        SumTree t = new SumTree(5);
        double[] p = {1, 2, 0, 3, 4};
        for (int i = 0; i < p.length; i++) {
            t.set(i, p[i]);
        }
        return t;
    }

    @Test
    void findReturnsTheSlotWhosePrefixIntervalHoldsTheMass() {
        SumTree t = fivePriorities();
        assertEquals(10.0, t.total());
        assertEquals(0, t.find(0.0));
        assertEquals(0, t.find(0.999));
        assertEquals(1, t.find(1.0));
        assertEquals(1, t.find(2.999));
        assertEquals(3, t.find(3.0)); // slot 2 has zero priority and is skipped
        assertEquals(3, t.find(5.999));
        assertEquals(4, t.find(6.0));
        assertEquals(4, t.find(9.999));
    }

    @Test
    void massAtOrBeyondTotalGivesLastPositiveSlotNeverPadding() {
        SumTree t = fivePriorities();
        assertEquals(4, t.find(10.0));
        assertEquals(4, t.find(1e9));
        t.set(4, 0.0);
        t.set(3, 0.0);
        assertEquals(3.0, t.total());
        assertEquals(1, t.find(3.0)); // last positive slot, not a zero or padding slot
    }

    @Test
    void updatesRecomputeSums() {
        SumTree t = fivePriorities();
        t.set(1, 0.5);
        assertEquals(8.5, t.total());
        assertEquals(0.5, t.get(1));
        assertEquals(1, t.find(1.2));
        assertEquals(3, t.find(1.5));
        SumTree one = new SumTree(1);
        one.set(0, 2.5);
        assertEquals(2.5, one.total());
        assertEquals(0, one.find(2.0));
    }

    @Test
    void samplingFrequenciesMatchPrioritiesChiSquare() {
        int capacity = 7;
        double[] p = {0.5, 3.0, 0.0, 1.0, 2.5, 0.25, 4.0};
        SumTree t = new SumTree(capacity);
        for (int i = 0; i < capacity; i++) {
            t.set(i, p[i]);
        }
        SplittableRandom rng = new SplittableRandom(12345);
        int draws = 100_000;
        long[] counts = new long[capacity];
        for (int d = 0; d < draws; d++) {
            counts[t.find(rng.nextDouble() * t.total())]++;
        }
        assertEquals(0, counts[2], "zero priority slot must never be drawn");
        double chi2 = chiSquare(counts, p, draws);
        // 5 degrees of freedom: P(chi2 > 30) < 2e-5 for a correct sampler.
        assertTrue(chi2 < 30.0, "chi-square " + chi2 + " too large");
    }

    static double chiSquare(long[] counts, double[] weights, long draws) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double chi2 = 0;
        for (int i = 0; i < counts.length; i++) {
            if (weights[i] > 0) {
                double expected = draws * weights[i] / total;
                chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
            }
        }
        return chi2;
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SumTree(0));
        SumTree t = new SumTree(3);
        assertThrows(IllegalStateException.class, () -> t.find(0.0));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> t.set(0, Double.POSITIVE_INFINITY));
        assertThrows(IndexOutOfBoundsException.class, () -> t.set(3, 1.0));
        t.set(0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> t.find(-0.1));
    }

    @Test
    void minTreeTracksMinimumOfSetSlots() {
        MinTree m = new MinTree(6);
        assertEquals(Double.POSITIVE_INFINITY, m.min());
        m.set(0, 3.0);
        m.set(5, 2.0);
        assertEquals(2.0, m.min());
        m.set(3, 0.5);
        assertEquals(0.5, m.min());
        m.set(3, 7.0);
        assertEquals(2.0, m.min());
        assertEquals(Double.POSITIVE_INFINITY, m.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> m.set(6, 1.0));
        assertThrows(IllegalArgumentException.class, () -> m.set(0, Double.NaN));
    }
}
