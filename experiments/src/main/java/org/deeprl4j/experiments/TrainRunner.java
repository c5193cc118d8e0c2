package org.deeprl4j.experiments;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.ConfigBinder;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.agents.TrainingListener;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.vector.NormalizeSettings;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.nn.ModelFile;

/**
 * Runs a {@link TrainJob}: resolves the config (algorithm defaults, then the embedded preset for
 * the env, then the job's overrides; the {@code normalize} key, see {@link NormalizeOption}, is
 * taken out and selects a {@link org.deeprl4j.env.vector.VecNormalize}), trains with the shared
 * loop, and writes into the output folder {@code model.zip} (final), {@code best_model.zip} (best
 * periodic evaluation), {@code monitor.csv} (SB3 format) and {@code episodes.csv}. Models carry the
 * normalization statistics of the moment they are saved.
 */
public final class TrainRunner {
    public static final String MODEL = "final_model.zip";
    public static final String BEST_MODEL = "best_model.zip";

    private TrainRunner() {
    }

    /** Resolves the config a job would train with (validated, its {@code normalize} key too). */
    public static Record resolveConfig(TrainJob job) {
        return resolve(job).config();
    }

    /**
     * A job's resolved settings.
     *
     * @param config      the algorithm's config record
     * @param normalize   the normalization to train behind, or null for none
     * @param configValue the {@code normalize} value the run's config.yaml records
     */
    record Resolved(Record config, NormalizeSettings normalize, Object configValue) {
    }

    static Resolved resolve(TrainJob job) {
        Algorithm<?, ?> algo = Algorithms.get(job.algo());
        Map<String, Object> merged = new LinkedHashMap<>(Presets.of(algo.name(), job.envId()).hyperparameters());
        merged.putAll(job.overrides());
        Object normalize = merged.remove(NormalizeOption.KEY);
        Map<String, Object> given = normalize == null ? null : NormalizeOption.parse(normalize, k -> null);
        Record config = ConfigBinder.override(algo.defaultConfig(),
                LinearSchedules.expand(merged, algo.configType(), k -> "'" + k + "'"));
        double gamma = ConfigBinder.toMap(config).get("gamma") instanceof Number g ? g.doubleValue() : NormalizeSettings.DEFAULT_GAMMA;
        return new Resolved(config, given == null ? null : NormalizeOption.settings(given, gamma), NormalizeOption.configValue(given));
    }

    public static TrainOutcome run(TrainJob job, PrintStream log) {
        return run(job, log, List.of());
    }

    /** Runs with extra listeners (benchmarks, progress bars) next to the run folder's writers. */
    public static TrainOutcome run(TrainJob job, PrintStream log, List<TrainingListener> extra) {
        return run(job, log, extra, new RunControl());
    }

    /** Runs a new job; {@code control} can stop it with a checkpoint (then the outcome has no model). */
    public static TrainOutcome run(TrainJob job, PrintStream log, List<TrainingListener> extra, RunControl control) {
        try {
            return runTyped(Algorithms.get(job.algo()), job, null, log, extra, control);
        } finally {
            control.finish();
        }
    }

    /**
     * Continues the run in {@code runDir} from its {@code checkpoint.zip}: same config, seed and
     * output folder; the run's CSV files are rolled back to the checkpoint and continued.
     *
     * @throws IllegalArgumentException if the folder is not a run, has no checkpoint, or the
     *     checkpoint is corrupt or from another algorithm (nothing in the folder is changed then)
     */
    public static TrainOutcome resume(Path runDir, PrintStream log, List<TrainingListener> extra, RunControl control) {
        try {
            Resumed r = Resumed.load(runDir);
            return runTyped(Algorithms.get(r.job().algo()), r.job(), r.checkpoint(), log, extra, control);
        } finally {
            control.finish();
        }
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record, A extends Agent> TrainOutcome runTyped(Algorithm<C, A> algo, TrainJob job, Checkpoint from,
                                                                            PrintStream log, List<TrainingListener> extra,
                                                                            RunControl control) {
        Presets.Preset preset = Presets.of(algo.name(), job.envId());
        Resolved resolved = resolve(job);
        C config = (C) resolved.config();
        long steps = job.steps() != null ? job.steps() : preset.nTimesteps();
        createDir(job.outDir());
        if (!preset.tuned() && from == null) {
            log.println("deeprl4j: no tuned " + algo.name() + " hyperparameters for " + job.envId() + "; using defaults");
        }
        Rng root = new Rng(job.seed());
        try (VectorEnv env = from == null
                ? TrainingEnvs.vector(job.envId(), job.envKwargs(), algo.numEnvs(config), false, resolved.normalize())
                : Resumed.env(from, job.outDir());
             Env<?, ?> finalEvalEnv = TrainingEnvs.evalEnv(job.envId(), job.envKwargs(), env)) {
            if (from != null) {
                warnIfNormalizationDiffers(resolved.normalize(), env, log);
            }
            A agent = algo.createAgent(config, env.observationSpace(), env.actionSpace(), steps, root.split());
            if (from != null) {
                Resumed.restore(from, agent, job.outDir());
            }
            Map<String, Object> meta = metadata(algo, job, config, env, steps);
            Path best = job.outDir().resolve(BEST_MODEL);
            Map<String, Object> hyperparameters = ConfigBinder.toMap(config);
            hyperparameters.put(NormalizeOption.KEY, resolved.configValue());
            RunOutputs outputs = new RunOutputs(job, steps, hyperparameters, log,
                    from == null ? -1 : from.trainer().step());
            List<TrainingListener> listeners = new ArrayList<>(outputs.listeners());
            listeners.add(new BestModelSaver(() -> save(best, algo.networks(agent), withStatistics(meta, env)),
                    from == null ? Double.NaN : from.trainer().bestEval()));
            listeners.addAll(extra);
            Trainer trainer = new Trainer(agent, env, () -> TrainingEnvs.evalEnv(job.envId(), job.envKwargs(), env), listeners);
            control.attach(trainer);
            Checkpointer checkpointer = new Checkpointer(algo.name(), job, steps, agent, env);
            TrainResult result;
            try {
                result = trainer.run(new TrainOptions(steps, job.seed(), job.evalFrequency(), job.evalEpisodes(), job.stopAtReward()),
                        from == null ? null : from.trainer(), job.checkpointFrequency(),
                        agent instanceof org.deeprl4j.agents.Checkpointable ? checkpointer : null);
            } catch (TrainingDivergedException e) {
                outputs.fail(e.step());
                Path model = job.outDir().resolve(MODEL);
                save(model, algo.networks(agent), withStatistics(meta, env));
                throw new TrainingDivergedException(e.step(), e.what() + "; the last good model was saved to " + model);
            } catch (RuntimeException e) {
                outputs.fail(0);
                throw e;
            }
            if (result.interrupted()) {
                outputs.interrupt(result.steps());
                return new TrainOutcome(null, Files.exists(best) ? best : null, result, null);
            }
            EvalResult fin = Evaluator.evaluate(agent.greedyPolicy(), finalEvalEnv, job.evalEpisodes(),
                    job.seed() + TrainOptions.EVAL_SEED_OFFSET + 1);
            meta.put("final_evaluation", Map.of("mean", fin.mean(), "std", fin.std(), "episodes", job.evalEpisodes()));
            Path model = job.outDir().resolve(MODEL);
            save(model, algo.networks(agent), withStatistics(meta, env));
            outputs.finish(result, fin);
            return new TrainOutcome(model, Files.exists(best) ? best : null, result, fin);
        }
    }

    private static Map<String, Object> metadata(Algorithm<?, ?> algo, TrainJob job, Record config, VectorEnv env, long steps) {
        Map<String, Object> meta = algo.modelMetadata(job.envId(), env);
        meta.put("env_kwargs", job.envKwargs());
        meta.put("seed", job.seed());
        meta.put("total_steps", steps);
        meta.put("config", ConfigBinder.toMap(config));
        return meta;
    }

    /** {@code meta} with the training env's current normalization statistics (when it normalizes). */
    private static Map<String, Object> withStatistics(Map<String, Object> meta, VectorEnv env) {
        TrainingEnvs.normalizer(env).ifPresent(n -> meta.put(Algorithm.NORMALIZATION, n.statistics().toMap()));
        return meta;
    }

    /**
     * A resumed run continues with the env of its checkpoint, normalizer included; says so when the
     * config resolves otherwise (a config.yaml written before the {@code normalize} key existed
     * takes the preset's).
     */
    private static void warnIfNormalizationDiffers(NormalizeSettings normalize, VectorEnv env, PrintStream log) {
        NormalizeSettings saved = TrainingEnvs.normalizer(env).map(n -> n.settings()).orElse(null);
        if (!java.util.Objects.equals(normalize, saved)) {
            log.println("deeprl4j: the checkpoint's env normalizes with " + (saved == null ? "nothing" : saved)
                    + "; continuing with it (the config resolves to " + (normalize == null ? "none" : normalize) + ")");
        }
    }

    static void save(Path file, Map<String, org.deeprl4j.nn.Network> networks, Map<String, Object> meta) {
        try {
            ModelFile.save(file, networks, meta);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model " + file + ": " + e.getMessage(), e);
        }
    }

    private static void createDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create output folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
