package org.deeprl4j.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Save/load round trips (bit-exact) and corrupt or mismatched files. */
class RolloutBufferIOTest {
    private static final int STEPS = 6;
    private static final int OBS = 3;
    private static final int ACT = 2;
    private static final int ENVS = 2;

    private static RolloutBuffer buffer() {
        return new RolloutBuffer(STEPS, OBS, ACT, ENVS);
    }

    private static byte[] save(RolloutBuffer b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.save(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static void load(RolloutBuffer b, byte[] bytes) throws IOException {
        b.load(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static void assertSameBatch(RolloutBatch x, RolloutBatch y) {
        assertArrayEquals(x.indices(), y.indices());
        INDArray[] xs = {x.observations(), x.actions(), x.oldValues(), x.oldLogProbs(), x.advantages(), x.returns()};
        INDArray[] ys = {y.observations(), y.actions(), y.oldValues(), y.oldLogProbs(), y.advantages(), y.returns()};
        for (int k = 0; k < xs.length; k++) {
            float[] a = xs[k].data().asFloat();
            float[] c = ys[k].data().asFloat();
            assertEquals(a.length, c.length);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Float.floatToRawIntBits(a[i]), Float.floatToRawIntBits(c[i]), "field " + k + ", element " + i);
            }
        }
    }

    @Test
    void computedRolloutRoundTripsBitExactly() throws IOException {
        RolloutBuffer original = buffer();
        SplittableRandom data = new SplittableRandom(77);
        RolloutFeed.feed(original, data, STEPS);
        original.computeReturnsAndAdvantages(RolloutFeed.lastValues(data, ENVS), RolloutFeed.dones(data, ENVS), 0.99, 0.95);
        byte[] bytes = save(original);
        RolloutBuffer restored = buffer();
        load(restored, bytes);
        assertTrue(restored.returnsComputed());
        assertArrayEquals(bytes, save(restored), "saving the restored buffer gives the same bytes");
        Iterator<RolloutBatch> x = original.minibatches(5, new SplittableRandom(9)).iterator();
        Iterator<RolloutBatch> y = restored.minibatches(5, new SplittableRandom(9)).iterator();
        while (x.hasNext()) {
            assertSameBatch(x.next(), y.next());
        }
        assertSameBatch(original.getAll(), restored.getAll());
        for (int t = 0; t < STEPS; t++) {
            for (int e = 0; e < ENVS; e++) {
                assertEquals(Double.doubleToRawLongBits(original.rewardAt(t, e)),
                        Double.doubleToRawLongBits(restored.rewardAt(t, e)), "reward bits of " + t + "," + e);
            }
        }
    }

    @Test
    void partialRolloutRoundTripsAndContinuesIdentically() throws IOException {
        RolloutBuffer original = buffer();
        RolloutFeed.feed(original, new SplittableRandom(5), 4);
        RolloutBuffer restored = buffer();
        RolloutFeed.feed(restored, new SplittableRandom(6), 6); // different, full state gets replaced
        load(restored, save(original));
        assertEquals(4, restored.steps());
        SplittableRandom d1 = new SplittableRandom(8);
        SplittableRandom d2 = new SplittableRandom(8);
        RolloutFeed.feed(original, d1, 2);
        RolloutFeed.feed(restored, d2, 2);
        float[] last = {0.25f, -1f};
        boolean[] dones = {false, true};
        original.computeReturnsAndAdvantages(last, dones, 0.98, 0.9);
        restored.computeReturnsAndAdvantages(last, dones, 0.98, 0.9);
        assertArrayEquals(save(original), save(restored));
    }

    @Test
    void headerStartsWithMagicAndVersion() throws IOException {
        byte[] bytes = save(buffer());
        assertEquals("DRL4JRO1", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[11]); // version int 1, big-endian
        assertEquals(STEPS, bytes[15]); // nSteps
        assertEquals(28 + 4 + 1, bytes.length, "header, config, steps and flag of an empty buffer");
    }

    @Test
    void corruptOrMismatchedFilesFailClearlyAndChangeNothing() throws IOException {
        RolloutBuffer source = buffer();
        RolloutFeed.feed(source, new SplittableRandom(8), 3);
        byte[] good = save(source);
        RolloutBuffer target = buffer();
        RolloutFeed.feed(target, new SplittableRandom(9), 2);
        byte[] before = save(target);

        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        IOException io = assertThrows(IOException.class, () -> load(target, badMagic));
        assertTrue(io.getMessage().contains("magic"), io.getMessage());
        byte[] badVersion = good.clone();
        badVersion[11] = 2;
        io = assertThrows(IOException.class, () -> load(target, badVersion));
        assertTrue(io.getMessage().contains("version 2"), io.getMessage());
        assertThrows(EOFException.class, () -> load(target, Arrays.copyOf(good, good.length - 3)));
        byte[] badSteps = good.clone();
        badSteps[31] = 9; // low byte of "steps" at 28..31, beyond nSteps = 6
        io = assertThrows(IOException.class, () -> load(target, badSteps));
        assertTrue(io.getMessage().contains("9 steps stored"), io.getMessage());
        byte[] badComputed = good.clone();
        badComputed[32] = 1; // "computed" with 3 of 6 steps
        io = assertThrows(IOException.class, () -> load(target, badComputed));
        assertTrue(io.getMessage().contains("only 3 of 6"), io.getMessage());
        byte[] badFlag = good.clone();
        int n = 3 * ENVS;
        badFlag[33 + 4 * n * OBS + 4 * n * ACT + 8 * n] = 7; // first episode-start flag
        io = assertThrows(IOException.class, () -> load(target, badFlag));
        assertTrue(io.getMessage().contains("episode-start flag 7 at row 0"), io.getMessage());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> load(target, save(new RolloutBuffer(5, OBS, ACT, ENVS))));
        assertTrue(e.getMessage().contains("nSteps=5 but this buffer has nSteps=6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> load(target, save(new RolloutBuffer(STEPS, OBS, ACT, 3))));
        assertTrue(e.getMessage().contains("numEnvs=3"), e.getMessage());
        ByteArrayOutputStream replay = new ByteArrayOutputStream();
        new UniformReplayBuffer(10, OBS, ACT, ENVS, NStep.oneStep(0.99)).save(new DataOutputStream(replay));
        e = assertThrows(IllegalArgumentException.class, () -> load(target, replay.toByteArray()));
        assertTrue(e.getMessage().contains("replay buffer, not a rollout buffer"), e.getMessage());

        assertArrayEquals(before, save(target), "failed loads must leave the buffer unchanged");
    }
}
