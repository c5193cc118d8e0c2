package org.deeprl4j.experiments.bench;

import java.io.PrintStream;
import java.nio.file.Path;
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
import org.deeprl4j.experiments.Presets;
import org.deeprl4j.experiments.TrainJob;
import org.deeprl4j.experiments.TrainRunner;

/**
 * The {@code train} suite: DQN and PPO on CartPole-v1 with the embedded rl-baselines3-zoo
 * hyperparameters, as {@code deeprl4j train} would run them (same config resolution, same seeding),
 * but in memory and without evaluations or output files. Each run stops when the 20-episode moving
 * average of training returns reaches 475 ({@link TimeToThreshold}) or at the step budget; it
 * reports env steps per second and the wall time to 475, beside the peers' figures
 * ({@link Reference}) and our/peer ratios.
 */
public final class TrainSuite {
    /** Env trained on. */
    public static final String ENV_ID = "CartPole-v1";
    /** Moving average of training returns that counts as solved. */
    public static final double THRESHOLD = 475;
    /** Algorithms trained, in table order. */
    public static final List<String> ALGORITHMS = List.of("dqn", "ppo");
    /**
     * Step budgets of {@code --quick}: enough to exercise training (DQN: two training rounds after
     * its 1,000 learning-start steps; PPO: eight rollouts), not to solve.
     */
    public static final Map<String, Long> QUICK_STEPS = Map.of("dqn", 1_500L, "ppo", 2_048L);

    private TrainSuite() {
    }

    /**
     * What to run.
     *
     * @param algorithms  algorithms to train, from {@link #ALGORITHMS}
     * @param repetitions runs per algorithm (seeds {@code seed}, {@code seed + 1}, ...)
     * @param seed        seed of the first run
     * @param steps       step budget of every run; null = the preset's {@code n_timesteps} (or
     *                    {@link #QUICK_STEPS} when {@code quick})
     * @param quick       use the quick budgets
     */
    public record Settings(List<String> algorithms, int repetitions, long seed, Long steps, boolean quick) {
        /** Default runs per algorithm. */
        public static final int DEFAULT_REPETITIONS = 3;

        public Settings {
            algorithms = List.copyOf(algorithms);
            for (String a : algorithms) {
                if (!ALGORITHMS.contains(a)) {
                    throw new IllegalArgumentException("no train benchmark for algorithm '" + a + "'; available: "
                            + String.join(", ", ALGORITHMS));
                }
            }
            if (repetitions <= 0) {
                throw new IllegalArgumentException("repetitions must be positive, got " + repetitions);
            }
            if (steps != null && steps <= 0) {
                throw new IllegalArgumentException("steps must be positive, got " + steps);
            }
        }

        /** The step budget of one run of {@code algo}. */
        public long budget(String algo) {
            if (steps != null) {
                return steps;
            }
            return quick ? QUICK_STEPS.get(algo) : Presets.of(algo, ENV_ID).nTimesteps();
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
        for (String algo : settings.algorithms()) {
            long budget = settings.budget(algo);
            List<Run> runs = new ArrayList<>();
            for (int r = 0; r < settings.repetitions(); r++) {
                long seed = settings.seed() + r;
                log.printf(Locale.ROOT, "bench train: %s seed %d, up to %d steps...%n", algo, seed, budget);
                Run run = runOnce(algo, seed, budget);
                log.printf(Locale.ROOT, "bench train: %s seed %d: %d steps in %.1f s (%.0f steps/s); average %.0f %s%n", algo, seed,
                        run.steps(), run.seconds(), run.stepsPerSecond(), THRESHOLD, run.stepTo475() < 0
                                ? String.format(Locale.ROOT, "not reached (last %.1f)", run.movingAverage())
                                : String.format(Locale.ROOT, "reached after %.1f s (step %d)", run.secondsTo475(), run.stepTo475()));
                runs.add(run);
            }
            out.addAll(results(algo, budget, settings.seed(), runs));
        }
        return out;
    }

    /** Our two figures for {@code algo}, the peers' and the ratios. */
    static List<BenchResult> results(String algo, long budget, long seed, List<Run> runs) {
        String suite = Suite.TRAIN.id();
        long reached = runs.stream().filter(r -> r.stepTo475() >= 0).count();
        double[] steps = runs.stream().filter(r -> r.stepTo475() >= 0).mapToDouble(Run::stepTo475).sorted().toArray();
        BenchResult throughput = new BenchResult(suite, algo + " " + ENV_ID + " train steps/s", "steps/s",
                runs.stream().map(Run::stepsPerSecond).toList(), String.format(Locale.ROOT,
                "zoo hyperparameters; budget %d steps or until average 475; seeds %d..%d", budget, seed, seed + runs.size() - 1));
        BenchResult time = new BenchResult(suite, algo + " " + ENV_ID + " time to 475", "s",
                runs.stream().map(Run::secondsTo475).toList(), String.format(Locale.ROOT,
                "20-episode training average >= 475 in %d of %d runs%s", reached, runs.size(), reached == 0 ? ""
                        : "; median step " + BenchTable.number(Micro.percentile(steps, 0.5))));
        List<BenchResult> out = new ArrayList<>(List.of(throughput, time));
        List<Reference> peers = algo.equals("ppo")
                ? List.of(Reference.SB3_PPO_STEPS, Reference.SB3_PPO_TIME, Reference.CLEANRL_PPO_STEPS, Reference.CLEANRL_PPO_TIME)
                : List.of(Reference.SB3_DQN_STEPS, Reference.CLEANRL_DQN_STEPS);
        for (Reference p : peers) {
            out.add(p.toResult());
        }
        for (Reference p : peers) {
            out.add(p.ratio(p.unit().equals("s") ? time : throughput));
        }
        return out;
    }

    /** Trains {@code algo} with seed {@code seed} until 475 or {@code budget} steps. */
    public static Run runOnce(String algo, long seed, long budget) {
        // The output folder is never written: the suite drives the Trainer itself.
        TrainJob job = new TrainJob(algo, ENV_ID, seed, budget, Path.of(System.getProperty("java.io.tmpdir")), Map.of(), Map.of(), 0, 1);
        return runTyped(Algorithms.get(algo), job, budget);
    }

    @SuppressWarnings("unchecked")
    private static <C extends Record, A extends Agent> Run runTyped(Algorithm<C, A> algo, TrainJob job, long budget) {
        C config = (C) TrainRunner.resolveConfig(job);
        Rng root = new Rng(job.seed()); // seeded as TrainRunner seeds `deeprl4j train`
        TimeToThreshold ttt = new TimeToThreshold(THRESHOLD, TimeToThreshold.DEFAULT_WINDOW, true);
        try (VectorEnv env = TrainingEnvs.vector(ENV_ID, Map.of(), algo.numEnvs(config), false)) {
            A agent = algo.createAgent(config, env.observationSpace(), env.actionSpace(), budget, root.split());
            Trainer trainer = new Trainer(agent, env, () -> TrainingEnvs.make(ENV_ID, Map.of()), List.of(ttt));
            long start = System.nanoTime();
            try {
                trainer.run(TrainOptions.of(budget, job.seed()));
            } catch (TimeToThreshold.ThresholdReached solved) {
                // reached 475: this run's figures are complete
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(ttt.lastStep(), seconds, ttt.seconds(), ttt.step(), ttt.movingAverage());
        }
    }
}
