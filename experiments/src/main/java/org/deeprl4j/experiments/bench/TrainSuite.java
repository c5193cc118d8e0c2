package org.deeprl4j.experiments.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprl4j.agents.Agent;
import org.deeprl4j.agents.Algorithm;
import org.deeprl4j.agents.Algorithms;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;

/**
 * The {@code train} suite: DQN and PPO on CartPole-v1, each in the {@link TrainVariant}s that match a
 * peer's settings (the embedded rl-baselines3-zoo hyperparameters, compared with Stable-Baselines3;
 * CleanRL's {@code dqn.py} and {@code ppo.py} defaults, compared with CleanRL), configured and seeded
 * as {@code deeprl4j train --set ...} would run them, but in memory and without evaluations or output
 * files. Each run trains for its whole step budget (as the peers' throughput figures cover their
 * whole runs) and reports env steps per second over it and the wall time until the 20-episode moving
 * average of training returns first reached 475 ({@link TimeToThreshold}), beside the figures of the peers measured with the same settings ({@link Reference}) and
 * our/peer ratios.
 */
public final class TrainSuite {
    /** Env trained on. */
    public static final String ENV_ID = "CartPole-v1";
    /** Moving average of training returns that counts as solved. */
    public static final double THRESHOLD = 475;

    private TrainSuite() {
    }

    /**
     * What to run.
     *
     * @param variants    names of the variants to train, from {@link TrainVariant#names()}
     * @param repetitions runs per variant (seeds {@code seed}, {@code seed + 1}, ...)
     * @param seed        seed of the first run
     * @param steps       step budget of every run; null = each variant's default budget (or its
     *                    quick budget when {@code quick})
     * @param quick       use the quick budgets
     */
    public record Settings(List<String> variants, int repetitions, long seed, Long steps, boolean quick) {
        /** Default runs per variant. */
        public static final int DEFAULT_REPETITIONS = 3;

        public Settings {
            variants = List.copyOf(variants);
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("no train benchmark variant given; available: "
                        + String.join(", ", TrainVariant.names()));
            }
            variants.forEach(TrainVariant::named);
            if (repetitions <= 0) {
                throw new IllegalArgumentException("repetitions must be positive, got " + repetitions);
            }
            if (steps != null && steps <= 0) {
                throw new IllegalArgumentException("steps must be positive, got " + steps);
            }
        }

        /** The step budget of one run of the variant called {@code name}. */
        public long budget(String name) {
            TrainVariant v = TrainVariant.named(name);
            if (steps != null) {
                return steps;
            }
            return quick ? v.quickSteps() : v.defaultBudget();
        }
    }

    /**
     * One training run.
     *
     * @param steps          env steps taken
     * @param seconds        wall time of the run
     * @param secondsTo475   wall time until the moving average reached the threshold (NaN if never)
     * @param stepTo475      env step at that moment (-1 if never)
     * @param movingAverage  the moving average at the end
     */
    public record Run(long steps, double seconds, double secondsTo475, long stepTo475, double movingAverage) {
        /** Env steps per second. */
        public double stepsPerSecond() {
            return steps / seconds;
        }
    }

    /** Runs the suite; {@code log} gets a line when each run starts and ends. */
    public static List<BenchResult> run(Settings settings, PrintStream log) {
        List<BenchResult> out = new ArrayList<>();
        for (String name : settings.variants()) {
            TrainVariant variant = TrainVariant.named(name);
            long budget = settings.budget(name);
            List<Run> runs = new ArrayList<>();
            for (int r = 0; r < settings.repetitions(); r++) {
                long seed = settings.seed() + r;
                log.printf(Locale.ROOT, "bench train: %s seed %d, up to %d steps...%n", name, seed, budget);
                Run run = runOnce(variant, seed, budget);
                log.printf(Locale.ROOT, "bench train: %s seed %d: %d steps in %.1f s (%.0f steps/s); average %.0f %s%n", name, seed,
                        run.steps(), run.seconds(), run.stepsPerSecond(), THRESHOLD, run.stepTo475() < 0
                                ? String.format(Locale.ROOT, "not reached (last %.1f)", run.movingAverage())
                                : String.format(Locale.ROOT, "reached after %.1f s (step %d)", run.secondsTo475(), run.stepTo475()));
                runs.add(run);
            }
            out.addAll(results(variant, budget, settings.seed(), runs));
        }
        return out;
    }

    /**
     * Our two figures for {@code variant}, then the figures of the peers measured with the same
     * settings, then our/peer ratios (throughput against a peer's steps/s, time to 475 against its
     * seconds).
     */
    static List<BenchResult> results(TrainVariant variant, long budget, long seed, List<Run> runs) {
        String suite = Suite.TRAIN.id();
        String prefix = variant.name() + " " + ENV_ID + " ";
        long reached = runs.stream().filter(r -> r.stepTo475() >= 0).count();
        double[] steps = runs.stream().filter(r -> r.stepTo475() >= 0).mapToDouble(Run::stepTo475).sorted().toArray();
        BenchResult throughput = new BenchResult(suite, prefix + "train steps/s", "steps/s",
                runs.stream().map(Run::stepsPerSecond).toList(), String.format(Locale.ROOT,
                "%s; whole runs of %d steps; seeds %d..%d", variant.settings(), budget, seed, seed + runs.size() - 1));
        BenchResult time = new BenchResult(suite, prefix + "time to 475", "s",
                runs.stream().map(Run::secondsTo475).toList(), String.format(Locale.ROOT,
                "%s; 20-episode training average >= 475 in %d of %d runs%s", variant.shortSettings(), reached, runs.size(),
                reached == 0 ? "" : "; median step " + BenchTable.number(Micro.percentile(steps, 0.5))));
        List<BenchResult> out = new ArrayList<>(List.of(throughput, time));
        for (Reference p : variant.peers()) {
            out.add(p.toResult());
        }
        for (Reference p : variant.peers()) {
            out.add(p.ratio(p.unit().equals("s") ? time : throughput));
        }
        return out;
    }

    /** Trains {@code variant} with seed {@code seed} until 475 or {@code budget} steps. */
    public static Run runOnce(TrainVariant variant, long seed, long budget) {
        TrainJob job = variant.job(seed, budget);
        return runTyped(Algorithms.get(variant.algo()), job, budget);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record, A extends Agent> Run runTyped(Algorithm<C, A> algo, TrainJob job, long budget) {
        C config = (C) TrainRunner.resolveConfig(job);
        Rng root = new Rng(job.seed()); // seeded as TrainRunner seeds `deeprl4j train`
        TimeToThreshold ttt = new TimeToThreshold(THRESHOLD, TimeToThreshold.DEFAULT_WINDOW, false);
        try (VectorEnv env = TrainingEnvs.vector(ENV_ID, Map.of(), algo.numEnvs(config), false)) {
            A agent = algo.createAgent(config, env.observationSpace(), env.actionSpace(), budget, root.split());
            Trainer trainer = new Trainer(agent, env, () -> TrainingEnvs.make(ENV_ID, Map.of()), List.of(ttt));
            long start = System.nanoTime();
            trainer.run(TrainOptions.of(budget, job.seed())); // the whole budget: throughput over the full run
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(ttt.lastStep(), seconds, ttt.seconds(), ttt.step(), ttt.movingAverage());
        }
    }
}
