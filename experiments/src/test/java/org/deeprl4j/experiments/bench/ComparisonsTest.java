package org.deeprl4j.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {
    private static Comparison named(String name) {
        return new Comparison() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<BenchResult> run(ComparisonSettings settings, PrintStream log) {
                return List.of();
            }
        };
    }

    @Test
    void findsByNameIgnoringCase() {
        Comparison rl4j = named("rl4j");
        assertSame(rl4j, Comparisons.find("RL4J", List.of(named("other"), rl4j)));
    }

    @Test
    void noneAvailableSaysWhereTheRl4jOneComesFrom() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Comparisons.find("rl4j", List.of()));
        assertTrue(e.getMessage().contains("unknown comparison 'rl4j'"), e.getMessage());
        assertTrue(e.getMessage().contains("available comparisons: none"), e.getMessage());
        assertTrue(e.getMessage().contains("rl4j module") && e.getMessage().contains("classpath"), e.getMessage());
    }

    @Test
    void unknownNameListsTheAvailableOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Comparisons.find("sb3", List.of(named("rl4j"), named("djl"))));
        assertTrue(e.getMessage().contains("available comparisons: rl4j, djl"), e.getMessage());
        assertTrue(!e.getMessage().contains("rl4j module"), "rl4j is there: no hint needed: " + e.getMessage());
    }
}
