package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrioritizedReplayBufferTest {

    private static PrioritizedReplayBuffer buffer(int capacity, double alpha, double beta0, long anneal) {
        return new PrioritizedReplayBuffer(capacity, 1, 1, 1, NStep.oneStep(0.99), alpha, beta0, anneal, 0.1);
    }

    private static void addSteps(PrioritizedReplayBuffer b, int from, int count) {
        for (int t = from; t < from + count; t++) {
            b.add(new float[] {t}, new float[] {0}, new double[] {t}, new float[] {t + 1},
                    new boolean[] {false}, new boolean[] {false});
        }
    }

    /** Four slots with priorities 1, 2, 3, 4 (alpha = 1, epsilon = 0.1). */
    private static PrioritizedReplayBuffer oneTwoThreeFour(double beta0) {
        PrioritizedReplayBuffer b = buffer(4, 1.0, beta0, 0);
        addSteps(b, 0, 4);
        b.updatePriorities(new int[] {0, 1, 2, 3}, new double[] {0.9, -1.9, 2.9, 3.9});
        return b;
    }

    @Test
    void newTransitionsGetMaxPriorityAndUpdatesApplyEpsilonAndAlpha() {
        PrioritizedReplayBuffer b = buffer(8, 0.5, 0.4, 0);
        addSteps(b, 0, 3);
        assertEquals(1.0, b.priority(0));
        assertEquals(1.0, b.maxPriority());
        b.updatePriorities(new int[] {1, 2}, new double[] {-8.9, 0.3});
        assertEquals(3.0, b.priority(1), 1e-12);              // (8.9 + 0.1)^0.5
        assertEquals(Math.sqrt(0.4), b.priority(2), 1e-12);   // (0.3 + 0.1)^0.5
        assertEquals(3.0, b.maxPriority(), 1e-12);
        addSteps(b, 3, 1);
        assertEquals(3.0, b.priority(3), 1e-12);
        b.updatePriorities(new int[] {1}, new double[] {0.0});
        assertEquals(3.0, b.maxPriority(), 1e-12, "the max priority never decreases");
    }

    @Test
    void importanceWeightsMatchHandComputation() {
        // P = [0.1, 0.2, 0.3, 0.4], N = 4, beta = 0.5: w = (N P)^-0.5 = [1.5811, 1.1180, 0.9129, 0.7906],
        // divided by max w = 1.5811: [1, 0.70711, 0.57735, 0.5].
        double[] expected = {1.0, Math.sqrt(0.5), Math.sqrt(1.0 / 3.0), 0.5};
        PrioritizedReplayBuffer b = oneTwoThreeFour(0.5);
        SplittableRandom rng = new SplittableRandom(9);
        boolean[] seen = new boolean[4];
        for (int round = 0; round < 50; round++) {
            ReplayBatch batch = b.sample(4, rng);
            for (int i = 0; i < 4; i++) {
                int slot = batch.indices()[i];
                seen[slot] = true;
                assertEquals(expected[slot], batch.weights().getFloat(i, 0), 1e-6, "weight of slot " + slot);
                assertEquals(slot, batch.observations().getFloat(i, 0));
            }
        }
        for (int s = 0; s < 4; s++) {
            assertTrue(seen[s], "slot " + s + " never sampled");
        }
    }

    @Test
    void samplingIsStratifiedOverEqualSegments() {
        // total 10, 4 segments of 2.5; prefix intervals: 0:[0,1) 1:[1,3) 2:[3,6) 3:[6,10)
        PrioritizedReplayBuffer b = oneTwoThreeFour(0.4);
        SplittableRandom rng = new SplittableRandom(21);
        for (int round = 0; round < 200; round++) {
            int[] idx = b.sample(4, rng).indices();
            assertTrue(idx[0] == 0 || idx[0] == 1, "segment [0, 2.5) gave " + idx[0]);
            assertTrue(idx[1] == 1 || idx[1] == 2, "segment [2.5, 5) gave " + idx[1]);
            assertTrue(idx[2] == 2 || idx[2] == 3, "segment [5, 7.5) gave " + idx[2]);
            assertEquals(3, idx[3], "segment [7.5, 10)");
        }
    }

    @Test
    void samplingFrequenciesFollowPrioritiesChiSquare() {
        int stored = 40;
        PrioritizedReplayBuffer b = buffer(64, 0.7, 0.4, 0); // capacity 64 but only 40 stored
        addSteps(b, 0, stored);
        SplittableRandom tdRng = new SplittableRandom(31);
        int[] slots = new int[stored];
        double[] td = new double[stored];
        double[] p = new double[stored];
        for (int i = 0; i < stored; i++) {
            slots[i] = i;
            td[i] = tdRng.nextDouble(-5, 5);
            p[i] = Math.pow(Math.abs(td[i]) + 0.1, 0.7);
        }
        b.updatePriorities(slots, td);
        for (int i = 0; i < stored; i++) {
            assertEquals(p[i], b.priority(i), 1e-12);
        }
        SplittableRandom rng = new SplittableRandom(2024);
        long[] counts = new long[stored];
        int draws = 0;
        for (int round = 0; round < 3125; round++) {
            for (int slot : b.sample(32, rng).indices()) {
                assertTrue(slot < stored, "unfilled slot " + slot + " sampled");
                counts[slot]++;
                draws++;
            }
        }
        assertEquals(100_000, draws);
        double chi2 = SumTreeTest.chiSquare(counts, p, draws);
        // 39 degrees of freedom: P(chi2 > 90) < 1e-5 for a correct sampler; stratification only
        // lowers the variance.
        assertTrue(chi2 < 90.0, "chi-square " + chi2 + " too large");
    }

    @Test
    void betaAnnealsLinearlyOverSampleCallsOrIsFixed() {
        PrioritizedReplayBuffer b = buffer(8, 0.6, 0.4, 10);
        addSteps(b, 0, 4);
        SplittableRandom rng = new SplittableRandom(1);
        assertEquals(0.4, b.beta(), 1e-12);
        for (int i = 0; i < 5; i++) {
            b.sample(2, rng);
        }
        assertEquals(0.7, b.beta(), 1e-12);
        for (int i = 0; i < 20; i++) {
            b.sample(2, rng);
        }
        assertEquals(1.0, b.beta(), 1e-12);
        b.setBeta(0.25);
        b.sample(2, rng);
        assertEquals(0.25, b.beta());
        assertThrows(IllegalArgumentException.class, () -> b.setBeta(1.1));

        PrioritizedReplayBuffer constant = buffer(8, 0.6, 0.5, 0);
        addSteps(constant, 0, 2);
        constant.sample(2, rng);
        assertEquals(0.5, constant.beta());
    }

    @Test
    void betaOneGivesInversePriorityWeightsAndAlphaZeroIsUniform() {
        PrioritizedReplayBuffer b = oneTwoThreeFour(1.0);
        ReplayBatch batch = b.sample(4, new SplittableRandom(4));
        for (int i = 0; i < 4; i++) {
            int slot = batch.indices()[i];
            assertEquals(1.0 / (slot + 1), batch.weights().getFloat(i, 0), 1e-6); // p_min / p_i
        }
        PrioritizedReplayBuffer flat = buffer(4, 0.0, 0.4, 0);
        addSteps(flat, 0, 4);
        flat.updatePriorities(new int[] {0, 3}, new double[] {100.0, 0.0});
        assertEquals(1.0, flat.priority(0));
        assertEquals(1.0, flat.priority(3));
        ReplayBatch fb = flat.sample(4, new SplittableRandom(4));
        for (int i = 0; i < 4; i++) {
            assertEquals(1f, fb.weights().getFloat(i, 0));
        }
    }

    @Test
    void overwrittenSlotsGetTheCurrentMaxPriority() {
        PrioritizedReplayBuffer b = buffer(3, 1.0, 0.4, 0);
        addSteps(b, 0, 3);
        b.updatePriorities(new int[] {0, 1, 2}, new double[] {4.9, 0.1, 0.2});
        assertEquals(5.0, b.maxPriority(), 1e-12);
        addSteps(b, 3, 1); // overwrites slot 0
        assertEquals(5.0, b.priority(0), 1e-12);
        assertEquals(3f, StoredSlot.read(b, 0).obs()[0]);
        b.updatePriorities(new int[] {0}, new double[] {0.0});
        addSteps(b, 4, 1); // overwrites slot 1
        assertEquals(5.0, b.priority(1), 1e-12);
        assertEquals(5, b.added());
    }

    @Test
    void badArgumentsAreRejected() {
        PrioritizedReplayBuffer b = buffer(4, 0.6, 0.4, 0);
        addSteps(b, 0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.updatePriorities(new int[] {2}, new double[] {1}));
        assertTrue(e.getMessage().contains("indices[0] = 2 is not a stored slot (size 2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> b.updatePriorities(new int[] {0, 1}, new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("tdErrors[1]"), e.getMessage());
        assertEquals(1.0, b.priority(0), "a rejected update changes nothing");
        assertThrows(IllegalArgumentException.class, () -> b.updatePriorities(new int[] {0}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> b.sample(3, new SplittableRandom(0)));
        assertThrows(IllegalArgumentException.class, () -> b.priority(2));
        NStep ns = NStep.oneStep(0.9);
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplayBuffer(4, 1, 1, 1, ns, -0.1, 0.4, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplayBuffer(4, 1, 1, 1, ns, 0.6, 1.5, 0, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplayBuffer(4, 1, 1, 1, ns, 0.6, 0.4, -1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplayBuffer(4, 1, 1, 1, ns, 0.6, 0.4, 0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new PrioritizedReplayBuffer(0, 1, 1, 1, ns, 0.6, 0.4, 0, 0.1));
    }
}
