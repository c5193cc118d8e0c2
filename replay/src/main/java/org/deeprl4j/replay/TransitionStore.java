package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The ring of stored transitions, as preallocated primitive arrays (one row per slot). Writing
 * allocates nothing; {@link #gather} copies the sampled rows into new arrays.
 */
final class TransitionStore {
    final int capacity;
    final int obsDim;
    final int actDim;
    final float[] obs;      // [capacity * obsDim]
    final float[] nextObs;  // [capacity * obsDim]
    final float[] actions;  // [capacity * actDim]
    final float[] rewards;  // [capacity]
    final float[] discounts; // [capacity]
    final byte[] dones;     // [capacity], 1 = terminal
    int position;
    int size;
    long added;


    TransitionStore(int capacity, int obsDim, int actDim) {
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.obs = new float[arrayLength(capacity, obsDim, "obsDim")];
        this.nextObs = new float[obs.length];
        this.actions = new float[arrayLength(capacity, actDim, "actDim")];
        this.rewards = new float[capacity];
        this.discounts = new float[capacity];
        this.dones = new byte[capacity];
    }

    private static int arrayLength(int capacity, int dim, String name) {
        long len = (long) capacity * dim;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("capacity * " + name + " = " + capacity + " * " + dim
                    + " = " + len + " exceeds the largest Java array");
        }
        return (int) len;
    }

    /** Stores one transition in the next slot, overwriting the oldest when full; returns the slot. */
    int write(float[] o, int oOff, float[] a, int aOff, double reward, float[] no, int noOff,
              boolean terminal, double discount) {
        int slot = position;
        System.arraycopy(o, oOff, obs, slot * obsDim, obsDim);
        System.arraycopy(no, noOff, nextObs, slot * obsDim, obsDim);
        System.arraycopy(a, aOff, actions, slot * actDim, actDim);
        rewards[slot] = (float) reward;
        discounts[slot] = (float) discount;
        dones[slot] = (byte) (terminal ? 1 : 0);
        position = (position + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
        return slot;
    }

    /** The batch of the given slots, in new arrays; {@code weights} (length B) or null for all-ones weights. */
    ReplayBatch gather(int[] indices, float[] weights) {
        int b = indices.length;
        float[] sObs = new float[b * obsDim];
        float[] sNext = new float[b * obsDim];
        float[] sAct = new float[b * actDim];
        float[] sRew = new float[b];
        float[] sDone = new float[b];
        float[] sDisc = new float[b];
        for (int i = 0; i < b; i++) {
            int slot = indices[i];
            System.arraycopy(obs, slot * obsDim, sObs, i * obsDim, obsDim);
            System.arraycopy(nextObs, slot * obsDim, sNext, i * obsDim, obsDim);
            System.arraycopy(actions, slot * actDim, sAct, i * actDim, actDim);
            sRew[i] = rewards[slot];
            sDone[i] = dones[slot];
            sDisc[i] = discounts[slot];
        }
        float[] w = weights;
        if (w == null) {
            w = new float[b];
            java.util.Arrays.fill(w, 1f);
        }
        return new ReplayBatch(obsDim, actDim, sObs, sAct, sRew, sNext, sDone, sDisc, w, indices);
    }

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(position);
        out.writeInt(size);
        out.writeLong(added);
        BufferIO.writeFloats(out, obs, size * obsDim);
        BufferIO.writeFloats(out, nextObs, size * obsDim);
        BufferIO.writeFloats(out, actions, size * actDim);
        BufferIO.writeFloats(out, rewards, size);
        BufferIO.writeFloats(out, discounts, size);
        out.write(dones, 0, size);
    }

    /** Reads a store written by {@link #writeTo} into a new instance of the given shape. */
    static TransitionStore readFrom(DataInputStream in, int capacity, int obsDim, int actDim)
            throws IOException {
        TransitionStore s = new TransitionStore(capacity, obsDim, actDim);
        s.position = in.readInt();
        s.size = in.readInt();
        s.added = in.readLong();
        if (s.added < 0 || s.size != Math.min(s.added, capacity) || s.position != s.added % capacity) {
            throw new IOException("corrupt replay buffer: position=" + s.position + ", size=" + s.size
                    + ", added=" + s.added + " are inconsistent for capacity " + capacity);
        }
        BufferIO.readFloats(in, s.obs, s.size * obsDim);
        BufferIO.readFloats(in, s.nextObs, s.size * obsDim);
        BufferIO.readFloats(in, s.actions, s.size * actDim);
        BufferIO.readFloats(in, s.rewards, s.size);
        BufferIO.readFloats(in, s.discounts, s.size);
        in.readFully(s.dones, 0, s.size);
        for (int i = 0; i < s.size; i++) {
            if (s.dones[i] != 0 && s.dones[i] != 1) {
                throw new IOException("corrupt replay buffer: done flag " + s.dones[i] + " at slot " + i);
            }
        }
        return s;
    }
}
