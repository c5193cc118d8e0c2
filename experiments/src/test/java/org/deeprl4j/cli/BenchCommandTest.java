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
import java.util.Map;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.experiments.bench.BenchResult;
import org.deeprl4j.experiments.bench.Comparison;
import org.deeprl4j.experiments.bench.ComparisonSettings;
import org.deeprl4j.experiments.bench.TrainVariant;
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

    @Test
    void variantSelectsTheTrainSuiteAndEachRowHasItsOwnPeer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.json");
        // ppo: one zoo rollout of 8 x 32 and its update; dqn-cleanrl: 256 steps of acting (before learning_starts)
        Result r = run("--variant", "ppo,dqn-cleanrl", "--steps", "256", "--reps", "1", "--json", file.toString());
        assertEquals(0, r.exit(), r.err() + r.out());
        List<String> rows = r.out().lines().filter(l -> l.startsWith("train ")).toList();
        assertEquals(10, rows.size(), "ppo: 2 + 2 peers + 2 ratios; dqn-cleanrl: 2 + 1 peer + 1 ratio\n" + r.out());
        assertTrue(rows.get(0).contains("ppo CartPole-v1 train steps/s") && rows.get(0).contains("rl-baselines3-zoo hyperparameters"),
                "table order: " + rows.get(0));
        assertTrue(rows.get(6).contains("dqn-cleanrl CartPole-v1 train steps/s") && rows.get(6).contains("CleanRL dqn.py defaults"),
                "table order: " + rows.get(6));
        assertTrue(r.out().contains("dqn-cleanrl CartPole-v1 train steps/s vs CleanRL dqn.py"), r.out());
        assertTrue(r.out().contains("ppo CartPole-v1 time to 475 vs SB3 zoo PPO"), r.out());
        assertFalse(r.out().contains("vs SB3 zoo DQN") || r.out().contains("ppo.py") || r.out().contains("ppo-cleanrl"), r.out());
        assertFalse(r.out().contains("CartPole raw"), "--variant alone runs only the train suite");
        JsonNode settings = new ObjectMapper().readTree(Files.readString(file)).get("settings");
        assertEquals("[\"train\"]", settings.get("suites").toString());
        assertEquals("[\"ppo\",\"dqn-cleanrl\"]", settings.get("train_variants").toString());
    }

    @Test
    void unknownVariantOrVariantWithoutTheTrainSuiteIsBadUsage() {
        Result r = run("--variant", "ppo,a2c");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--variant: no train benchmark variant 'a2c'; available: dqn, ppo, dqn-cleanrl, ppo-cleanrl, all"),
                r.err());
        Result env = run("--suite", "env", "--variant", "ppo");
        assertEquals(2, env.exit());
        assertTrue(env.err().contains("--variant applies to the train suite"), env.err());
        assertFalse(env.out().contains("machine:"), "nothing ran");
    }

    /** The job of {@code deeprl4j train --algo ALGO --env CartPole-v1 --set ...}. */
    private static TrainJob trainJob(String algo, Map<String, Object> sets) {
        return new TrainJob(algo, "CartPole-v1", 0, 1L, Path.of("unused"), sets, Map.of(), 0, 1);
    }

    @Test
    void cleanRlVariantsResolveAsTheirTrainSetCommandLines() {
        // the command lines that reproduce CleanRL's defaults with `deeprl4j train`, parsed as --set parses them
        Map<String, Object> dqn = SetParser.parse(List.of("learning_rate=2.5e-4", "buffer_size=10000", "learning_starts=10000",
                "batch_size=128", "tau=1.0", "gamma=0.99", "train_freq=10", "gradient_steps=1", "target_update_interval=500",
                "exploration_fraction=0.5", "exploration_initial_eps=1", "exploration_final_eps=0.05", "max_grad_norm=0",
                "net_arch=[120,84]", "activation=relu", "loss=mse", "optimizer_eps=1e-8"));
        assertEquals(TrainRunner.resolveConfig(trainJob("dqn", dqn)),
                TrainVariant.DQN_CLEANRL.resolvedConfig());
        Map<String, Object> ppo = SetParser.parse(List.of("num_envs=4", "n_steps=128", "batch_size=128", "n_epochs=4",
                "learning_rate=2.5e-4", "lr_schedule=linear", "gamma=0.99", "gae_lambda=0.95", "ent_coef=0.01",
                "clip_range_schedule=constant", "clip_range_vf=0.2", "vf_coef=0.25"));
        assertEquals(TrainRunner.resolveConfig(trainJob("ppo", ppo)),
                TrainVariant.PPO_CLEANRL.resolvedConfig());
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
