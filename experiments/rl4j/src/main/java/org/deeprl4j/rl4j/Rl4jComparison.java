package org.deeprl4j.rl4j;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.Trainer;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.agents.dqn.Dqn;
import org.deeprl4j.agents.dqn.DqnAgent;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Rng;
import org.deeprl4j.env.vector.VectorEnv;
import org.deeprl4j.experiments.bench.BenchResult;
import org.deeprl4j.experiments.bench.Comparison;
import org.deeprl4j.experiments.bench.ComparisonSettings;

/**
 * {@code deeprl4j bench --vs rl4j}: trains RL4J's DQN ({@code QLearningDiscreteDense} with a
 * {@code DQNFactoryStdDense} network) and deeprl4j's {@link DqnAgent} on CartPole-v1 in this
 * process with matched hyperparameters ({@link MatchedDqn}: the zoo preset, moved to what RL4J can
 * express), and reports env steps per second and the final greedy return (20 episodes) of each,
 * and the throughput ratio deeprl4j / rl4j. RL4J steps deeprl4j's own CartPole through
 * {@link EnvMdp}, so both see identical dynamics and the 500-step limit.
 *
 * <p>Repetition {@code r} uses seed {@code settings.seed() + r} for both libraries. The library
 * that runs first in a JVM pays for JIT warm-up of the shared DL4J code, so the order alternates:
 * deeprl4j first in even repetitions, RL4J first in odd ones.
 */
public final class Rl4jComparison implements Comparison {
    /** The env both libraries train on. */
    public static final String ENV_ID = "CartPole-v1";
    /** Greedy evaluation episodes after training. */
    public static final int EVAL_EPISODES = 20;
    private static final String SUITE = "vs-rl4j";

    @Override
    public String name() {
        return "rl4j";
    }

    @Override
    public List<BenchResult> run(ComparisonSettings settings, PrintStream log) {
        MatchedDqn matched = MatchedDqn.forEnv(ENV_ID, settings.steps());
        List<Double> oursSpeed = new ArrayList<>();
        List<Double> theirsSpeed = new ArrayList<>();
        List<Double> oursReturn = new ArrayList<>();
        List<Double> theirsReturn = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        long rl4jSteps = 0;
        for (int r = 0; r < settings.repetitions(); r++) {
            long seed = settings.seed() + r;
            RunOutcome ours;
            RunOutcome theirs;
            if (r % 2 == 0) {
                ours = logged(log, "deeprl4j", seed, runDeeprl4j(matched, seed, EVAL_EPISODES));
                theirs = logged(log, "rl4j", seed, Rl4jDqnRun.run(matched, seed, EVAL_EPISODES));
            } else {
                theirs = logged(log, "rl4j", seed, Rl4jDqnRun.run(matched, seed, EVAL_EPISODES));
                ours = logged(log, "deeprl4j", seed, runDeeprl4j(matched, seed, EVAL_EPISODES));
            }
            oursSpeed.add(ours.stepsPerSecond());
            theirsSpeed.add(theirs.stepsPerSecond());
            oursReturn.add(ours.evaluation().mean());
            theirsReturn.add(theirs.evaluation().mean());
            ratio.add(ours.stepsPerSecond() / theirs.stepsPerSecond());
            rl4jSteps = Math.max(rl4jSteps, theirs.steps());
        }
        String settingsNote = String.format(Locale.ROOT,
                "%s, %d steps x %d seeds from %d; lr %s, batch %d, buffer %d, gamma %s, target every %d, "
                        + "net %s relu, eps 1->%s over %s", ENV_ID, settings.steps(), settings.repetitions(),
                settings.seed(), matched.config().learningRate(), matched.config().batchSize(),
                matched.config().bufferSize(), matched.config().gamma(), matched.config().targetUpdateInterval(),
                matched.config().netArch(), matched.config().explorationFinalEps(), matched.config().explorationFraction());
        String mismatches = "matched with differences: " + String.join("; ", matched.mismatches());
        return List.of(
                new BenchResult(SUITE, "dqn " + ENV_ID + " env steps/s deeprl4j", "steps/s", oursSpeed, settingsNote),
                new BenchResult(SUITE, "dqn " + ENV_ID + " env steps/s rl4j", "steps/s", theirsSpeed,
                        "RL4J 1.0.0-M1.1 QLearningDiscreteDense; up to " + rl4jSteps + " steps per run (ends episodes)"),
                new BenchResult(SUITE, "dqn " + ENV_ID + " final greedy return deeprl4j", "return", oursReturn,
                        "mean of " + EVAL_EPISODES + " greedy episodes after training"),
                new BenchResult(SUITE, "dqn " + ENV_ID + " final greedy return rl4j", "return", theirsReturn,
                        "mean of " + EVAL_EPISODES + " greedy episodes after training"),
                new BenchResult(SUITE, "dqn " + ENV_ID + " throughput ratio deeprl4j/rl4j", "ratio", ratio, mismatches));
    }

    /**
     * Trains deeprl4j's DQN with the matched config through the shared {@link Trainer} loop on the
     * registered env (one env, no run folder), then evaluates it greedily.
     */
    static RunOutcome runDeeprl4j(MatchedDqn matched, long seed, int evalEpisodes) {
        String envId = matched.envId();
        Rng root = new Rng(seed);
        try (VectorEnv env = TrainingEnvs.vector(envId, Map.of(), 1, false);
             Env<?, ?> evalEnv = TrainingEnvs.make(envId, Map.of())) {
            DqnAgent agent = new Dqn().createAgent(matched.config(), env.observationSpace(), env.actionSpace(),
                    matched.steps(), root.split());
            Trainer trainer = new Trainer(agent, env, () -> TrainingEnvs.make(envId, Map.of()), List.of());
            TrainResult result = trainer.run(TrainOptions.of(matched.steps(), seed));
            EvalResult eval = Evaluator.evaluate(agent.greedyPolicy(), evalEnv, evalEpisodes,
                    seed + TrainOptions.EVAL_SEED_OFFSET + 1);
            return new RunOutcome(result.steps(), result.seconds(), eval);
        }
    }

    private static RunOutcome logged(PrintStream log, String library, long seed, RunOutcome o) {
        log.printf(Locale.ROOT, "vs-rl4j: %-8s seed %d: %d steps in %.1f s = %.0f steps/s, greedy return %s%n",
                library, seed, o.steps(), o.seconds(), o.stepsPerSecond(), o.evaluation());
        return o;
    }
}
