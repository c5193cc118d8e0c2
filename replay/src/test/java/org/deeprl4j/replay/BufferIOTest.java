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
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Save/load round trips (bit-exact) and corrupt or mismatched files. */
class BufferIOTest {
    private static final int ENVS = 2;
    private static final int OBS = 3;

    private static UniformReplayBuffer uniform() {
        return new UniformReplayBuffer(20, OBS, 1, ENVS, new NStep(3, 0.97));
    }

    private static PrioritizedReplayBuffer prioritized() {
        return new PrioritizedReplayBuffer(20, OBS, 1, ENVS, new NStep(3, 0.97), 0.6, 0.4, 50, 1e-6);
    }

    /** Random vector-env steps from {@code data}, identical for identical seeds. */
    private static void feed(ReplayBuffer b, SplittableRandom data, int steps) {
        for (int s = 0; s < steps; s++) {
            float[] obs = new float[ENVS * OBS];
            float[] next = new float[ENVS * OBS];
            for (int i = 0; i < obs.length; i++) {
                obs[i] = (float) data.nextGaussian();
                next[i] = (float) data.nextGaussian();
            }
            float[] act = {data.nextInt(4), data.nextInt(4)};
            double[] r = {data.nextDouble() * 0.1, -data.nextDouble()};
            boolean[] term = {data.nextInt(9) == 0, data.nextInt(9) == 0};
            boolean[] trunc = {data.nextInt(11) == 0, false};
            b.add(obs, act, r, next, term, trunc);
        }
    }

    private static byte[] save(ReplayBuffer b) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        b.save(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }

    private static void load(ReplayBuffer b, byte[] bytes) throws IOException {
        b.load(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    private static void assertSameBatch(ReplayBatch x, ReplayBatch y) {
        assertArrayEquals(x.indices(), y.indices());
        assertBits(x.observations().data().asFloat(), y.observations().data().asFloat());
        assertBits(x.actions().data().asFloat(), y.actions().data().asFloat());
        assertBits(x.rewards().data().asFloat(), y.rewards().data().asFloat());
        assertBits(x.nextObservations().data().asFloat(), y.nextObservations().data().asFloat());
        assertBits(x.dones().data().asFloat(), y.dones().data().asFloat());
        assertBits(x.discounts().data().asFloat(), y.discounts().data().asFloat());
        assertBits(x.weights().data().asFloat(), y.weights().data().asFloat());
    }

    private static void assertBits(float[] x, float[] y) {
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(Float.floatToRawIntBits(x[i]), Float.floatToRawIntBits(y[i]), "element " + i);
        }
    }

    private static void roundTrip(Supplier<BaseReplayBuffer> factory) throws IOException {
        BaseReplayBuffer original = factory.get();
        SplittableRandom data = new SplittableRandom(77);
        feed(original, data, 17); // wraps the ring of 20 and leaves n-step steps pending
        SplittableRandom sampler = new SplittableRandom(5);
        for (int i = 0; i < 3; i++) {
            ReplayBatch batch = original.sample(8, sampler);
            double[] td = new double[8];
            Arrays.setAll(td, k -> batch.rewards().getFloat(k, 0) * 3 + k);
            original.updatePriorities(batch.indices(), td);
        }
        assertTrue(original.added() > original.capacity(), "ring must have wrapped");
        byte[] bytes = save(original);
        BaseReplayBuffer restored = factory.get();
        load(restored, bytes);

        assertEquals(original.size(), restored.size());
        assertEquals(original.added(), restored.added());
        for (int e = 0; e < ENVS; e++) {
            assertEquals(original.pending(e), restored.pending(e));
        }
        assertArrayEquals(bytes, save(restored), "saving the restored buffer gives the same bytes");
        // identical further behaviour: sampling, priority updates and adding with pending windows
        SplittableRandom s1 = new SplittableRandom(99);
        SplittableRandom s2 = new SplittableRandom(99);
        SplittableRandom d1 = new SplittableRandom(3);
        SplittableRandom d2 = new SplittableRandom(3);
        for (int round = 0; round < 5; round++) {
            ReplayBatch x = original.sample(16, s1);
            ReplayBatch y = restored.sample(16, s2);
            assertSameBatch(x, y);
            double[] td = new double[16];
            Arrays.setAll(td, k -> k * 0.37 - 2);
            original.updatePriorities(x.indices(), td);
            restored.updatePriorities(y.indices(), td);
            feed(original, d1, 4);
            feed(restored, d2, 4);
        }
        assertArrayEquals(save(original), save(restored));
    }

    @Test
    void uniformRoundTripIsBitExact() throws IOException {
        roundTrip(BufferIOTest::uniform);
    }

    @Test
    void prioritizedRoundTripIsBitExact() throws IOException {
        roundTrip(BufferIOTest::prioritized);
        PrioritizedReplayBuffer a = prioritized();
        feed(a, new SplittableRandom(1), 10);
        a.setBeta(0.55);
        PrioritizedReplayBuffer b = prioritized();
        load(b, save(a));
        assertEquals(0.55, b.beta());
        assertEquals(a.maxPriority(), b.maxPriority());
    }

    @Test
    void headerStartsWithMagicAndVersion() throws IOException {
        byte[] bytes = save(uniform());
        assertEquals("DRL4JRB1", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(1, bytes[11]); // version int 1, big-endian
        assertEquals(1, bytes[15]); // kind 1 = uniform
    }

    @Test
    void corruptOrMismatchedFilesFailClearlyAndChangeNothing() throws IOException {
        PrioritizedReplayBuffer source = prioritized();
        feed(source, new SplittableRandom(8), 6);
        byte[] good = save(source);
        PrioritizedReplayBuffer target = prioritized();
        feed(target, new SplittableRandom(9), 3);
        byte[] before = save(target);

        byte[] badMagic = good.clone();
        badMagic[0] = 'X';
        IOException io = assertThrows(IOException.class, () -> load(target, badMagic));
        assertTrue(io.getMessage().contains("magic"), io.getMessage());
        byte[] badVersion = good.clone();
        badVersion[11] = 2;
        io = assertThrows(IOException.class, () -> load(target, badVersion));
        assertTrue(io.getMessage().contains("version 2"), io.getMessage());
        assertThrows(EOFException.class, () -> load(target, Arrays.copyOf(good, good.length - 5)));
        byte[] badCount = good.clone();
        badCount[83] = 100; // low byte of "size": header 16 + config 28 + PER config 32 + position 4 = 80..83
        assertThrows(IOException.class, () -> load(target, badCount));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(target, save(uniform())));
        assertTrue(e.getMessage().contains("uniform"), e.getMessage());
        PrioritizedReplayBuffer other = new PrioritizedReplayBuffer(30, OBS, 1, ENVS, new NStep(3, 0.97), 0.6, 0.4, 50, 1e-6);
        e = assertThrows(IllegalArgumentException.class, () -> load(other, good));
        assertTrue(e.getMessage().contains("capacity=20 but this buffer has capacity=30"), e.getMessage());
        PrioritizedReplayBuffer otherAlpha = new PrioritizedReplayBuffer(20, OBS, 1, ENVS, new NStep(3, 0.97), 0.5, 0.4, 50, 1e-6);
        e = assertThrows(IllegalArgumentException.class, () -> load(otherAlpha, good));
        assertTrue(e.getMessage().contains("alpha=0.6"), e.getMessage());
        UniformReplayBuffer otherGamma = new UniformReplayBuffer(20, OBS, 1, ENVS, new NStep(3, 0.99));
        e = assertThrows(IllegalArgumentException.class, () -> load(otherGamma, save(uniform())));
        assertTrue(e.getMessage().contains("gamma=0.97"), e.getMessage());

        assertArrayEquals(before, save(target), "failed loads must leave the buffer unchanged");
    }
}
