package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class UniformReplayBufferTest {

    /** One-step transition t: obs = [t, -t], action = [t / 10], reward = t, nextObs = [t + 1, -t - 1]. */
    private static void addStep(UniformReplayBuffer b, int t, boolean terminated) {
        b.add(new float[] {t, -t}, new float[] {t / 10f}, new double[] {t}, new float[] {t + 1, -t - 1},
                new boolean[] {terminated}, new boolean[] {false});
    }

    @Test
    void ringOverwritesOldestAndKeepsIndicesConsistent() {
        UniformReplayBuffer b = new UniformReplayBuffer(3, 2, 1, 1, NStep.oneStep(0.9));
        for (int t = 0; t < 5; t++) {
            addStep(b, t, false);
        }
        assertEquals(3, b.size());
        assertEquals(3, b.capacity());
        assertEquals(5, b.added());
        assertEquals(2, b.store.position);
        assertEquals(3f, StoredSlot.read(b, 0).obs()[0]); // t = 3 overwrote t = 0
        assertEquals(4f, StoredSlot.read(b, 1).obs()[0]);
        assertEquals(2f, StoredSlot.read(b, 2).obs()[0]); // oldest survivor
        addStep(b, 5, false);
        assertEquals(5f, StoredSlot.read(b, 2).obs()[0]);

        SplittableRandom rng = new SplittableRandom(3);
        boolean[] seen = new boolean[3];
        for (int round = 0; round < 20; round++) {
            ReplayBatch batch = b.sample(3, rng);
            float[] obs = batch.observations().data().asFloat();
            float[] rewards = batch.rewards().data().asFloat();
            for (int i = 0; i < 3; i++) {
                int slot = batch.indices()[i];
                seen[slot] = true;
                StoredSlot s = StoredSlot.read(b, slot);
                assertEquals(s.obs()[0], obs[2 * i], "row " + i + " is slot " + slot);
                assertEquals(s.reward(), rewards[i]);
            }
        }
        assertArrayEquals(new boolean[] {true, true, true}, seen);
    }

    @Test
    void sampleGivesShapedFloatArraysOfTheSampledSlots() {
        UniformReplayBuffer b = new UniformReplayBuffer(100, 2, 1, 1, NStep.oneStep(0.9));
        for (int t = 0; t < 10; t++) {
            addStep(b, t, t == 4);
        }
        ReplayBatch batch = b.sample(8, new SplittableRandom(11));
        assertEquals(8, batch.batchSize());
        assertShape(batch.observations(), 8, 2);
        assertShape(batch.actions(), 8, 1);
        assertShape(batch.rewards(), 8, 1);
        assertShape(batch.nextObservations(), 8, 2);
        assertShape(batch.dones(), 8, 1);
        assertShape(batch.discounts(), 8, 1);
        assertShape(batch.weights(), 8, 1);
        for (int i = 0; i < 8; i++) {
            int t = batch.indices()[i];
            assertTrue(t >= 0 && t < 10, "only stored slots are sampled: " + t);
            assertEquals(t, batch.observations().getFloat(i, 0));
            assertEquals(-t, batch.observations().getFloat(i, 1));
            assertEquals(t / 10f, batch.actions().getFloat(i, 0));
            assertEquals(t, batch.rewards().getFloat(i, 0));
            assertEquals(t + 1, batch.nextObservations().getFloat(i, 0));
            assertEquals(t == 4 ? 1f : 0f, batch.dones().getFloat(i, 0));
            assertEquals(0.9f, batch.discounts().getFloat(i, 0));
            assertEquals(1f, batch.weights().getFloat(i, 0));
        }
    }

    private static void assertShape(INDArray a, long rows, long cols) {
        assertArrayEquals(new long[] {rows, cols}, a.shape());
        assertEquals(DataType.FLOAT, a.dataType());
    }

    @Test
    void batchesDoNotShareScratchMemoryAndAreDeterministic() {
        UniformReplayBuffer b = new UniformReplayBuffer(50, 2, 1, 1, NStep.oneStep(0.9));
        for (int t = 0; t < 50; t++) {
            addStep(b, t, false);
        }
        ReplayBatch first = b.sample(16, new SplittableRandom(5));
        float[] before = first.observations().data().asFloat();
        ReplayBatch second = b.sample(16, new SplittableRandom(6));
        assertArrayEquals(before, first.observations().data().asFloat(), "first batch changed by second sample");
        ReplayBatch again = b.sample(16, new SplittableRandom(5));
        assertArrayEquals(first.indices(), again.indices());
        assertTrue(!java.util.Arrays.equals(first.indices(), second.indices()));
    }

    @Test
    void wrongLengthsNameExpectedAndGotAndStoreNothing() {
        UniformReplayBuffer b = new UniformReplayBuffer(10, 4, 2, 3, NStep.oneStep(0.9));
        float[] obs = new float[12];
        float[] act = new float[6];
        double[] r = new double[3];
        boolean[] f = new boolean[3];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> b.add(new float[11], act, r, obs, f, f));
        assertTrue(e.getMessage().contains("obs has length 11") && e.getMessage().contains("= 12"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(obs, new float[3], r, obs, f, f));
        assertTrue(e.getMessage().contains("actions has length 3") && e.getMessage().contains("= 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(obs, act, new double[2], obs, f, f));
        assertTrue(e.getMessage().contains("rewards has length 2") && e.getMessage().contains("= 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(obs, act, r, new float[13], f, f));
        assertTrue(e.getMessage().contains("nextObs has length 13"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(obs, act, r, obs, new boolean[1], f));
        assertTrue(e.getMessage().contains("terminated has length 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> b.add(obs, act, r, obs, f, null));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> b.add(obs, act, new double[] {0, Double.NaN, 0}, obs, f, f));
        assertTrue(e.getMessage().contains("rewards[1]"), e.getMessage());
        float[] badObs = new float[12];
        badObs[5] = Float.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> b.add(badObs, act, r, obs, f, f));
        assertTrue(e.getMessage().contains("obs[5]"), e.getMessage());
        assertEquals(0, b.size());
        assertEquals(0, b.pending(0));
        b.add(obs, act, r, obs, f, f);
        assertEquals(3, b.size());
    }

    @Test
    void badSampleRequestsAndConfigsAreRejected() {
        UniformReplayBuffer b = new UniformReplayBuffer(10, 1, 1, 1, NStep.oneStep(0.9));
        SplittableRandom rng = new SplittableRandom(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.sample(1, rng));
        assertTrue(e.getMessage().contains("batchSize 1 exceeds the 0"), e.getMessage());
        b.add(new float[] {1}, new float[] {0}, new double[] {1}, new float[] {2},
                new boolean[] {false}, new boolean[] {false});
        e = assertThrows(IllegalArgumentException.class, () -> b.sample(2, rng));
        assertTrue(e.getMessage().contains("batchSize 2 exceeds the 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.sample(0, rng));
        assertThrows(IllegalArgumentException.class, () -> b.sample(1, null));
        assertEquals(1, b.sample(1, rng).batchSize());
        assertThrows(IllegalArgumentException.class, () -> b.updatePriorities(new int[] {0}, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> b.updatePriorities(new int[] {1}, new double[] {1}));
        b.updatePriorities(new int[] {0}, new double[] {3.0});

        e = assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(0, 1, 1, 1, NStep.oneStep(0.9)));
        assertTrue(e.getMessage().contains("capacity must be > 0, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(-5, 1, 1, 1, NStep.oneStep(0.9)));
        assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(10, 0, 1, 1, NStep.oneStep(0.9)));
        assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(10, 1, 0, 1, NStep.oneStep(0.9)));
        assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(10, 1, 1, 0, NStep.oneStep(0.9)));
        assertThrows(IllegalArgumentException.class, () -> new UniformReplayBuffer(10, 1, 1, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new UniformReplayBuffer(1 << 30, 1 << 10, 1, 1, NStep.oneStep(0.9)));
        assertThrows(IllegalArgumentException.class, () -> b.pending(1));
    }
}
