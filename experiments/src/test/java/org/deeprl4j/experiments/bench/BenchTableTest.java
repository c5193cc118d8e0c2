package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchTableTest {
    @Test
    void numbersAreShortenedToAboutThreeDigits() {
        assertEquals("41.81M", BenchTable.number(41_812_345));
        assertEquals("175.0k", BenchTable.number(175_000));
        assertEquals("12.3k", BenchTable.number(12_345));
        assertEquals("5800", BenchTable.number(5_800));
        assertEquals("312", BenchTable.number(312.4));
        assertEquals("42.5", BenchTable.number(42.46));
        assertEquals("0.85", BenchTable.number(0.8512));
        assertEquals("0.00", BenchTable.number(0));
        assertEquals("1.50e-03", BenchTable.number(0.0015));
        assertEquals("-2.50", BenchTable.number(-2.5));
        assertEquals("n/a", BenchTable.number(Double.NaN));
        assertEquals("n/a", BenchTable.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void rowShowsMedianSpreadAndFiniteRepetitions() {
        BenchResult r = new BenchResult("train", "ppo time to 475", "s", List.of(30.0, Double.NaN, 10.0), "note");
        assertArrayEquals(new String[] {"train", "ppo time to 475", "20.0", "10.0 .. 30.0", "s", "2/3", "note"}, BenchTable.row(r));
        BenchResult never = new BenchResult("train", "dqn time to 475", "s", List.of(Double.NaN), "");
        assertArrayEquals(new String[] {"train", "dqn time to 475", "n/a", "n/a", "s", "0/1", ""}, BenchTable.row(never));
    }

    @Test
    void tableAlignsColumnsAndRightAlignsNumbers() {
        String text = BenchTable.render(List.of(
                new BenchResult("env", "CartPole raw steps/s", "steps/s", List.of(4.0e7, 4.2e7, 4.1e7), ""),
                new BenchResult("inference", "dqn act b1", "us", List.of(5.0, 7.0), "p90")));
        List<String> lines = text.lines().toList();
        assertEquals(3, lines.size(), text);
        assertTrue(lines.get(0).startsWith("suite      figure                median  spread (min .. max)  unit"), lines.get(0));
        int medianEnd = lines.get(0).indexOf("median") + "median".length();
        assertEquals("41.00M", lines.get(1).substring(medianEnd - 6, medianEnd), "median right-aligned under its header");
        assertEquals("  6.00", lines.get(2).substring(medianEnd - 6, medianEnd));
        assertTrue(lines.get(1).contains("40.00M .. 42.00M  steps/s     3"), lines.get(1));
        assertTrue(lines.get(2).endsWith("us          2  p90"), lines.get(2));
        lines.forEach(l -> assertEquals(l.stripTrailing(), l, "no trailing spaces"));
    }
}
