package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Shared part of the replay buffers: config, input checks, n-step accumulation into the transition
 * ring, and the common part of save/load. Subclasses choose slots to sample and may keep
 * per-slot state (priorities) through {@link #onStored}.
 */
abstract sealed class BaseReplayBuffer implements ReplayBuffer permits UniformReplayBuffer, PrioritizedReplayBuffer {
    protected final int capacity;
    protected final int obsDim;
    protected final int actDim;
    protected final int numEnvs;
    protected final NStep nstep;
    TransitionStore store;
    NStepAccumulator accumulator;
    private final NStepAccumulator.Sink sink = this::store;

    BaseReplayBuffer(int capacity, int obsDim, int actDim, int numEnvs, NStep nstep) {
        requirePositive("capacity", capacity);
        requirePositive("obsDim", obsDim);
        requirePositive("actDim", actDim);
        requirePositive("numEnvs", numEnvs);
        if (nstep == null) {
            throw new IllegalArgumentException("nstep must not be null");
        }
        this.capacity = capacity;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.numEnvs = numEnvs;
        this.nstep = nstep;
        this.store = new TransitionStore(capacity, obsDim, actDim);
        this.accumulator = new NStepAccumulator(nstep, numEnvs, obsDim, actDim);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
    }

    @Override
    public final void add(float[] obs, float[] actions, double[] rewards, float[] nextObs,
                          boolean[] terminated, boolean[] truncated) {
        checkLength("obs", obs, obs == null ? 0 : obs.length, numEnvs * obsDim, "numEnvs*obsDim");
        checkLength("actions", actions, actions == null ? 0 : actions.length, numEnvs * actDim, "numEnvs*actDim");
        checkLength("rewards", rewards, rewards == null ? 0 : rewards.length, numEnvs, "numEnvs");
        checkLength("nextObs", nextObs, nextObs == null ? 0 : nextObs.length, numEnvs * obsDim, "numEnvs*obsDim");
        checkLength("terminated", terminated, terminated == null ? 0 : terminated.length, numEnvs, "numEnvs");
        checkLength("truncated", truncated, truncated == null ? 0 : truncated.length, numEnvs, "numEnvs");
        checkFinite("obs", obs);
        checkFinite("actions", actions);
        checkFinite("nextObs", nextObs);
        for (int e = 0; e < numEnvs; e++) {
            if (!Double.isFinite(rewards[e])) {
                throw new IllegalArgumentException("rewards[" + e + "] is not finite: " + rewards[e]);
            }
        }
        for (int e = 0; e < numEnvs; e++) {
            accumulator.push(e, obs, e * obsDim, actions, e * actDim, rewards[e],
                    nextObs, e * obsDim, terminated[e], truncated[e], sink);
        }
    }

    private void checkLength(String name, Object array, int got, int expected, String formula) {
        if (array == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (got != expected) {
            throw new IllegalArgumentException(name + " has length " + got + ", expected " + formula
                    + " = " + expected + " (numEnvs=" + numEnvs + ", obsDim=" + obsDim + ", actDim=" + actDim + ")");
        }
    }

    private static void checkFinite(String name, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }

    private void store(float[] o, int oOff, float[] a, int aOff, double reward, float[] no, int noOff,
                       boolean terminal, double discount) {
        onStored(store.write(o, oOff, a, aOff, reward, no, noOff, terminal, discount));
    }

    /** Called after a transition was written to {@code slot}. */
    abstract void onStored(int slot);

    /** Checks a sample request against the stored transitions. */
    final void checkBatchSize(int batchSize, Object rng) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (batchSize > store.size) {
            throw new IllegalArgumentException("batchSize " + batchSize + " exceeds the "
                    + store.size + " transitions stored");
        }
    }

    /** Checks the arguments of {@link #updatePriorities}. */
    final void checkPriorityUpdate(int[] indices, double[] tdErrors) {
        if (indices == null || tdErrors == null) {
            throw new IllegalArgumentException("indices and tdErrors must not be null");
        }
        if (indices.length != tdErrors.length) {
            throw new IllegalArgumentException("indices has length " + indices.length
                    + " but tdErrors has length " + tdErrors.length);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= store.size) {
                throw new IllegalArgumentException("indices[" + i + "] = " + indices[i]
                        + " is not a stored slot (size " + store.size + ")");
            }
            if (!Double.isFinite(tdErrors[i])) {
                throw new IllegalArgumentException("tdErrors[" + i + "] is not finite: " + tdErrors[i]);
            }
        }
    }

    @Override
    public int size() {
        return store.size;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public long added() {
        return store.added;
    }

    public int obsDim() {
        return obsDim;
    }

    public int actDim() {
        return actDim;
    }

    public int numEnvs() {
        return numEnvs;
    }

    public NStep nStep() {
        return nstep;
    }

    /** Number of steps of sub-env {@code env} still waiting for their n-step window. */
    public int pending(int env) {
        if (env < 0 || env >= numEnvs) {
            throw new IllegalArgumentException("env " + env + " outside [0, " + numEnvs + ")");
        }
        return accumulator.pending(env);
    }

    abstract int kind();

    /** Writes the kind-specific config after the common one. */
    abstract void writeConfig(DataOutputStream out) throws IOException;

    /** Reads the kind-specific config and fails unless it equals this buffer's. */
    abstract void checkConfig(DataInputStream in) throws IOException;

    /** Writes the kind-specific state after the n-step queues. */
    abstract void writeState(DataOutputStream out) throws IOException;

    /** Reads the kind-specific state for {@code newStore}; the returned action installs it. */
    abstract Runnable readState(DataInputStream in, TransitionStore newStore) throws IOException;

    @Override
    public final void save(DataOutputStream out) throws IOException {
        BufferIO.writeHeader(out, kind());
        out.writeInt(capacity);
        out.writeInt(obsDim);
        out.writeInt(actDim);
        out.writeInt(numEnvs);
        out.writeInt(nstep.n());
        out.writeDouble(nstep.gamma());
        writeConfig(out);
        store.writeTo(out);
        accumulator.writeTo(out);
        writeState(out);
        out.flush();
    }

    @Override
    public final void load(DataInputStream in) throws IOException {
        BufferIO.readHeader(in, kind());
        BufferIO.expectInt(in, "capacity", capacity);
        BufferIO.expectInt(in, "obsDim", obsDim);
        BufferIO.expectInt(in, "actDim", actDim);
        BufferIO.expectInt(in, "numEnvs", numEnvs);
        BufferIO.expectInt(in, "n", nstep.n());
        BufferIO.expectDouble(in, "gamma", nstep.gamma());
        checkConfig(in);
        TransitionStore newStore = TransitionStore.readFrom(in, capacity, obsDim, actDim);
        NStepAccumulator newAcc = NStepAccumulator.readFrom(in, nstep, numEnvs, obsDim, actDim);
        Runnable install = readState(in, newStore);
        // Everything was read and validated: only now replace the state.
        store = newStore;
        accumulator = newAcc;
        install.run();
    }
}
