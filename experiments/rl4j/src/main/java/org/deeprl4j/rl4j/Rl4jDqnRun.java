package org.deeprl4j.rl4j;

import java.util.Map;
import org.deeplearning4j.rl4j.learning.sync.qlearning.discrete.QLearningDiscreteDense;
import org.deeplearning4j.rl4j.network.CommonOutputNames;
import org.deeplearning4j.rl4j.network.dqn.IDQN;
import org.deeplearning4j.rl4j.space.Box;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.Evaluator;
import org.deeprl4j.agents.Policy;
import org.deeprl4j.agents.TrainOptions;
import org.deeprl4j.agents.TrainingEnvs;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One RL4J {@code QLearningDiscreteDense} training run with {@link MatchedDqn} settings on a
 * deeprl4j env (through {@link EnvMdp}, without the env's {@code TimeLimit}: RL4J's
 * {@code maxEpochStep} applies the same limit and bootstraps through it), then a greedy evaluation
 * with deeprl4j's {@link Evaluator} on the registered env, exactly as deeprl4j's own runs are
 * evaluated.
 */
public final class Rl4jDqnRun {
    private Rl4jDqnRun() {
    }

    /**
     * Trains RL4J's DQN with {@code settings} and seed {@code seed}, then evaluates its greedy
     * policy for {@code evalEpisodes} episodes (first reset seeded with
     * {@code seed + EVAL_SEED_OFFSET + 1}, as deeprl4j's {@code TrainRunner} does).
     */
    public static RunOutcome run(MatchedDqn settings, long seed, int evalEpisodes) {
        String envId = settings.envId();
        EnvMdp mdp = EnvMdp.of(() -> Envs.make(envId).unwrapped(), seed);
        try {
            QLearningDiscreteDense<Box> dqn = new QLearningDiscreteDense<>(mdp, settings.rl4jNetwork(),
                    settings.rl4jLearning(seed));
            long start = System.nanoTime();
            dqn.train();
            double seconds = (System.nanoTime() - start) / 1e9;
            long steps = dqn.getStepCount();
            int obsDim = mdp.env().observationSpace().flatDim();
            try (Env<?, ?> evalEnv = TrainingEnvs.make(envId, Map.of())) {
                EvalResult eval = Evaluator.evaluate(greedy(dqn.getQNetwork(), obsDim), evalEnv, evalEpisodes,
                        seed + TrainOptions.EVAL_SEED_OFFSET + 1);
                return new RunOutcome(steps, seconds, eval);
            }
        } finally {
            mdp.close();
        }
    }

    /** RL4J's Q-network as a deeprl4j greedy {@link Policy}: argmax of the Q-values per row. */
    public static Policy greedy(IDQN<?> network, int obsDim) {
        return (observations, n, step, actionsOut) -> {
            INDArray input = Nd4j.create(observations, new long[] {n, obsDim}, 'c'); // [n, obsDim] float32
            INDArray q = network.output(input).get(CommonOutputNames.QValues);  // [n, nActions]
            for (int i = 0; i < n; i++) {
                actionsOut[i] = q.getRow(i).argMax().getInt(0);
            }
        };
    }
}
