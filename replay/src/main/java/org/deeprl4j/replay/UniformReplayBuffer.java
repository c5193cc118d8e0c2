package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.random.RandomGenerator;

/**
 * Uniform experience replay (Mnih et al. 2015, as in SB3's {@code ReplayBuffer}): a ring of
 * {@code capacity} transitions over preallocated primitive arrays, the oldest overwritten first,
 * sampled uniformly with replacement among the stored slots. Works with vector envs and n-step
 * returns ({@link NStep}); its file format is described on {@link ReplayBuffer} (kind 1, no
 * kind-specific config or state).
 *
 * <p>Not thread-safe.
 */
public final class UniformReplayBuffer extends BaseReplayBuffer {

    /**
     * @param capacity maximum number of stored transitions, > 0
     * @param obsDim flat observation size, > 0
     * @param actDim flat action size (1 for a discrete action), > 0
     * @param numEnvs number of sub-envs per {@link #add} call, > 0
     * @param nstep n-step return configuration
     */
    public UniformReplayBuffer(int capacity, int obsDim, int actDim, int numEnvs, NStep nstep) {
        super(capacity, obsDim, actDim, numEnvs, nstep);
    }

    @Override
    public ReplayBatch sample(int batchSize, RandomGenerator rng) {
        checkBatchSize(batchSize, rng);
        int[] indices = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            indices[i] = rng.nextInt(store.size);
        }
        return store.gather(indices, null);
    }

    /** Checks the arguments, then does nothing: uniform replay has no priorities. */
    @Override
    public void updatePriorities(int[] indices, double[] tdErrors) {
        checkPriorityUpdate(indices, tdErrors);
    }

    @Override
    void onStored(int slot) {
        // no per-slot state
    }

    @Override
    int kind() {
        return BufferIO.KIND_UNIFORM;
    }

    @Override
    void writeConfig(DataOutputStream out) {
        // no kind-specific config
    }

    @Override
    void checkConfig(DataInputStream in) {
        // no kind-specific config
    }

    @Override
    void writeState(DataOutputStream out) {
        // no kind-specific state
    }

    @Override
    Runnable readState(DataInputStream in, TransitionStore newStore) {
        return () -> { };
    }
}
