package org.deeprl4j.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Env;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.experiments.bench.TimeToThreshold;
import org.deeprl4j.nn.ModelFile;

/**
 * The slower learning benchmark (not a unit test): trains an algorithm with the embedded hyperparameters on
 * several seeds and prints, per run, throughput (env steps/s), the wall time until the 20-episode
 * moving average of training returns reaches the threshold, and the greedy return over 20
 * episodes of the best and final models. A run stops early once a periodic greedy evaluation (every
 * twentieth of the budget, 20 episodes) reaches the threshold. Usage (see README "Benchmarks"):
 * {@code LearningBenchmark ALGO ENV_ID STEPS THRESHOLD SEED... [--set k=v ...]}. The time to the threshold
 * comes from {@link TimeToThreshold}, shared with {@code deeprl4j bench --suite train}, which also
 * reports PPO and the peers' figures.
 */
public final class LearningBenchmark {
    private LearningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String algo = args[0];
        String env = args[1];
        long steps = Long.parseLong(args[2]);
        double threshold = Double.parseDouble(args[3]);
        List<Long> seeds = new ArrayList<>();
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        for (int i = 4; i < args.length; i++) {
            if (args[i].equals("--set")) {
                String[] kv = args[++i].split("=", 2);
                overrides.put(kv[0], new org.yaml.snakeyaml.Yaml().load(kv[1]));
            } else {
                seeds.add(Long.parseLong(args[i]));
            }
        }
        PrintStream out = System.out;
        Path root = Files.createTempDirectory(algo + "-bench");
        int solved = 0;
        for (long seed : seeds) {
            TimeToThreshold ttt = new TimeToThreshold(threshold, TimeToThreshold.DEFAULT_WINDOW, false);
            TrainOutcome o = TrainRunner.run(new TrainJob(algo, env, seed, steps, root.resolve("s" + seed), overrides,
                    Map.of(), Math.max(1, steps / 20), 20, threshold, 0), new PrintStream(PrintStream.nullOutputStream()), List.of(ttt));
            EvalResult best = o.bestModel() == null ? o.finalEvaluation() : evaluate(algo, o.bestModel(), env);
            boolean ok = Math.max(best.mean(), o.finalEvaluation().mean()) >= threshold;
            solved += ok ? 1 : 0;
            String row = String.format(Locale.ROOT, algo + " %s seed %d: %d steps in %.1f s = %.0f steps/s; moving avg >= %.0f after %s; "
                            + "greedy best %.1f, final %.1f -> %s", env, seed, o.result().steps(), o.result().seconds(),
                    o.result().stepsPerSecond(), threshold, !ttt.reached() ? "never"
                            : String.format(Locale.ROOT, "%.1f s (step %d)", ttt.seconds(), ttt.step()),
                    best.mean(), o.finalEvaluation().mean(), ok ? "solved" : "not solved");
            out.println(row);
        }
        out.printf(Locale.ROOT, "%s %s: %d of %d seeds solved%n", algo, env, solved, seeds.size());
    }

    private static EvalResult evaluate(String algo, Path model, String env) throws Exception {
        try (Env<?, ?> e = TrainingEnvs.make(env, Map.of())) {
            return Evaluator.evaluate(Algorithms.get(algo).loadPolicy(ModelFile.loadAll(model)), e, 20, 77);
        }
    }
}
