package org.deeprl4j.agents.dqn;

import java.util.Arrays;
import org.deeprl4j.replay.ReplayBatch;

/**
 * {@code Q_target(s')} of all the minibatches of a DQN training round, computed before the
 * round's first update. This is valid when the target network stays fixed during the round (it
 * does: the target update runs between rounds) and only the target network looks at {@code s'}
 * (vanilla DQN; Double DQN asks the online network, which changes with every update). Two
 * savings over one forward pass per minibatch:
 * <ul>
 *   <li>a transition drawn more than once in the round is evaluated once: with the zoo's 128
 *       minibatches of 64 per round, a buffer of 5,000 transitions gives about 4,000 distinct
 *       ones in 8,192 draws, one of 50,000 about 7,600;</li>
 *   <li>the distinct rows go through the network {@link #ROWS_PER_PASS} at a time, where
 *       OpenBLAS computes a row about a quarter faster than in passes of 64 rows.</li>
 * </ul>
 * The values are the ones the per-minibatch passes give.
 */
final class RoundTargets {
    /** Rows per forward pass: large enough for OpenBLAS's best rate, small enough for the caches. */
    static final int ROWS_PER_PASS = 1024;

    private final GreedyQPolicy target;
    private final int obsDim;
    private final int nActions;
    private int[] rowOfSlot = new int[0]; // replay slot -> its distinct row in this round; -1 = not drawn

    RoundTargets(GreedyQPolicy target, int obsDim, int nActions) {
        this.target = target;
        this.obsDim = obsDim;
        this.nActions = nActions;
    }

    /** {@code Q_target(s')} of each minibatch's next observations, row-major {@code [B_k, nActions]} each. */
    float[][] compute(ReplayBatch[] batches) {
        int total = 0;
        for (ReplayBatch b : batches) {
            total += b.batchSize();
        }
        int[] rowOf = new int[total];               // draw r -> distinct row
        float[] distinct = new float[total * obsDim]; // [distinct rows, obsDim]
        int rows = 0;
        int r = 0;
        for (ReplayBatch b : batches) {
            int[] slots = b.indices();
            float[] next = b.nextObservationsData();
            for (int i = 0; i < slots.length; i++) {
                int u = row(slots[i]);
                if (u < 0) {
                    u = rows++;
                    rowOfSlot[slots[i]] = u;
                    System.arraycopy(next, i * obsDim, distinct, u * obsDim, obsDim);
                }
                rowOf[r++] = u;
            }
        }
        for (ReplayBatch b : batches) {
            for (int slot : b.indices()) {
                rowOfSlot[slot] = -1;
            }
        }
        float[] q = new float[rows * nActions];    // [distinct rows, nActions]
        for (int from = 0; from < rows; from += ROWS_PER_PASS) {
            int n = Math.min(ROWS_PER_PASS, rows - from);
            float[] part = target.qValues(Arrays.copyOfRange(distinct, from * obsDim, (from + n) * obsDim), n);
            System.arraycopy(part, 0, q, from * nActions, n * nActions);
        }
        float[][] result = new float[batches.length][];
        r = 0;
        for (int k = 0; k < batches.length; k++) {
            int size = batches[k].batchSize();
            result[k] = new float[size * nActions];
            for (int i = 0; i < size; i++) {
                System.arraycopy(q, rowOf[r++] * nActions, result[k], i * nActions, nActions);
            }
        }
        return result;
    }

    /** The distinct row of {@code slot} in this round, or -1 (growing the table to hold the slot). */
    private int row(int slot) {
        if (slot >= rowOfSlot.length) {
            int old = rowOfSlot.length;
            rowOfSlot = Arrays.copyOf(rowOfSlot, Math.max(slot + 1, 2 * old));
            Arrays.fill(rowOfSlot, old, rowOfSlot.length, -1);
        }
        return rowOfSlot[slot];
    }
}
