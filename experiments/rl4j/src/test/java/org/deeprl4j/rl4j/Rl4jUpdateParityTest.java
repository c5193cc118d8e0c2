package org.deeprl4j.rl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.BaseTransitionTDAlgorithm;
import org.deeplearning4j.rl4j.agent.learning.algorithm.dqn.StandardDQN;
import org.deeplearning4j.rl4j.experience.StateActionRewardState;
import org.deeplearning4j.rl4j.network.dqn.DQN;
import org.deeplearning4j.rl4j.network.dqn.DQNFactoryStdDense;
import org.deeplearning4j.rl4j.observation.Observation;
import org.deeprl4j.agents.Transitions;
import org.deeprl4j.agents.dqn.Dqn;
import org.deeprl4j.agents.dqn.DqnAgent;
import org.deeprl4j.env.Env;
import org.deeprl4j.env.Envs;
import org.deeprl4j.env.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One DQN update, side by side: deeprl4j's {@link DqnAgent} (replay, TD targets, Huber loss, Adam
 * on the plain-Java training path) and RL4J's {@code StandardDQN} targets with errorClamp 1 fitted
 * by its {@code DQN} network, from the same initial parameters on the same minibatches, with the
 * settings of the {@code --vs rl4j} comparison ({@link MatchedDqn}). The parameters must agree
 * after every update: the two libraries then differ only in their random draws.
 */
class Rl4jUpdateParityTest {
    private static final int OBS = 4;

    @Test
    void fiveUpdatesLeaveTheSameParameters() {
        MatchedDqn matched = MatchedDqn.forEnv("CartPole-v1", 20_000);
        int batch = matched.config().batchSize();
        DQN rl4j = new DQNFactoryStdDense(matched.rl4jNetwork()).buildDQN(new int[] {OBS}, 2);
        DQN rl4jTarget = rl4j.clone();
        StandardDQN targets = new StandardDQN(rl4j, rl4jTarget, BaseTransitionTDAlgorithm.Configuration.builder()
                .gamma(matched.config().gamma()).errorClamp(1.0).build());
        Rng rng = new Rng(11);
        DqnAgent ours;
        try (Env<?, ?> env = Envs.make("CartPole-v1")) {
            ours = new Dqn().createAgent(matched.config(), env.observationSpace(), env.actionSpace(), 20_000, rng);
        }
        INDArray start = net(rl4j).params().dup();                         // [1, 67586], the same layout
        assertEquals(start.length(), ours.qNetwork().numParams());
        ours.qNetwork().params().assign(start);
        ours.targetNetwork().copyParamsFrom(ours.qNetwork());

        SplittableRandom data = new SplittableRandom(5);
        List<StateActionRewardState<Integer>> stored = new ArrayList<>(); // by replay slot
        long step = 1; // training starts after learning_starts (= batch) env steps
        for (int update = 0; update < 5; update++) {
            for (int i = 0; i < batch; i++) { // 64 new transitions per update, some terminal
                float[] s = gaussian(data);
                float[] next = gaussian(data);
                int a = data.nextInt(2);
                boolean terminal = data.nextInt(8) == 0;
                ours.observe(new Transitions(s, new float[] {a}, new double[] {1.0}, next, new boolean[] {terminal},
                        new boolean[] {false}, 1), ++step);
                StateActionRewardState<Integer> t = new StateActionRewardState<>(observation(s), a, 1.0, terminal);
                t.setNextObservation(observation(next));
                stored.add(t);
            }
            // the minibatch our agent will draw: its replay takes one nextInt(size) per row from rng
            Rng twin = Rng.fromState(rng.state());
            List<StateActionRewardState<Integer>> minibatch = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                minibatch.add(stored.get(twin.nextInt(stored.size())));
            }
            Map<String, Double> metrics = ours.update(step);
            assertFalse(metrics.isEmpty(), "update " + update + " must train");
            assertTrue(Arrays.equals(twin.state(), rng.state()), "the agent drew one minibatch of " + batch);
            rl4j.fit(targets.compute(minibatch));

            float[] theirs = net(rl4j).params().dup().data().asFloat();
            float[] mine = ours.qNetwork().copyParams(null).data().asFloat();
            double moved = 0;
            for (int p = 0; p < theirs.length; p++) {
                assertEquals(theirs[p], mine[p], 1e-5 * Math.max(1, Math.abs(theirs[p])), "update " + update + " parameter " + p);
                moved = Math.max(moved, Math.abs(theirs[p] - start.getFloat(p)));
            }
            assertTrue(moved > 1e-4, "the updates must change the parameters");
        }
    }

    private static MultiLayerNetwork net(DQN dqn) {
        return (MultiLayerNetwork) dqn.getNeuralNetworks()[0];
    }

    private static float[] gaussian(SplittableRandom r) {
        float[] v = new float[OBS];
        for (int k = 0; k < OBS; k++) {
            v[k] = (float) (0.5 * nextGaussian(r));
        }
        return v;
    }

    private static double nextGaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    private static Observation observation(float[] s) {
        return new Observation(Nd4j.create(s.clone(), new long[] {1, OBS})); // [1, 4]
    }
}
