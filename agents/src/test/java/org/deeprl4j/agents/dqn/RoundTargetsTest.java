package org.deeprl4j.agents.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Loss;
import org.deeprl4j.nn.MlpSpec;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.OptimizerConfig;
import org.deeprl4j.nn.QNetworks;
import org.deeprl4j.replay.NStep;
import org.deeprl4j.replay.ReplayBatch;
import org.deeprl4j.replay.UniformReplayBuffer;
import org.junit.jupiter.api.Test;

/** A round's target values, computed at once over distinct transitions, equal the per-minibatch forward passes. */
class RoundTargetsTest {
    private static final int OBS = 3;
    private static final int ACTIONS = 4;

    @Test
    void equalsOneForwardPassPerMinibatchWithRepeatedDraws() {
        Network q = QNetworks.mlp(OBS, ACTIONS, new MlpSpec(new int[] {64, 64}, "relu", "uniform"), false, Loss.HUBER,
                OptimizerConfig.adam(1e-3), 5);
        GreedyQPolicy policy = new GreedyQPolicy(q, OBS);
        RoundTargets targets = new RoundTargets(policy, OBS, ACTIONS);
        for (int capacity : new int[] {50, 3000}) { // many repeats; few repeats and more than one pass of 1024 rows
            UniformReplayBuffer buffer = new UniformReplayBuffer(capacity, OBS, 1, 1, new NStep(1, 0.99));
            SplittableRandom r = new SplittableRandom(capacity);
            for (int i = 0; i < capacity; i++) {
                float[] o = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
                float[] next = {(float) r.nextGaussian(), (float) r.nextGaussian(), (float) r.nextGaussian()};
                buffer.add(o, new float[] {r.nextInt(ACTIONS)}, new double[] {1}, next, new boolean[] {false},
                        new boolean[] {false});
            }
            Rng rng = new Rng(7);
            ReplayBatch[] batches = new ReplayBatch[40];
            Set<Integer> distinct = new HashSet<>();
            for (int k = 0; k < batches.length; k++) {
                batches[k] = buffer.sample(k % 3 == 0 ? 33 : 48, rng); // uneven sizes
                for (int slot : batches[k].indices()) {
                    distinct.add(slot);
                }
            }
            assertTrue(capacity > 1000 || distinct.size() <= 50, "the small buffer must give repeated draws");
            for (int round = 0; round < 2; round++) { // the slot table is reset between rounds
                float[][] all = targets.compute(batches);
                assertEquals(batches.length, all.length);
                for (int k = 0; k < batches.length; k++) {
                    int n = batches[k].batchSize();
                    float[] expected = policy.qValues(batches[k].nextObservationsData(), n); // [n, ACTIONS]
                    assertEquals(n * ACTIONS, all[k].length);
                    for (int e = 0; e < expected.length; e++) {
                        assertEquals(expected[e], all[k][e], 1e-5 * Math.max(1, Math.abs(expected[e])),
                                "capacity " + capacity + " batch " + k + " value " + e);
                    }
                }
            }
        }
    }
}
