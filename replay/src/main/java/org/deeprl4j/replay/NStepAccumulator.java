package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Turns per-env streams of one-step transitions into n-step transitions (Sutton and Barto, ch. 7;
 * as in Rainbow / SB3's n-step buffers).
 *
 * <p>Each env keeps a small ring of its last (up to {@code n}) pending steps. After a step:
 * <ul>
 *   <li>if the episode ended (terminated or truncated), every pending step {@code j} is emitted with
 *   the shortened window {@code K = count - j}: reward {@code sum_{k<K} gamma^k r}, the final
 *   observation, done = terminated, discount {@code gamma^K}; the ring is then emptied;</li>
 *   <li>otherwise, when the ring holds {@code n} steps the oldest is emitted with the full window
 *   (done = false, discount {@code gamma^n}) and dropped.</li>
 * </ul>
 * A truncated episode is not terminal: its windows bootstrap from the final observation.
 */
final class NStepAccumulator {

    /** Receives completed windows. */
    interface Sink {
        void accept(float[] obs, int obsOff, float[] act, int actOff, double reward,
                    float[] nextObs, int nextObsOff, boolean terminal, double discount);
    }

    private final int n;
    private final double gamma;
    private final int numEnvs;
    private final int obsDim;
    private final int actDim;
    private final float[] obs;      // [numEnvs * n * obsDim], ring per env
    private final float[] actions;  // [numEnvs * n * actDim]
    private final double[] rewards; // [numEnvs * n]
    private final int[] head;       // oldest ring position per env
    private final int[] count;      // pending steps per env, always < n between calls

    NStepAccumulator(NStep nstep, int numEnvs, int obsDim, int actDim) {
        this.n = nstep.n();
        this.gamma = nstep.gamma();
        this.numEnvs = numEnvs;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.obs = new float[Math.multiplyExact(Math.multiplyExact(numEnvs, n), obsDim)];
        this.actions = new float[Math.multiplyExact(Math.multiplyExact(numEnvs, n), actDim)];
        this.rewards = new double[numEnvs * n];
        this.head = new int[numEnvs];
        this.count = new int[numEnvs];
    }

    /** Number of steps of {@code env} waiting for their window to complete. */
    int pending(int env) {
        return count[env];
    }

    /** Adds one step of {@code env} and emits every window it completes to {@code sink}. */
    void push(int env, float[] o, int oOff, float[] a, int aOff, double reward,
              float[] nextObs, int nextOff, boolean terminated, boolean truncated, Sink sink) {
        int pos = env * n + (head[env] + count[env]) % n;
        System.arraycopy(o, oOff, obs, pos * obsDim, obsDim);
        System.arraycopy(a, aOff, actions, pos * actDim, actDim);
        rewards[pos] = reward;
        count[env]++;
        if (terminated || truncated) {
            for (int j = 0; j < count[env]; j++) {
                emit(env, j, nextObs, nextOff, terminated, sink);
            }
            head[env] = 0;
            count[env] = 0;
        } else if (count[env] == n) {
            emit(env, 0, nextObs, nextOff, false, sink);
            head[env] = (head[env] + 1) % n;
            count[env]--;
        }
    }

    /** Emits the window from pending step {@code j} (0 = oldest) to the newest step. */
    private void emit(int env, int j, float[] nextObs, int nextOff, boolean terminal, Sink sink) {
        double ret = 0.0;
        double discount = 1.0;
        for (int k = j; k < count[env]; k++) {
            ret += discount * rewards[env * n + (head[env] + k) % n];
            discount *= gamma;
        }
        int first = env * n + (head[env] + j) % n;
        sink.accept(obs, first * obsDim, actions, first * actDim, ret, nextObs, nextOff, terminal, discount);
    }

    /** Writes each env's pending steps, oldest first (format on {@link ReplayBuffer}). */
    void writeTo(DataOutputStream out) throws IOException {
        for (int e = 0; e < numEnvs; e++) {
            out.writeInt(count[e]);
            for (int k = 0; k < count[e]; k++) {
                int pos = e * n + (head[e] + k) % n;
                for (int d = 0; d < obsDim; d++) {
                    out.writeFloat(obs[pos * obsDim + d]);
                }
                for (int d = 0; d < actDim; d++) {
                    out.writeFloat(actions[pos * actDim + d]);
                }
                out.writeDouble(rewards[pos]);
            }
        }
    }

    /** Reads pending steps written by {@link #writeTo} into a new accumulator. */
    static NStepAccumulator readFrom(DataInputStream in, NStep nstep, int numEnvs, int obsDim, int actDim)
            throws IOException {
        NStepAccumulator acc = new NStepAccumulator(nstep, numEnvs, obsDim, actDim);
        for (int e = 0; e < numEnvs; e++) {
            int c = in.readInt();
            if (c < 0 || c >= nstep.n()) {
                throw new IOException("corrupt replay buffer: env " + e + " has " + c
                        + " pending n-step steps, expected 0.." + (nstep.n() - 1));
            }
            acc.count[e] = c;
            for (int k = 0; k < c; k++) {
                int pos = e * nstep.n() + k;
                for (int d = 0; d < obsDim; d++) {
                    acc.obs[pos * obsDim + d] = in.readFloat();
                }
                for (int d = 0; d < actDim; d++) {
                    acc.actions[pos * actDim + d] = in.readFloat();
                }
                acc.rewards[pos] = in.readDouble();
            }
        }
        return acc;
    }
}
