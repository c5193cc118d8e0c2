package org.deeprl4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.deeprl4j.experiments.Checkpoint;
import org.deeprl4j.experiments.RunConfigFile;
import org.deeprl4j.experiments.RunControl;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.TrainingDivergedException;
import org.deeprl4j.env.Envs;
import org.deeprl4j.experiments.Presets;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainOutcome;
import org.deeprl4j.experiments.TrainRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j train}: trains an agent with the embedded hyperparameters for the env (or a
 * config file; both overridable with {@code --set}), writes the run folder, checkpoints every
 * {@code --checkpoint-freq} steps and on SIGINT/SIGTERM, and continues a run with {@code --resume}.
 */
@Command(name = "train",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Train an agent on an environment (default: PPO on CartPole-v1 with embedded hyperparameters).",
        footer = {"", "Writes into the output folder: final_model.zip, best_model.zip (best periodic evaluation),",
            "config.yaml (resolved config: train --config DIR/config.yaml repeats the run), monitor.csv (SB3 format),",
            "episodes.csv, progress.csv, evaluations.csv, TensorBoard events, learning curves, report.html and",
            "checkpoint.zip (every --checkpoint-freq steps and on Ctrl-C/SIGTERM; continue with --resume DIR).",
            "Play a model with 'deeprl4j evaluate DIR/final_model.zip'.",
            "", "Examples:", "  deeprl4j train", "  deeprl4j train --algo dqn --env CartPole-v1 --seed 1 --steps 50000",
            "  deeprl4j train --algo dqn --env Acrobot-v1 --set double_dqn=true --set net_arch=[128,128]",
            "  deeprl4j train --config runs/CartPole-v1__ppo__0__20261125-120000/config.yaml --seed 1",
            "  deeprl4j train --resume runs/CartPole-v1__ppo__0__20261125-120000"})
public final class TrainCommand implements Callable<Integer> {
    /** Algorithm when neither --algo nor a config file says. */
    public static final String DEFAULT_ALGO = "ppo";
    /** Env when neither --env nor a config file says. */
    public static final String DEFAULT_ENV = "CartPole-v1";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--algo", paramLabel = "NAME",
            description = "Algorithm: ${COMPLETION-CANDIDATES} (default: the config file's, else " + DEFAULT_ALGO + ").",
            completionCandidates = AlgoNames.class)
    String algo;

    @Option(names = "--env", paramLabel = "ID",
            description = "Environment id (default: the config file's, else " + DEFAULT_ENV + "; see 'deeprl4j envs').")
    String envId;

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML config: a run's config.yaml, or a file keyed by env id like the embedded presets. "
                    + "Command-line options override it.")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Continue the run in RUN_DIR from its checkpoint.zip (same config, seed and folder).")
    Path resume;

    @Option(names = "--seed", paramLabel = "S", description = "Root seed (default: the config file's, else 0).")
    Long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Env steps to train (default: the config's n_timesteps).")
    Long steps;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: runs/<env>__<algo>__<seed>__<time>).")
    Path out;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a hyperparameter (snake_case key, e.g. learning_rate=1e-3, learning_rate=lin_1e-3, "
                    + "net_arch=[64,64]); repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--kwargs", paramLabel = "K=V[,K=V...]", split = ",",
            description = "Environment keyword arguments.")
    List<String> kwargs = new ArrayList<>();

    @Option(names = "--eval-freq", paramLabel = "N",
            description = "Evaluate the greedy policy every N env steps (default: a tenth of the run; 0 = only at the end).")
    Long evalFreq;

    @Option(names = "--eval-episodes", paramLabel = "N", defaultValue = "20",
            description = "Episodes per evaluation (default: ${DEFAULT-VALUE}).")
    int evalEpisodes;

    @Option(names = "--checkpoint-freq", paramLabel = "N",
            description = "Write checkpoint.zip every N env steps (default: a tenth of the run; 0 = only on Ctrl-C/SIGTERM).")
    Long checkpointFreq;

    @Option(names = "--stop-at-reward", paramLabel = "R",
            description = "Stop once a periodic evaluation's mean return reaches R.")
    Double stopAtReward;

    @Option(names = "--early-stop",
            description = "Stop once a periodic evaluation reaches the env's reward threshold (e.g. 475 for CartPole-v1).")
    boolean earlyStop;

    @Override
    public Integer call() {
        if (resume != null) {
            return resumeRun();
        }
        TrainJob job = job();
        TrainRunner.resolveConfig(job); // bad hyperparameters stop here, before any output
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "training %s on %s (seed %d) into %s%n", job.algo(), job.envId(), job.seed(), job.outDir());
        o.flush();
        return execute(log -> (control -> TrainRunner.run(job, log, List.of(), control)), job.outDir());
    }

    private Integer resumeRun() {
        if (config != null || algo != null || envId != null || seed != null || steps != null || out != null || !sets.isEmpty()
                || !kwargs.isEmpty() || evalFreq != null || checkpointFreq != null || stopAtReward != null || earlyStop) {
            throw new ParameterException(spec.commandLine(), "--resume continues a run with its own settings: "
                    + "it takes no other training options");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "resuming the run in %s%n", resume);
        o.flush();
        return execute(log -> (control -> TrainRunner.resume(resume, log, List.of(), control)), resume);
    }

    private TrainJob job() {
        requireAtLeast("--steps", steps, 1);
        requireAtLeast("--eval-freq", evalFreq, 0);
        requireAtLeast("--checkpoint-freq", checkpointFreq, 0);
        if (evalEpisodes <= 0) {
            throw new ParameterException(spec.commandLine(), "--eval-episodes must be positive, got " + evalEpisodes);
        }
        RunConfigFile file = config == null ? null : RunConfigFile.read(config, algo, envId);
        String algoName = Algorithms.get(algo != null ? algo : file != null ? file.algo() : DEFAULT_ALGO).name();
        String env = envId != null ? envId : file != null && file.envId() != null ? file.envId() : DEFAULT_ENV;
        Envs.validate(env);
        long rootSeed = seed != null ? seed : file != null && file.seed() != null ? file.seed() : 0;
        Long n = steps != null ? steps : file != null ? file.steps() : null;
        Map<String, Object> overrides = new LinkedHashMap<>(file != null ? file.hyperparameters() : Map.of());
        overrides.putAll(SetParser.parse(sets));
        Map<String, Object> kw = new LinkedHashMap<>(file != null ? file.envKwargs() : Map.of());
        kw.putAll(KwargsParser.parse(kwargs));
        Path dir = out != null ? out : Path.of("runs", env.replaceAll("[^A-Za-z0-9._-]", "_") + "__" + algoName + "__" + rootSeed
                + "__" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        long total = n != null ? n : Presets.of(algoName, env).nTimesteps();
        return new TrainJob(algoName, env, rootSeed, n, dir, overrides, kw, evalFreq != null ? evalFreq : Math.max(1, total / 10),
                evalEpisodes, stopReward(env), checkpointFreq != null ? checkpointFreq : Math.max(1, total / 10));
    }

    private double stopReward(String env) {
        if (earlyStop && stopAtReward != null) {
            throw new ParameterException(spec.commandLine(), "give --early-stop or --stop-at-reward, not both");
        }
        if (stopAtReward != null) {
            if (!Double.isFinite(stopAtReward)) {
                throw new ParameterException(spec.commandLine(), "--stop-at-reward must be a finite number, got " + stopAtReward);
            }
            return stopAtReward;
        }
        if (!earlyStop) {
            return Double.NaN;
        }
        Double threshold = Envs.spec(env).rewardThreshold();
        if (threshold == null) {
            throw new ParameterException(spec.commandLine(), "--early-stop: " + env
                    + " has no reward threshold; give one with --stop-at-reward R");
        }
        return threshold;
    }

    private void requireAtLeast(String option, Long value, long min) {
        if (value != null && value < min) {
            throw new ParameterException(spec.commandLine(), option + " must be " + (min == 1 ? "positive" : ">= " + min)
                    + ", got " + value);
        }
    }

    /**
     * Runs training with a SIGINT/SIGTERM hook that makes the run write a checkpoint and return
     * before the JVM exits.
     */
    private Integer execute(Function<PrintStream, Function<RunControl, TrainOutcome>> run, Path dir) {
        PrintWriter o = spec.commandLine().getOut();
        PrintStream log = new PrintStream(new WriterOutputStream(o), true, StandardCharsets.UTF_8);
        RunControl control = new RunControl();
        CountDownLatch reported = new CountDownLatch(1); // the JVM exits when the hook returns: report first
        Thread hook = new Thread(() -> {
            control.requestStop();
            try {
                reported.await(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "deeprl4j-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainOutcome r = run.apply(log).apply(control);
            log.flush();
            if (r.result().interrupted() && !java.nio.file.Files.exists(dir.resolve(Checkpoint.FILE))) {
                o.printf(Locale.ROOT, "stopped at step %d; this algorithm writes no checkpoints, the run cannot be resumed%n",
                        r.result().steps());
            } else if (r.result().interrupted()) {
                o.printf(Locale.ROOT, "stopped at step %d; checkpoint saved to %s; continue with: deeprl4j train --resume %s%n",
                        r.result().steps(), dir.resolve(Checkpoint.FILE), dir);
            } else {
                o.printf(Locale.ROOT, "final evaluation: %s%n", r.finalEvaluation());
                o.printf(Locale.ROOT, "model saved to %s%s%n", r.model(), r.bestModel() == null ? "" : " (best: " + r.bestModel() + ")");
            }
            o.flush();
            return Main.OK;
        } catch (TrainingDivergedException e) {
            log.flush();
            spec.commandLine().getErr().println(Main.ERROR_PREFIX + e.getMessage());
            return Main.FAILURE;
        } finally {
            o.flush();
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns once this run has finished
            }
        }
    }

    /** Seconds a SIGINT/SIGTERM waits for the checkpoint before the JVM exits anyway. */
    static final long STOP_GRACE_SECONDS = 300;

    /** Names for the --algo help text. */
    static final class AlgoNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        AlgoNames() {
            super(Algorithms.names());
        }
    }
}
