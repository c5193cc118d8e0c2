package org.deeprl4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeprl4j.experiments.bench.BenchResult;
import org.deeprl4j.experiments.bench.Comparison;
import org.deeprl4j.experiments.bench.ComparisonSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

public class BenchCommandTest {
    record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void quickEnvAndInferenceSuitesGiveFiniteFiguresAndJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bench.json");
        Result r = run("--suite", "env,inference", "--quick", "--reps", "2", "--json", file.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("machine: "), r.out());
        assertTrue(r.out().contains("wrote " + file), r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("env ") || l.startsWith("inference ")).toList();
        assertEquals(6 + 12, rows.size(), r.out());
        rows.forEach(l -> assertFalse(l.contains("n/a"), "finite figures only: " + l));

        JsonNode doc = new ObjectMapper().readTree(Files.readString(file));
        assertTrue(doc.get("machine").get("cores").asInt() >= 1);
        assertFalse(doc.get("machine").get("nd4j_backend").asText().isEmpty());
        assertTrue(doc.get("machine").has("javacpp"));
        assertEquals("[\"env\",\"inference\"]", doc.get("settings").get("suites").toString());
        assertTrue(doc.get("settings").get("quick").asBoolean());
        assertTrue(doc.get("seconds").asDouble() > 0);
        List<String> names = new ArrayList<>();
        for (JsonNode res : doc.get("results")) {
            names.add(res.get("name").asText());
            for (String key : List.of("suite", "unit", "median", "min", "max", "samples", "note")) {
                assertTrue(res.has(key), key + " in " + res);
            }
            double median = res.get("median").asDouble();
            assertTrue(res.get("median").isNumber() && median > 0 && Double.isFinite(median), res.toString());
            assertTrue(res.get("min").asDouble() <= median && median <= res.get("max").asDouble(), res.toString());
        }
        assertTrue(names.containsAll(List.of("CartPole raw steps/s", "CartPole-v1 registry steps/s", "SyncVectorEnv x8 steps/s",
                "ThreadedVectorEnv x8 steps/s", "Gymnasium CartPole-v1 steps/s", "CartPole raw steps/s vs Gymnasium",
                "dqn greedy Policy.act b1", "dqn Network.output b1", "dqn act/output b1", "dqn greedy Policy.act b64",
                "ppo greedy Policy.act b1", "ppo Network.outputs b64", "ppo act/output b64")), names.toString());
        assertEquals(2, doc.get("results").get(0).get("samples").size(), "one sample per repetition");
    }

    @Test
    void unknownSuiteIsBadUsage() {
        Result r = run("--suite", "env,gpu");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--suite: unknown suite 'gpu'; valid suites: env, inference, train, all"), r.err());
    }

    @Test
    void unknownComparisonIsBadUsageNamingTheAvailableOnes() {
        Result r = run("--vs", "rl4j", "--quick");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown comparison 'rl4j' for --vs; available comparisons: none"), r.err());
        assertTrue(r.err().contains("rl4j module (experiments/rl4j) on the classpath"), r.err());
        assertFalse(r.out().contains("machine:"), "nothing ran");
    }

    @Test
    void badNumbersAndMissingJsonFolderAreBadUsage(@TempDir Path dir) {
        assertTrue(run("--reps", "0").err().contains("--reps must be positive, got 0"));
        assertTrue(run("--steps", "-5").err().contains("--steps must be positive, got -5"));
        Result r = run("--suite", "env", "--json", dir.resolve("missing/out.json").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("does not exist"), r.err());
    }

    /** A comparison found through ServiceLoader from a class loader with its services file. */
    public static final class FakeComparison implements Comparison {
        static ComparisonSettings lastSettings;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public List<BenchResult> run(ComparisonSettings settings, PrintStream log) {
            lastSettings = settings;
            log.println("fake: done");
            return List.of(new BenchResult("vs-fake", "fake steps/s", "steps/s", List.of(10.0, 30.0, 20.0), "side by side"));
        }
    }

    @Test
    void comparisonFromTheClasspathJoinsTheTable(@TempDir Path dir) throws Exception {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(Comparison.class.getName()), FakeComparison.class.getName() + "\n");
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, before)) {
            t.setContextClassLoader(loader);
            Result r = run("--vs", "FAKE", "--steps", "123", "--seed", "4", "--reps", "3");
            assertEquals(0, r.exit(), r.err());
            assertEquals(new ComparisonSettings(123, 4, 3), FakeComparison.lastSettings);
            assertTrue(r.out().contains("fake: done"), r.out());
            String row = r.out().lines().filter(l -> l.startsWith("vs-fake")).findFirst().orElseThrow();
            assertTrue(row.matches("vs-fake +fake steps/s +20\\.0 +10\\.0 \\.\\. 30\\.0 +steps/s +3 +side by side"), row);
            assertFalse(r.out().contains("CartPole raw"), "--vs alone runs no suite");
        } finally {
            t.setContextClassLoader(before);
        }
    }
}
