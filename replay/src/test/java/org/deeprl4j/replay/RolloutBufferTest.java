package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * GAE(lambda) against hand-computed numbers, the time-out bootstrap and the whole-rollout batch.
 * Errors are in {@link RolloutBufferErrorsTest}, minibatches in {@link RolloutBufferMinibatchTest}.
 */
class RolloutBufferTest {
    private static final double GAMMA = 0.5;

    /**
     * Two envs, three steps, gamma = 0.5 (all numbers below are exact in float). Observation of
     * (t, e) is {@code [10t + e, -(10t + e)]}, action {@code [2t + e]}, log-prob {@code -(t + e)}.
     * <pre>
     * env 0: r = [1, 2, 3], V = [0.5, 1, 1.5], starts = [T, F, T] (episode ends after t=1),
     *        last value 2, not done (bootstrap from 2 after t=2)
     * env 1: r = [-1, 0, 2], V = [1, -2, 0.25], starts = [T, F, F], last value 4 but done
     * </pre>
     */
    static RolloutBuffer handBuffer() {
        RolloutBuffer b = new RolloutBuffer(3, 2, 1, 2);
        fillHand(b);
        return b;
    }

    private static void fillHand(RolloutBuffer b) {
        double[][] r = {{1, -1}, {2, 0}, {3, 2}};
        float[][] v = {{0.5f, 1f}, {1f, -2f}, {1.5f, 0.25f}};
        boolean[][] starts = {{true, true}, {false, false}, {true, false}};
        for (int t = 0; t < 3; t++) {
            float[] obs = {10 * t, -10 * t, 10 * t + 1, -(10 * t + 1)};
            float[] act = {2 * t, 2 * t + 1};
            float[] logp = {-t, -(t + 1)};
            b.add(obs, act, r[t], starts[t], v[t], logp);
        }
    }

    static void compute(RolloutBuffer b, double lambda) {
        b.computeReturnsAndAdvantages(new float[] {2f, 4f}, new boolean[] {false, true}, GAMMA, lambda);
    }

    private static void assertColumn(RolloutBuffer b, int env, float[] advantages, float[] returns) {
        for (int t = 0; t < 3; t++) {
            assertEquals(advantages[t], b.advantageAt(t, env), "advantage of step " + t + ", env " + env);
            assertEquals(returns[t], b.returnAt(t, env), "return of step " + t + ", env " + env);
        }
    }

    @Test
    void gaeMatchesHandComputedValuesWithEpisodeStartInTheMiddle() {
        RolloutBuffer b = handBuffer();
        compute(b, 0.5); // gamma * lambda = 0.25
        // env 0, from the end:
        //   t=2: next = last value 2, not done: delta = 3 + 0.5*2 - 1.5 = 2.5;          A = 2.5
        //   t=1: next starts an episode:        delta = 2 + 0 - 1 = 1;                  A = 1 (no carry)
        //   t=0: next V = 1:                    delta = 1 + 0.5*1 - 0.5 = 1;            A = 1 + 0.25*1 = 1.25
        // returns = A + V = [1.75, 2, 4]
        assertColumn(b, 0, new float[] {1.25f, 1f, 2.5f}, new float[] {1.75f, 2f, 4f});
        // env 1:
        //   t=2: done, last value ignored:      delta = 2 - 0.25 = 1.75;                A = 1.75
        //   t=1: next V = 0.25:                 delta = 0 + 0.125 + 2 = 2.125;          A = 2.125 + 0.25*1.75 = 2.5625
        //   t=0: next V = -2:                   delta = -1 - 1 - 1 = -3;                A = -3 + 0.25*2.5625 = -2.359375
        // returns = [-1.359375, 0.5625, 2.0]
        assertColumn(b, 1, new float[] {-2.359375f, 2.5625f, 1.75f}, new float[] {-1.359375f, 0.5625f, 2f});
        assertTrue(b.returnsComputed());
    }

    @Test
    void lambdaOneGivesDiscountedMonteCarloReturnsMinusValues() {
        RolloutBuffer b = handBuffer();
        compute(b, 1.0);
        // env 0: episode t=0..1 ends: G1 = 2, G0 = 1 + 0.5*2 = 2; t=2 bootstraps: G2 = 3 + 0.5*2 = 4
        //        A = G - V = [2 - 0.5, 2 - 1, 4 - 1.5]
        assertColumn(b, 0, new float[] {1.5f, 1f, 2.5f}, new float[] {2f, 2f, 4f});
        // env 1: done at the end: G2 = 2, G1 = 0 + 0.5*2 = 1, G0 = -1 + 0.5*1 = -0.5
        //        A = [-0.5 - 1, 1 + 2, 2 - 0.25]
        assertColumn(b, 1, new float[] {-1.5f, 3f, 1.75f}, new float[] {-0.5f, 1f, 2f});
    }

    @Test
    void lambdaZeroGivesOneStepTdErrors() {
        RolloutBuffer b = handBuffer();
        compute(b, 0.0);
        // A = delta (see the GAE test): returns = r + gamma * V(next) * (1 - start(next))
        assertColumn(b, 0, new float[] {1f, 1f, 2.5f}, new float[] {1.5f, 2f, 4f});
        assertColumn(b, 1, new float[] {-3f, 2.125f, 1.75f}, new float[] {-2f, 0.125f, 2f});
    }

    /** The SB3 formula on [nSteps][numEnvs] arrays in double, independently of the flat layout. */
    @Test
    void matchesReferenceImplementationOnRandomData() {
        int nSteps = 7;
        int envs = 3;
        RolloutBuffer b = new RolloutBuffer(nSteps, 1, 1, envs);
        SplittableRandom data = new SplittableRandom(42);
        double[][] r = new double[nSteps][envs];
        float[][] v = new float[nSteps][envs];
        boolean[][] starts = new boolean[nSteps][envs];
        for (int t = 0; t < nSteps; t++) {
            for (int e = 0; e < envs; e++) {
                r[t][e] = data.nextDouble() * 3 - 1;
                v[t][e] = (float) data.nextGaussian();
                starts[t][e] = data.nextInt(4) == 0;
            }
            b.add(new float[envs], new float[envs], r[t], starts[t], v[t], new float[envs]);
        }
        float[] last = RolloutFeed.lastValues(data, envs);
        boolean[] dones = {true, false, false};
        double gamma = 0.99;
        double lambda = 0.95;
        b.computeReturnsAndAdvantages(last, dones, gamma, lambda);
        for (int e = 0; e < envs; e++) {
            double gae = 0;
            for (int t = nSteps - 1; t >= 0; t--) {
                boolean nextStart = t == nSteps - 1 ? dones[e] : starts[t + 1][e];
                double nextV = t == nSteps - 1 ? last[e] : v[t + 1][e];
                double nonTerminal = nextStart ? 0 : 1;
                double delta = r[t][e] + gamma * nextV * nonTerminal - v[t][e];
                gae = delta + gamma * lambda * nonTerminal * gae;
                assertEquals((float) gae, b.advantageAt(t, e), "advantage of step " + t + ", env " + e);
                assertEquals((float) (gae + v[t][e]), b.returnAt(t, e), "return of step " + t + ", env " + e);
            }
        }
    }

    @Test
    void timeoutBootstrapAddsDiscountedFinalValueToTheTruncatedStepOnly() {
        RolloutBuffer b = new RolloutBuffer(2, 1, 1, 2);
        float[] zeros = {0f, 0f};
        // step 0: env 0 is truncated (final obs value 4), env 1 terminates: no bootstrap
        b.add(new float[] {0, 1}, zeros, new double[] {1, 1}, new boolean[] {true, true}, zeros, zeros);
        b.addTimeoutBootstrap(0, GAMMA, 4f);
        assertEquals(3.0, b.rewardAt(0, 0), "1 + 0.5 * 4");
        assertEquals(1.0, b.rewardAt(0, 1));
        // step 1: both envs start new episodes
        b.add(new float[] {2, 3}, zeros, new double[] {1, 1}, new boolean[] {true, true}, zeros, zeros);
        assertEquals(3.0, b.rewardAt(0, 0), "the bootstrap stays on the step it was added to");
        b.computeReturnsAndAdvantages(new float[] {10f, 10f}, new boolean[] {false, false}, GAMMA, 1.0);
        // t=0: the next obs starts an episode, so only the (bootstrapped) reward counts
        assertEquals(3f, b.advantageAt(0, 0), "truncated: 1 + 0.5 * V(final obs) = 3");
        assertEquals(1f, b.advantageAt(0, 1), "terminated: reward only");
        // t=1: bootstraps from the last values: 1 + 0.5 * 10
        assertEquals(6f, b.advantageAt(1, 0));
        assertEquals(6f, b.advantageAt(1, 1));
    }

    @Test
    void timeoutBootstrapIsKeptInDoublePrecision() {
        RolloutBuffer b = new RolloutBuffer(1, 1, 1, 1);
        b.add(new float[] {0}, new float[] {0}, new double[] {0.1}, new boolean[] {true},
                new float[] {0}, new float[] {0});
        b.addTimeoutBootstrap(0, 0.99, 0.3f);
        assertEquals(0.1 + 0.99 * (double) 0.3f, b.rewardAt(0, 0));
    }

    @Test
    void getAllReturnsEveryTransitionInStorageOrderWithShapes() {
        RolloutBuffer b = handBuffer();
        compute(b, 0.5);
        RolloutBatch all = b.getAll();
        assertEquals(6, all.batchSize());
        assertArrayEquals(new long[] {6, 2}, all.observations().shape());
        assertArrayEquals(new long[] {6, 1}, all.actions().shape());
        assertArrayEquals(new long[] {6, 1}, all.oldValues().shape());
        assertArrayEquals(new long[] {6, 1}, all.oldLogProbs().shape());
        assertArrayEquals(new long[] {6, 1}, all.advantages().shape());
        assertArrayEquals(new long[] {6, 1}, all.returns().shape());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, all.indices());
        float[] values = {0.5f, 1f, 1f, -2f, 1.5f, 0.25f};
        for (int i = 0; i < 6; i++) {
            int t = i / 2;
            int e = i % 2;
            assertEquals(10 * t + e, all.observations().getFloat(i, 0), "obs row " + i);
            assertEquals(-(10 * t + e), all.observations().getFloat(i, 1), "obs row " + i);
            assertEquals(2 * t + e, all.actions().getFloat(i, 0), "action row " + i);
            assertEquals(values[i], all.oldValues().getFloat(i, 0), "value row " + i);
            assertEquals(-(t + e), all.oldLogProbs().getFloat(i, 0), "log-prob row " + i);
            assertEquals(b.advantageAt(t, e), all.advantages().getFloat(i, 0), "advantage row " + i);
            assertEquals(b.returnAt(t, e), all.returns().getFloat(i, 0), "return row " + i);
        }
    }

    @Test
    void resetStartsANewRolloutThatOverwritesTheOldOne() {
        RolloutBuffer b = handBuffer();
        b.addTimeoutBootstrap(0, GAMMA, 100f);
        assertEquals(53.0, b.rewardAt(2, 0));
        assertTrue(b.full());
        b.reset();
        assertFalse(b.full());
        assertFalse(b.returnsComputed());
        assertEquals(0, b.steps());
        assertEquals(0, b.size());
        assertEquals(6, b.capacity());
        fillHand(b);
        assertEquals(3.0, b.rewardAt(2, 0), "the old bootstrap is gone");
        compute(b, 0.5);
        RolloutBuffer fresh = handBuffer();
        compute(fresh, 0.5);
        for (int t = 0; t < 3; t++) {
            for (int e = 0; e < 2; e++) {
                assertEquals(fresh.advantageAt(t, e), b.advantageAt(t, e));
                assertEquals(fresh.returnAt(t, e), b.returnAt(t, e));
            }
        }
        b.reset();
        fillHand(b);
        b.addTimeoutBootstrap(0, GAMMA, 100f); // the flag of the overwritten step was cleared
        assertEquals(53.0, b.rewardAt(2, 0));
    }
}
