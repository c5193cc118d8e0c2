package org.deeprl4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deeprl4j.env.Envs;
import org.deeprl4j.experiments.RunConfigFile;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;
import org.deeprl4j.experiments.report.ReportFiles;
import org.deeprl4j.experiments.sweep.Grid;
import org.deeprl4j.experiments.sweep.ProcessTrialExecutor;
import org.deeprl4j.experiments.sweep.SeedList;
import org.deeprl4j.experiments.sweep.Shard;
import org.deeprl4j.experiments.sweep.SweepManifest;
import org.deeprl4j.experiments.sweep.SweepPlan;
import org.deeprl4j.experiments.sweep.SweepRunner;
import org.deeprl4j.experiments.sweep.SweepSummary;
import org.deeprl4j.experiments.sweep.Trial;
import org.deeprl4j.experiments.sweep.TrialStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j sweep}: trains every seed times every grid point of a config, one JVM per trial,
 * then summarizes per grid point (mean ± std over seeds).
 */
@Command(name = "sweep",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Train a config over seeds and a hyperparameter grid, one JVM per trial, and summarize.",
        footer = {"", "Trials = seeds x grid points (the cartesian product of the --grid keys). Each trial runs",
            "'deeprl4j train --config FILE --seed S --set KEY=VALUE... --out DIR/<trial>' in a JVM of its own",
            "(a crash ends one trial, not the sweep) with OMP_NUM_THREADS = max(1, cores / workers); its output",
            "goes to DIR/<trial>/train.log. A trial whose folder already holds a finished run is skipped and one",
            "stopped after a checkpoint continues with 'train --resume', so re-running a sweep resumes it. The config",
            "and every grid point are checked before any trial starts. --shard I/N runs the trials whose index mod N is I (e.g.",
            "--shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, or $JOB_COMPLETION_INDEX of a Kubernetes",
            "indexed job), so machines sharing DIR split a sweep. Afterwards DIR/summary.csv has per grid point",
            "the mean and std over seeds of the final and best evaluation return; DIR/plots/<point>.png/.svg",
            "plot the mean +- std learning curve, DIR/summary.png/.svg compares the points. DIR/sweep.json",
            "(sweep.shard-I-of-N.json per shard) lists the trials and their status. Exit code 1 when a trial",
            "failed (the others still run).",
            "", "Examples:", "  deeprl4j sweep --config runs/CartPole-v1__dqn__0__20250101-120000/config.yaml --seeds 0-4",
            "  deeprl4j sweep --config dqn.yml --seeds 0-2 --grid learning_rate=1e-3,1e-4 --grid net_arch=[64,64],[256,256] --workers 2"})
public final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--config", paramLabel = "FILE", required = true,
            description = "Config to train: a run's config.yaml or an rl-baselines3-zoo-style algorithm file.")
    Path config;

    @Option(names = "--algo", paramLabel = "NAME",
            description = "Algorithm, passed to train (needed for a file keyed by env id unless its name says, e.g. ppo.yml).")
    String algo;

    @Option(names = "--env", paramLabel = "ID", description = "Environment id, passed to train (default: the config's).")
    String envId;

    @Option(names = "--seeds", paramLabel = "LIST", defaultValue = "0",
            description = "Seeds: a range 0-4, a list 1,3,5, or both (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...",
            description = "Values to try for a hyperparameter (as --set; commas inside [..] stay in the value); repeatable.")
    List<String> grid = new ArrayList<>();

    @Option(names = "--workers", paramLabel = "K", defaultValue = "1",
            description = "Trials at once (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only the trials whose index mod N is I (0 <= I < N).")
    String shard;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Sweep folder (default: sweeps/<config file name>; a run's config.yaml: sweeps/<run folder name>).")
    Path out;

    @Option(names = "--steps", paramLabel = "N", description = "Env steps per trial (default: the config's).")
    Long steps;

    @Option(names = "--dry-run", description = "Print the trials of this shard and their train arguments, run nothing.")
    boolean dryRun;

    @Override
    public Integer call() throws InterruptedException, IOException {
        if (steps != null && steps <= 0) {
            throw new ParameterException(spec.commandLine(), "--steps must be positive, got " + steps);
        }
        if (workers < 1) {
            throw new ParameterException(spec.commandLine(), "--workers must be at least 1, got " + workers);
        }
        if (!Files.isRegularFile(config)) {
            throw new IllegalArgumentException("--config: no such file: " + config);
        }
        Grid g = Grid.parse(grid);
        SweepPlan plan = SweepPlan.of(SeedList.parse(seeds), g);
        Shard sh = shard == null ? Shard.ALL : Shard.parse(shard);
        Path dir = out != null ? out : defaultDir(config);
        checkConfig(g);
        ProcessTrialExecutor executor = new ProcessTrialExecutor(config, trainOptions(), steps, workers, ProcessTrialExecutor.MAIN);
        PrintWriter o = spec.commandLine().getOut();
        List<Trial> mine = plan.shard(sh);
        o.printf(Locale.ROOT, "sweep: %d trials (%d grid points x %d seeds)%s, %d worker(s), OMP_NUM_THREADS=%d, into %s%n",
                plan.trials().size(), g.size(), plan.seeds().size(),
                sh.count() == 1 ? "" : ", shard " + sh + ": " + mine.size() + " trials", workers, executor.threadsPerTrial(), dir);
        if (dryRun) {
            for (Trial t : mine) {
                o.println(t.name() + ": " + String.join(" ", executor.trainArguments(t, t.dir(dir))));
            }
            o.flush();
            return Main.OK;
        }
        o.flush();
        Files.createDirectories(dir);
        SweepManifest manifest = new SweepManifest(dir, definition(g, plan), sh);
        List<SweepManifest.TrialState> states = new SweepRunner(dir, plan, sh, workers, executor, manifest, o).run();
        List<SweepSummary.PointResult> results = SweepSummary.write(dir, plan);
        o.println();
        o.print(ReportFiles.markdown(SweepSummary.header(plan), SweepSummary.rows(plan, results, false)));
        o.printf(Locale.ROOT, "%nsummary: %s; plots: %s; manifest: %s%n", dir.resolve(SweepSummary.CSV),
                dir.resolve(SweepSummary.PLOTS), manifest.file());
        o.flush();
        return reportFailures(states, dir);
    }

    private List<String> trainOptions() {
        List<String> options = new ArrayList<>();
        if (algo != null) {
            options.addAll(List.of("--algo", algo));
        }
        if (envId != null) {
            options.addAll(List.of("--env", envId));
        }
        return options;
    }

    /** Names each failed trial with its exit code and log on stderr; exit code 1 when any failed. */
    private int reportFailures(List<SweepManifest.TrialState> states, Path dir) {
        List<SweepManifest.TrialState> failed = states.stream().filter(s -> s.status() == TrialStatus.FAILED).toList();
        if (failed.isEmpty()) {
            return Main.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (SweepManifest.TrialState s : failed) {
            err.println(Main.ERROR_PREFIX + "trial " + s.trial().name() + " failed ("
                    + (s.exitCode() == null ? "did not run" : "exit code " + s.exitCode()) + "); log: " + s.trial().log(dir));
        }
        err.println(Main.ERROR_PREFIX + failed.size() + " of " + states.stream().filter(s -> s.status() != TrialStatus.OTHER_SHARD)
                .count() + " trials failed");
        err.flush();
        return Main.FAILURE;
    }

    private Map<String, Object> definition(Grid g, SweepPlan plan) {
        Map<String, Object> def = new LinkedHashMap<>();
        def.put("config", config.toAbsolutePath().toString());
        def.put("algo", algo);
        def.put("env", envId);
        def.put("seeds", plan.seeds());
        def.put("grid", g.axes());
        def.put("steps", steps);
        def.put("workers", workers);
        def.put("trial_count", plan.trials().size());
        return def;
    }

    /**
     * Checks, as {@code train} would before training, that the config file is valid and that every
     * grid point gives valid hyperparameters, so a bad sweep stops before any trial starts.
     */
    private void checkConfig(Grid g) {
        RunConfigFile file = RunConfigFile.read(config, algo, envId);
        String env = envId != null ? envId : file.envId() != null ? file.envId() : TrainCommand.DEFAULT_ENV;
        Envs.validate(env);
        for (Map<String, String> point : g.points()) {
            List<String> sets = new ArrayList<>();
            point.forEach((k, v) -> sets.add(k + "=" + v));
            Map<String, Object> overrides = new LinkedHashMap<>(file.hyperparameters());
            overrides.putAll(SetParser.parse(sets));
            try {
                TrainRunner.resolveConfig(new TrainJob(file.algo(), env, 0, steps, Path.of("."), overrides, file.envKwargs(), 1, 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(point.isEmpty() ? e.getMessage() : "--grid point " + point + ": " + e.getMessage(), e);
            }
        }
    }

    /** {@code sweeps/<file name without extension>}, or {@code sweeps/<run folder>} for a run's config.yaml. */
    static Path defaultDir(Path configFile) {
        Path abs = configFile.toAbsolutePath().normalize();
        String name = abs.getFileName().toString();
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (stem.equals("config") && abs.getParent() != null && abs.getParent().getFileName() != null) {
            stem = abs.getParent().getFileName().toString();
        }
        return Path.of("sweeps", stem.replaceAll("[^A-Za-z0-9._=,+-]", "_"));
    }
}
