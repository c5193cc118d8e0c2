package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The storage of a {@link RolloutBuffer}: preallocated primitive arrays with one row per
 * transition, row {@code step * numEnvs + env}. Writing allocates nothing; {@link #gather} copies
 * the requested rows into reusable scratch arrays and makes one INDArray per field.
 */
final class RolloutStore {
    static final byte[] MAGIC = "DRL4JRO1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    final int nSteps;
    final int numEnvs;
    final int obsDim;
    final int actDim;
    final float[] obs;          // [nSteps * numEnvs * obsDim]
    final float[] actions;      // [nSteps * numEnvs * actDim]
    final double[] rewards;     // [nSteps * numEnvs], including time-out bootstraps
    final byte[] episodeStarts; // [nSteps * numEnvs], 1 = obs is the first of an episode
    final byte[] bootstrapped;  // [nSteps * numEnvs], 1 = a time-out bootstrap was added
    final float[] values;       // [nSteps * numEnvs]
    final float[] logProbs;     // [nSteps * numEnvs]
    final float[] advantages;   // [nSteps * numEnvs], valid once computed
    final float[] returns;      // [nSteps * numEnvs], valid once computed
    int steps;                  // vector steps added, 0..nSteps
    boolean computed;           // advantages and returns are valid

    private int scratchRows = -1;
    private float[] sObs;
    private float[] sAct;
    private float[] sVal;
    private float[] sLogp;
    private float[] sAdv;
    private float[] sRet;

    RolloutStore(int nSteps, int numEnvs, int obsDim, int actDim) {
        this.nSteps = nSteps;
        this.numEnvs = numEnvs;
        this.obsDim = obsDim;
        this.actDim = actDim;
        int rows = arrayLength(nSteps, numEnvs, "nSteps * numEnvs");
        this.obs = new float[arrayLength(rows, obsDim, "nSteps * numEnvs * obsDim")];
        this.actions = new float[arrayLength(rows, actDim, "nSteps * numEnvs * actDim")];
        this.rewards = new double[rows];
        this.episodeStarts = new byte[rows];
        this.bootstrapped = new byte[rows];
        this.values = new float[rows];
        this.logProbs = new float[rows];
        this.advantages = new float[rows];
        this.returns = new float[rows];
    }

    private static int arrayLength(int a, int b, String what) {
        long len = (long) a * b;
        if (len > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(what + " = " + len + " exceeds the largest Java array");
        }
        return (int) len;
    }

    /** Number of stored transitions, {@code steps * numEnvs}. */
    int rows() {
        return steps * numEnvs;
    }

    /**
     * GAE(lambda) over all stored steps (see {@link RolloutBuffer#computeReturnsAndAdvantages}),
     * accumulated in double; {@code lastGae} is {@code [numEnvs]} scratch.
     */
    void computeGae(float[] lastValues, boolean[] dones, double gamma, double gaeLambda, double[] lastGae) {
        Arrays.fill(lastGae, 0.0);
        for (int t = steps - 1; t >= 0; t--) {
            for (int e = 0; e < numEnvs; e++) {
                int i = t * numEnvs + e;
                double nextNonTerminal;
                double nextValue;
                if (t == steps - 1) {
                    nextNonTerminal = dones[e] ? 0.0 : 1.0;
                    nextValue = lastValues[e];
                } else {
                    nextNonTerminal = 1.0 - episodeStarts[i + numEnvs];
                    nextValue = values[i + numEnvs];
                }
                double delta = rewards[i] + gamma * nextValue * nextNonTerminal - values[i];
                double gae = delta + gamma * gaeLambda * nextNonTerminal * lastGae[e];
                lastGae[e] = gae;
                advantages[i] = (float) gae;
                returns[i] = (float) (gae + values[i]); // the sum in double, rounded once
            }
        }
        computed = true;
    }

    /** Copies the rows {@code indices[from .. from+len)} into a new batch. */
    RolloutBatch gather(int[] indices, int from, int len) {
        ensureScratch(len);
        int[] rows = new int[len];
        for (int i = 0; i < len; i++) {
            int r = indices[from + i];
            rows[i] = r;
            System.arraycopy(obs, r * obsDim, sObs, i * obsDim, obsDim);
            System.arraycopy(actions, r * actDim, sAct, i * actDim, actDim);
            sVal[i] = values[r];
            sLogp[i] = logProbs[r];
            sAdv[i] = advantages[r];
            sRet[i] = returns[r];
        }
        // Nd4j.create copies the scratch arrays into native memory, so they can be reused.
        return new RolloutBatch(
                create(sObs, len, obsDim), // [B, obsDim]
                create(sAct, len, actDim), // [B, actDim]
                create(sVal, len, 1),      // [B, 1]
                create(sLogp, len, 1),     // [B, 1]
                create(sAdv, len, 1),      // [B, 1]
                create(sRet, len, 1),      // [B, 1]
                rows);
    }

    private static INDArray create(float[] data, int rows, int cols) {
        return Nd4j.create(data, new long[] {rows, cols}, DataType.FLOAT);
    }

    private void ensureScratch(int b) {
        if (b == scratchRows) {
            return;
        }
        sObs = new float[b * obsDim];
        sAct = new float[b * actDim];
        sVal = new float[b];
        sLogp = new float[b];
        sAdv = new float[b];
        sRet = new float[b];
        scratchRows = b;
    }

    /** Writes the format documented on {@link RolloutBuffer}: header, config, then the valid rows. */
    void writeTo(DataOutputStream out) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(nSteps);
        out.writeInt(obsDim);
        out.writeInt(actDim);
        out.writeInt(numEnvs);
        int n = rows();
        out.writeInt(steps);
        out.writeBoolean(computed);
        BufferIO.writeFloats(out, obs, n * obsDim);
        BufferIO.writeFloats(out, actions, n * actDim);
        BufferIO.writeDoubles(out, rewards, 0, n);
        out.write(episodeStarts, 0, n);
        out.write(bootstrapped, 0, n);
        BufferIO.writeFloats(out, values, n);
        BufferIO.writeFloats(out, logProbs, n);
        if (computed) {
            BufferIO.writeFloats(out, advantages, n);
            BufferIO.writeFloats(out, returns, n);
        }
    }

    /** Reads a store written by {@link #writeTo} into a new instance of the given shape. */
    static RolloutStore readFrom(DataInputStream in, int nSteps, int numEnvs, int obsDim, int actDim)
            throws IOException {
        readHeader(in);
        BufferIO.expectInt(in, "nSteps", nSteps);
        BufferIO.expectInt(in, "obsDim", obsDim);
        BufferIO.expectInt(in, "actDim", actDim);
        BufferIO.expectInt(in, "numEnvs", numEnvs);
        RolloutStore s = new RolloutStore(nSteps, numEnvs, obsDim, actDim);
        s.steps = in.readInt();
        if (s.steps < 0 || s.steps > nSteps) {
            throw new IOException("corrupt rollout buffer: " + s.steps + " steps stored, expected 0.."
                    + nSteps);
        }
        s.computed = in.readBoolean();
        if (s.computed && s.steps != nSteps) {
            throw new IOException("corrupt rollout buffer: returns computed but only " + s.steps
                    + " of " + nSteps + " steps stored");
        }
        int n = s.rows();
        BufferIO.readFloats(in, s.obs, n * obsDim);
        BufferIO.readFloats(in, s.actions, n * actDim);
        BufferIO.readDoubles(in, s.rewards, 0, n);
        in.readFully(s.episodeStarts, 0, n);
        in.readFully(s.bootstrapped, 0, n);
        checkFlags("episode-start", s.episodeStarts, n);
        checkFlags("time-out bootstrap", s.bootstrapped, n);
        BufferIO.readFloats(in, s.values, n);
        BufferIO.readFloats(in, s.logProbs, n);
        if (s.computed) {
            BufferIO.readFloats(in, s.advantages, n);
            BufferIO.readFloats(in, s.returns, n);
        }
        return s;
    }

    private static void readHeader(DataInputStream in) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (Arrays.equals(magic, BufferIO.MAGIC)) {
            throw new IllegalArgumentException("saved buffer is a replay buffer, not a rollout buffer");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a deeprl4j rollout buffer: expected magic \"DRL4JRO1\", got \""
                    + new String(magic, StandardCharsets.ISO_8859_1) + "\"");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported rollout buffer format version " + version
                    + " (this build reads version " + VERSION + ")");
        }
    }

    private static void checkFlags(String name, byte[] flags, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            if (flags[i] != 0 && flags[i] != 1) {
                throw new IOException("corrupt rollout buffer: " + name + " flag " + flags[i] + " at row " + i);
            }
        }
    }
}
