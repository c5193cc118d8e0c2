package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    @Test
    void rangeBecomesTheRowsSpreadAndRatiosUseItsMidpoint() {
        Reference sb3 = Reference.SB3_PPO_STEPS;
        BenchResult row = sb3.toResult();
        assertEquals(List.of(5_700.0, 5_900.0), row.samples());
        assertEquals(5_800, row.median());
        assertTrue(row.note().contains("issue 7"), row.note());
        BenchResult ours = new BenchResult("train", "ppo steps/s", "steps/s", List.of(2_900.0, 5_800.0, Double.NaN), "");
        BenchResult ratio = sb3.ratio(ours);
        assertEquals("ratio", ratio.unit());
        assertEquals(0.5, ratio.samples().get(0), 1e-12);
        assertEquals(1.0, ratio.samples().get(1), 1e-12);
        assertTrue(Double.isNaN(ratio.samples().get(2)));
        assertTrue(ratio.note().contains(">1: ours faster"), ratio.note());
    }

    @Test
    void singleFiguresAndDirection() {
        assertEquals(List.of(175_000.0), Reference.GYMNASIUM_CARTPOLE.toResult().samples());
        assertTrue(Reference.GYMNASIUM_CARTPOLE.higherIsBetter());
        assertFalse(Reference.CLEANRL_PPO_TIME.higherIsBetter());
        BenchResult ours = new BenchResult("train", "ppo time", "s", List.of(76.0), "");
        assertEquals(2.0, Reference.CLEANRL_PPO_TIME.ratio(ours).median(), 1e-12);
        assertTrue(Reference.CLEANRL_PPO_TIME.ratio(ours).note().contains("<1: ours faster"));
    }

    @Test
    void mismatchedUnitsAndBadRangesAreRejected() {
        BenchResult us = new BenchResult("inference", "x", "us", List.of(1.0), "");
        assertThrows(IllegalArgumentException.class, () -> Reference.SB3_DQN_STEPS.ratio(us));
        assertThrows(IllegalArgumentException.class, () -> new Reference("env", "a", "b", "s", 2, 1, ""));
        assertThrows(IllegalArgumentException.class, () -> new Reference("env", "a", "b", "s", 0, 1, ""));
    }
}
