package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Shuffled minibatches: coverage, remainder, contents, determinism; advantage normalization. */
class RolloutBufferMinibatchTest {
    private static final int STEPS = 5;
    private static final int ENVS = 3;

    /** 5 steps x 3 envs; row r has obs [r, r + 0.5], action [-r, 2r], value r/4, log-prob -r. */
    private static RolloutBuffer buffer() {
        RolloutBuffer b = new RolloutBuffer(STEPS, 2, 2, ENVS);
        for (int t = 0; t < STEPS; t++) {
            float[] obs = new float[ENVS * 2];
            float[] act = new float[ENVS * 2];
            double[] rew = new double[ENVS];
            float[] val = new float[ENVS];
            float[] logp = new float[ENVS];
            for (int e = 0; e < ENVS; e++) {
                int r = t * ENVS + e;
                obs[2 * e] = r;
                obs[2 * e + 1] = r + 0.5f;
                act[2 * e] = -r;
                act[2 * e + 1] = 2 * r;
                rew[e] = (r % 4) - 1;
                val[e] = r / 4f;
                logp[e] = -r;
            }
            b.add(obs, act, rew, new boolean[] {t == 0, t == 2, false}, val, logp);
        }
        b.computeReturnsAndAdvantages(new float[] {1f, -1f, 0.5f}, new boolean[] {false, true, false}, 0.9, 0.8);
        return b;
    }

    private static List<int[]> indices(Iterable<RolloutBatch> batches) {
        List<int[]> out = new ArrayList<>();
        for (RolloutBatch batch : batches) {
            out.add(batch.indices());
        }
        return out;
    }

    @Test
    void everyTransitionAppearsExactlyOncePerEpochWithRemainderLast() {
        RolloutBuffer b = buffer();
        List<int[]> batches = indices(b.minibatches(4, new SplittableRandom(7)));
        assertEquals(4, batches.size());
        assertEquals(List.of(4, 4, 4, 3), batches.stream().map(a -> a.length).toList(), "SB3 yields the remainder");
        int[] all = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        int[] expected = new int[STEPS * ENVS];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, all);
        assertEquals(3, indices(b.minibatches(5, new SplittableRandom(7))).size(), "5 divides 15");
        assertEquals(List.of(15), indices(b.minibatches(15, new SplittableRandom(7))).stream().map(a -> a.length).toList());
        assertEquals(List.of(15), indices(b.minibatches(1000, new SplittableRandom(7))).stream().map(a -> a.length).toList());
    }

    @Test
    void batchRowsHoldTheDataOfTheirIndices() {
        RolloutBuffer b = buffer();
        for (RolloutBatch batch : b.minibatches(4, new SplittableRandom(3))) {
            int n = batch.batchSize();
            assertArrayEquals(new long[] {n, 2}, batch.observations().shape());
            assertArrayEquals(new long[] {n, 2}, batch.actions().shape());
            for (INDArray column : List.of(batch.oldValues(), batch.oldLogProbs(), batch.advantages(), batch.returns())) {
                assertArrayEquals(new long[] {n, 1}, column.shape());
                assertEquals(DataType.FLOAT, column.dataType());
            }
            for (int i = 0; i < n; i++) {
                int r = batch.indices()[i];
                int t = r / ENVS;
                int e = r % ENVS;
                assertEquals(r, batch.observations().getFloat(i, 0));
                assertEquals(r + 0.5f, batch.observations().getFloat(i, 1));
                assertEquals(-r, batch.actions().getFloat(i, 0));
                assertEquals(2 * r, batch.actions().getFloat(i, 1));
                assertEquals(r / 4f, batch.oldValues().getFloat(i, 0));
                assertEquals(-r, batch.oldLogProbs().getFloat(i, 0));
                assertEquals(b.advantageAt(t, e), batch.advantages().getFloat(i, 0));
                assertEquals(b.returnAt(t, e), batch.returns().getFloat(i, 0));
            }
        }
    }

    @Test
    void sameSeedSameOrderAndEachCallIsAFreshPermutation() {
        RolloutBuffer b = buffer();
        SplittableRandom r1 = new SplittableRandom(11);
        SplittableRandom r2 = new SplittableRandom(11);
        List<int[]> epoch1 = indices(b.minibatches(4, r1));
        List<int[]> epoch2 = indices(b.minibatches(4, r1));
        assertEquals(toString(epoch1), toString(indices(b.minibatches(4, r2))));
        assertEquals(toString(epoch2), toString(indices(b.minibatches(4, r2))));
        assertFalse(toString(epoch1).equals(toString(epoch2)), "a new epoch draws a new permutation");
        Iterable<RolloutBatch> once = b.minibatches(4, new SplittableRandom(5));
        assertEquals(toString(indices(once)), toString(indices(once)), "re-iterating yields the same batches");
    }

    private static String toString(List<int[]> batches) {
        return batches.stream().map(Arrays::toString).toList().toString();
    }

    /** Fisher-Yates gives all 6 orders of 3 items equally often (Sattolo's off-by-one gives 2). */
    @Test
    void permutationsAreUniform() {
        RolloutBuffer b = new RolloutBuffer(3, 1, 1, 1);
        for (int t = 0; t < 3; t++) {
            b.add(new float[] {t}, new float[] {0}, new double[] {1}, new boolean[] {false}, new float[] {0},
                    new float[] {0});
        }
        b.computeReturnsAndAdvantages(new float[] {0}, new boolean[] {true}, 0.99, 0.95);
        SplittableRandom rng = new SplittableRandom(2024);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 3000; i++) {
            for (RolloutBatch batch : b.minibatches(3, rng)) {
                counts.merge(Arrays.toString(batch.indices()), 1, Integer::sum);
            }
        }
        assertEquals(6, counts.size(), counts.toString());
        for (int c : counts.values()) {
            assertTrue(c > 400 && c < 600, "expected about 500 of each order: " + counts);
        }
    }

    @Test
    void iterationFailsAfterResetAndPastTheEnd() {
        RolloutBuffer b = buffer();
        Iterator<RolloutBatch> it = b.minibatches(4, new SplittableRandom(1)).iterator();
        it.next();
        b.reset();
        IllegalStateException e = assertThrows(IllegalStateException.class, it::next);
        assertTrue(e.getMessage().contains("reset or reloaded"), e.getMessage());

        RolloutBuffer c = buffer();
        Iterator<RolloutBatch> all = c.minibatches(8, new SplittableRandom(1)).iterator();
        all.next();
        all.next();
        assertFalse(all.hasNext());
        assertThrows(NoSuchElementException.class, all::next);
    }

    @Test
    void normalizeAdvantagesUsesBiasCorrectedStd() {
        INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {4, 1}, DataType.FLOAT); // [4, 1]
        INDArray n = Advantages.normalize(a);
        double std = Math.sqrt(5.0 / 3.0); // sum of squared deviations 5, over n - 1 = 3
        assertArrayEquals(new long[] {4, 1}, n.shape());
        for (int i = 0; i < 4; i++) {
            assertEquals((float) ((i + 1 - 2.5) / (std + 1e-8)), n.getFloat(i, 0), 1e-6f);
            assertEquals(i + 1, a.getFloat(i, 0), "input unchanged");
        }
        INDArray single = Nd4j.create(new float[] {3}, new long[] {1, 1}, DataType.FLOAT); // [1, 1]
        assertEquals(3f, Advantages.normalize(single).getFloat(0, 0), "one element: unchanged, as SB3");
        INDArray constant = Nd4j.create(new float[] {2, 2, 2}, new long[] {3, 1}, DataType.FLOAT); // [3, 1]
        assertEquals(0f, Advantages.normalize(constant).getFloat(1, 0), "zero std divides by 1e-8, not 0");
    }
}
