package org.deeprl4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeprl4j.experiments.bench.BenchResult;
import org.deeprl4j.experiments.bench.Comparison;
import org.deeprl4j.experiments.bench.ComparisonSettings;
import org.junit.jupiter.api.Test;

/**
 * A tiny side-by-side run (300 steps, about 240 gradient steps each): both libraries train and the
 * figures are finite. No wall-clock asserts.
 */
class Rl4jComparisonTest {

    @Test
    void isFoundByServiceLoaderAsRl4j() {
        List<String> names = ServiceLoader.load(Comparison.class).stream().map(p -> p.get().name()).toList();
        assertTrue(names.contains("rl4j"), names.toString());
    }

    @Test
    void tinyRunReportsBothThroughputsReturnsAndTheRatio() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<BenchResult> results = new Rl4jComparison().run(new ComparisonSettings(300, 5, 1),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        Map<String, BenchResult> byName = results.stream().collect(Collectors.toMap(BenchResult::name, Function.identity()));
        assertEquals(5, results.size(), byName.keySet().toString());
        for (BenchResult r : results) {
            assertEquals("vs-rl4j", r.suite());
            assertEquals(1, r.samples().size(), r.name());
            assertTrue(Double.isFinite(r.median()) && r.median() > 0, r.name() + " = " + r.samples());
        }
        BenchResult ours = byName.get("dqn CartPole-v1 env steps/s deeprl4j");
        BenchResult theirs = byName.get("dqn CartPole-v1 env steps/s rl4j");
        BenchResult ratio = byName.get("dqn CartPole-v1 throughput ratio deeprl4j/rl4j");
        assertEquals(ours.median() / theirs.median(), ratio.median(), 1e-9 * ratio.median());
        assertTrue(ratio.note().contains("train_freq"), ratio.note());
        String log = out.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("deeprl4j seed 5") && log.contains("rl4j     seed 5"), log);
    }
}
