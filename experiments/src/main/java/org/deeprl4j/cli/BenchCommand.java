package org.deeprl4j.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.deeprl4j.experiments.bench.BenchReport;
import org.deeprl4j.experiments.bench.BenchResult;
import org.deeprl4j.experiments.bench.Comparison;
import org.deeprl4j.experiments.bench.ComparisonSettings;
import org.deeprl4j.experiments.bench.Comparisons;
import org.deeprl4j.experiments.bench.EnvSuite;
import org.deeprl4j.experiments.bench.InferenceSuite;
import org.deeprl4j.experiments.bench.MachineInfo;
import org.deeprl4j.experiments.bench.Micro;
import org.deeprl4j.experiments.bench.Suite;
import org.deeprl4j.experiments.bench.TrainSuite;
import org.deeprl4j.experiments.bench.TrainVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code deeprl4j bench}: measures this machine in one process (env steps/s, action-selection
 * latency, training speed and time to solve CartPole-v1) and prints a table of medians and spreads
 * beside reference figures of Gymnasium, Stable-Baselines3 and CleanRL, optionally as JSON and
 * with a side-by-side {@link Comparison} found on the classpath ({@code --vs rl4j}).
 */
@Command(name = "bench",
        sortOptions = false,
        optionListHeading = "%nOptions:%n",
        description = "Benchmark env steps/s, inference latency and training speed against reference figures.",
        footer = {"", "Suites: env (CartPole steps/s: raw, registry, 8-env sync and threaded vector envs),",
            "inference (greedy DQN/PPO Policy.act latency at batch 1 and 64 vs the raw DL4J call),",
            "train (CartPole-v1 steps/s and time to a 475 average, each variant beside the peer with its settings:",
            "dqn and ppo with the zoo hyperparameters vs SB3, dqn-cleanrl and ppo-cleanrl with CleanRL's defaults vs CleanRL).",
            "Each figure: median and spread (min .. max) over repetitions. Run with OMP_NUM_THREADS=1 and",
            "-Dorg.bytedeco.javacpp.maxPhysicalBytes=0 (the launcher sets both).",
            "", "Examples:", "  deeprl4j bench --quick", "  deeprl4j bench --suite env,inference --json bench.json",
            "  deeprl4j bench --variant ppo,ppo-cleanrl --reps 5", "  deeprl4j bench --vs rl4j --steps 20000 --reps 2"})
public final class BenchCommand implements Callable<Integer> {
    /** Env steps of each {@code --vs} run without {@code --steps}: the DQN preset's CartPole-v1 budget. */
    static final long COMPARISON_STEPS = 50_000;
    /** Env steps of each {@code --vs} run with {@code --quick}. */
    static final long QUICK_COMPARISON_STEPS = 2_000;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--suite", paramLabel = "NAME", split = ",",
            description = "Suites to run: env, inference, train or all; repeatable or comma-separated "
                    + "(default: all, or none when --vs is given).")
    List<String> suites = new ArrayList<>();

    @Option(names = "--variant", paramLabel = "NAME", split = ",",
            description = "Train-suite variants to run: dqn, ppo, dqn-cleanrl, ppo-cleanrl or all; repeatable or "
                    + "comma-separated (default: all). Without --suite it selects the train suite only.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
    Path json;

    @Option(names = "--vs", paramLabel = "NAME",
            description = "Add a side-by-side comparison with another library found on the classpath (e.g. rl4j).")
    String vs;

    @Option(names = "--reps", paramLabel = "N",
            description = "Repetitions of every figure (default: 5 for env and inference, 3 for train and --vs).")
    Integer reps;

    @Option(names = "--quick", description = "Short measurements and small training budgets (about a minute in all).")
    boolean quick;

    @Option(names = "--steps", paramLabel = "N",
            description = "Step budget of each train and --vs run (default: the zoo preset's n_timesteps for dqn and ppo, "
                    + "CleanRL's 500000 for the -cleanrl variants, " + COMPARISON_STEPS + " for --vs; smaller with --quick).")
    Long steps;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the first repetition; repetition r uses S + r (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (reps != null && reps <= 0) {
            throw usage("--reps must be positive, got " + reps);
        }
        if (steps != null && steps <= 0) {
            throw usage("--steps must be positive, got " + steps);
        }
        Set<Suite> selected = selectedSuites();
        List<String> trainVariants = trainVariants(selected);
        Comparison comparison = vs == null ? null : comparison();
        if (json != null) {
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw usage("--json " + json + ": folder " + parent + " does not exist");
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        PrintStream log = new PrintStream(new WriterOutputStream(o), true, StandardCharsets.UTF_8);
        long start = System.nanoTime();
        MachineInfo machine = MachineInfo.collect();
        List<BenchResult> results = new ArrayList<>();
        int microReps = reps != null ? reps : Micro.Settings.DEFAULT_REPETITIONS;
        Micro.Settings micro = quick ? Micro.Settings.quick(microReps) : Micro.Settings.full(microReps);
        int trainReps = reps != null ? reps : TrainSuite.Settings.DEFAULT_REPETITIONS;
        if (selected.contains(Suite.ENV)) {
            results.addAll(EnvSuite.run(micro, log));
        }
        if (selected.contains(Suite.INFERENCE)) {
            results.addAll(InferenceSuite.run(micro, seed, log));
        }
        if (selected.contains(Suite.TRAIN)) {
            results.addAll(TrainSuite.run(new TrainSuite.Settings(trainVariants, trainReps, seed, steps, quick), log));
        }
        if (comparison != null) {
            long n = steps != null ? steps : quick ? QUICK_COMPARISON_STEPS : COMPARISON_STEPS;
            results.addAll(comparison.run(new ComparisonSettings(n, seed, trainReps), log));
        }
        log.flush();
        BenchReport report = new BenchReport(machine, settings(selected, trainVariants, microReps, trainReps), results,
                (System.nanoTime() - start) / 1e9);
        o.println();
        o.print(report.toText());
        if (json != null) {
            report.writeJson(json);
            o.println("wrote " + json);
        }
        o.flush();
        return Main.OK;
    }

    private Set<Suite> selectedSuites() {
        Set<Suite> selected = EnumSet.noneOf(Suite.class);
        for (String s : suites) {
            try {
                selected.addAll(Suite.parse(s));
            } catch (IllegalArgumentException e) {
                throw usage("--suite: " + e.getMessage());
            }
        }
        if (suites.isEmpty() && !variants.isEmpty()) {
            selected.add(Suite.TRAIN);
        } else if (suites.isEmpty() && vs == null) {
            selected.addAll(EnumSet.allOf(Suite.class));
        }
        return selected;
    }

    /** The {@code --variant} names, checked, in table order ({@code all} or none given: every variant). */
    private List<String> trainVariants(Set<Suite> selected) {
        if (!variants.isEmpty() && !selected.contains(Suite.TRAIN)) {
            throw usage("--variant applies to the train suite, which --suite does not select");
        }
        Set<String> chosen = new HashSet<>();
        for (String v : variants) {
            String name = v.strip().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                chosen.addAll(TrainVariant.names());
                continue;
            }
            try {
                chosen.add(TrainVariant.named(name).name());
            } catch (IllegalArgumentException e) {
                throw usage("--variant: " + e.getMessage() + ", all");
            }
        }
        return TrainVariant.names().stream().filter(n -> chosen.isEmpty() || chosen.contains(n)).toList();
    }

    private Comparison comparison() {
        try {
            return Comparisons.find(vs, Comparisons.available());
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (java.util.ServiceConfigurationError e) {
            throw new IllegalStateException("cannot load the benchmark comparisons: " + e.getMessage(), e);
        }
    }

    private Map<String, Object> settings(Set<Suite> selected, List<String> trainVariants, int microReps, int trainReps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suites", selected.stream().map(Suite::id).toList());
        m.put("train_variants", selected.contains(Suite.TRAIN) ? trainVariants : List.of());
        m.put("vs", vs);
        m.put("quick", quick);
        m.put("micro_repetitions", microReps);
        m.put("train_repetitions", trainReps);
        m.put("steps", steps);
        m.put("seed", seed);
        return m;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
