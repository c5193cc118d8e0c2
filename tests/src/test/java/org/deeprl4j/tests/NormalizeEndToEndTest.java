package org.deeprl4j.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.agents.TrainingListener;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.vector.NormalizationStats;
import org.deeprl4j.experiments.RunControl;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.nn.LoadedModels;
import org.deeprl4j.nn.ModelFile;
import org.deeprl4j.tests.CliEndToEndTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code normalize} end to end: raw returns in the run files, statistics in every model file,
 * {@code evaluate} playing a normalized model exactly as the run's final evaluation did, the
 * run's config.yaml repeating it, a clear error for mismatched statistics, and resume staying
 * bit for bit identical with the normalizer's state in the checkpoint.
 */
class NormalizeEndToEndTest {
    @TempDir
    Path dir;

    static final long SEED = 1;

    @Test
    void evaluateReproducesTheFinalEvaluationOfANormalizedRun() throws Exception {
        Path run = dir.resolve("run");
        Result train = CliEndToEndTest.cli("train", "--algo", "ppo", "--env", "CartPole-v1", "--seed", String.valueOf(SEED),
                "--steps", "12000", "--set", "normalize=true", "--eval-freq", "4000", "--eval-episodes", "5", "--out", run.toString());
        assertEquals(0, train.code(), train.err());

        // monitor.csv holds the env's raw rewards: CartPole pays 1 per step, so every return equals its length
        List<String> rows = ResumeTest.monitorRows(run.resolve("monitor.csv"));
        assertEquals("r,l", rows.get(0));
        assertTrue(rows.size() > 20, "episodes: " + rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] rl = row.split(",");
            assertEquals(Double.parseDouble(rl[1]), Double.parseDouble(rl[0]), 0, row);
        }
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("normalize:\n    norm_obs: true\n    norm_reward: true\n"),
                Files.readString(run.resolve("config.yaml")));

        LoadedModels fin = ModelFile.loadAll(run.resolve("final_model.zip"));
        NormalizationStats stats = Algorithm.normalization(fin).orElseThrow();
        assertEquals(12000 + 8 + 1e-4, stats.obs().count(), 1e-6, "updated at the reset and every vector step of 8 envs");
        NormalizationStats best = Algorithm.normalization(ModelFile.loadAll(run.resolve("best_model.zip"))).orElseThrow();
        assertTrue(List.of(4000 + 8 + 1e-4, 8000 + 8 + 1e-4, 12000 + 8 + 1e-4).stream().anyMatch(c -> Math.abs(c - best.obs().count()) < 1e-6),
                "the best model carries the statistics of its evaluation's step: " + best.obs().count());

        double finalMean = ((Number) ((Map<?, ?>) fin.metadata().get("final_evaluation")).get("mean")).doubleValue();
        long evalSeed = SEED + TrainOptions.EVAL_SEED_OFFSET + 1;
        Result eval = CliEndToEndTest.cli("evaluate", run.resolve("final_model.zip").toString(), "--episodes", "5",
                "--seed", String.valueOf(evalSeed), "--json");
        assertEquals(0, eval.code(), eval.err());
        double mean = Double.parseDouble(eval.out().replaceAll("(?s).*\"mean_return\":([-0-9.E]+).*", "$1"));
        assertEquals(finalMean, mean, 0, "evaluate plays the saved model as the run's final evaluation did");
        assertTrue(mean > 100, "a trained policy: " + eval.out());
        try (Env<?, ?> env = TrainingEnvs.make("CartPole-v1", Map.of())) {
            EvalResult raw = Evaluator.evaluate(Algorithms.get("ppo").loadNetworkPolicy(fin), env, 5, evalSeed);
            assertNotEquals(finalMean, raw.mean(), "without its statistics the same networks play differently");
        }
    }

    @Test
    void statisticsThatDoNotFitTheModelAreAClearError() throws Exception {
        TrainOutcome out = TrainRunner.run(new TrainJob("ppo", "CartPole-v1", 0, 256L, dir.resolve("r"),
                Map.of("normalize", true, "num_envs", 2, "n_steps", 64, "batch_size", 64), Map.of(), 0, 2), System.out);
        LoadedModels loaded = ModelFile.loadAll(out.model());
        Map<String, Object> meta = new LinkedHashMap<>(loaded.metadata());
        Map<String, Object> stats = new LinkedHashMap<>(Algorithm.normalization(loaded).orElseThrow().toMap());
        stats.put("obs_rms", Map.of("mean", List.of(0.0, 0.0), "var", List.of(1.0, 1.0), "count", 5.0));
        meta.put(Algorithm.NORMALIZATION, stats);
        Path bad = dir.resolve("bad.zip");
        ModelFile.save(bad, loaded.networks(), meta);
        Result eval = CliEndToEndTest.cli("evaluate", bad.toString(), "--episodes", "1");
        assertEquals(2, eval.code(), eval.err());
        assertTrue(eval.err().contains("model file " + bad) && eval.err().contains("'obs_rms' has 2 elements but the observations have 4"),
                eval.err());
    }

    @Test
    void stoppedAndResumedNormalizedRunEqualsUninterruptedRun() throws Exception {
        Map<String, Object> normalize = Map.of("normalize", Map.of("norm_obs", true, "norm_reward", true, "clip_obs", 5.0));
        TrainOutcome whole = TrainRunner.run(job(dir.resolve("whole"), normalize), System.out);
        Path parts = dir.resolve("parts");
        RunControl control = new RunControl();
        TrainingListener stopAtHalf = new TrainingListener() {
            @Override
            public void onStep(long step, Map<String, Double> metrics) {
                if (step >= 1000) {
                    control.requestStop();
                }
            }
        };
        assertTrue(TrainRunner.run(job(parts, normalize), System.out, List.of(stopAtHalf), control).result().interrupted());
        TrainOutcome rest = TrainRunner.resume(parts, System.out, List.of(), new RunControl());
        assertEquals(Files.readString(dir.resolve("whole/episodes.csv")), Files.readString(parts.resolve("episodes.csv")));
        assertEquals(ResumeTest.monitorRows(dir.resolve("whole/monitor.csv")), ResumeTest.monitorRows(parts.resolve("monitor.csv")));
        assertEquals(Files.readString(dir.resolve("whole/evaluations.csv")), Files.readString(parts.resolve("evaluations.csv")));
        LoadedModels a = ModelFile.loadAll(whole.model());
        LoadedModels b = ModelFile.loadAll(rest.model());
        assertArrayEquals(a.network("policy").params().toFloatVector(), b.network("policy").params().toFloatVector(), 0f);
        assertEquals(Algorithm.normalization(a).orElseThrow(), Algorithm.normalization(b).orElseThrow());
        assertEquals(5.0, Algorithm.normalization(b).orElseThrow().settings().clipObs());
        assertEquals(whole.finalEvaluation().mean(), rest.finalEvaluation().mean());

        // the run's config.yaml repeats it (normalized observations change the very first actions)
        Path again = dir.resolve("again");
        Result repeat = CliEndToEndTest.cli("train", "--config", dir.resolve("whole/config.yaml").toString(), "--eval-freq", "500",
                "--eval-episodes", "3", "--out", again.toString());
        assertEquals(0, repeat.code(), repeat.err());
        assertEquals(Files.readString(dir.resolve("whole/episodes.csv")), Files.readString(again.resolve("episodes.csv")));
        assertEquals(Algorithm.normalization(a).orElseThrow(),
                Algorithm.normalization(ModelFile.loadAll(again.resolve("final_model.zip"))).orElseThrow());
    }

    private static TrainJob job(Path out, Map<String, Object> overrides) {
        return new TrainJob("ppo", "CartPole-v1", 3, 2000L, out, overrides, Map.of(), 500, 3, Double.NaN, 0);
    }
}
