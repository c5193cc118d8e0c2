package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Proportional prioritized experience replay (Schaul et al. 2016, "Prioritized Experience Replay",
 * https://arxiv.org/abs/1511.05952), on the same transition ring as {@link UniformReplayBuffer}.
 *
 * <ul>
 *   <li>Slot {@code i} is sampled with probability {@code P(i) = p_i / sum_j p_j}, using a
 *   {@link SumTree}; a batch of {@code B} is stratified: draw {@code k} picks the prefix mass
 *   {@code (k + u_k) * total / B}, {@code u_k} uniform in [0, 1) (as in the paper and Dopamine).</li>
 *   <li>New transitions get the largest priority seen so far (initially 1.0), so each is likely
 *   to be replayed at least once.</li>
 *   <li>{@link #updatePriorities} sets {@code p_i = (|td_i| + epsilon)^alpha} (at least
 *   {@link Double#MIN_NORMAL}, so no stored priority underflows to zero) and raises the max.</li>
 *   <li>Importance weights {@code w_i = (N * P(i))^-beta / max_j w_j}, {@code N} = size, where
 *   the max runs over all stored slots (found with a {@link MinTree} of priorities), so weights
 *   are in (0, 1].</li>
 *   <li>The {@code k}-th call of {@link #sample} ({@code k = 0, 1, ...}) uses
 *   {@code beta = beta0 + (1 - beta0) * min(1, k / betaAnnealSteps)}; {@code betaAnnealSteps = 0}
 *   keeps {@code beta0}. {@link #setBeta} replaces the schedule by a fixed value.</li>
 * </ul>
 *
 * <p>File format: the common format on {@link ReplayBuffer} with kind 2; the kind-specific config
 * is {@code double alpha, double beta0, long betaAnnealSteps, double epsilon}; the kind-specific
 * state is {@code double[size]} priorities of slots {@code 0..size-1}, {@code double} max priority,
 * {@code long} number of sample calls, {@code double} fixed beta (NaN when following the schedule).
 *
 * <p>Not thread-safe.
 */
public final class PrioritizedReplayBuffer extends BaseReplayBuffer {
    private final double alpha;
    private final double beta0;
    private final long betaAnnealSteps;
    private final double epsilon;
    private SumTree sumTree;
    private MinTree minTree;
    private double maxPriority = 1.0;
    private long sampleCalls;
    private double fixedBeta = Double.NaN;

    /**
     * @param capacity maximum number of stored transitions, > 0
     * @param obsDim flat observation size, > 0
     * @param actDim flat action size (1 for a discrete action), > 0
     * @param numEnvs number of sub-envs per {@link #add} call, > 0
     * @param nstep n-step return configuration
     * @param alpha priority exponent, >= 0 (0 = uniform)
     * @param beta0 initial importance-sampling exponent in [0, 1]
     * @param betaAnnealSteps number of {@link #sample} calls over which beta reaches 1, >= 0
     * @param epsilon added to |TD error| so no priority is zero, > 0
     */
    public PrioritizedReplayBuffer(int capacity, int obsDim, int actDim, int numEnvs, NStep nstep,
                                   double alpha, double beta0, long betaAnnealSteps, double epsilon) {
        super(capacity, obsDim, actDim, numEnvs, nstep);
        if (!(alpha >= 0.0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite and >= 0, got " + alpha);
        }
        checkBeta("beta0", beta0);
        if (betaAnnealSteps < 0) {
            throw new IllegalArgumentException("betaAnnealSteps must be >= 0, got " + betaAnnealSteps);
        }
        if (!(epsilon > 0.0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        this.alpha = alpha;
        this.beta0 = beta0;
        this.betaAnnealSteps = betaAnnealSteps;
        this.epsilon = epsilon;
        this.sumTree = new SumTree(capacity);
        this.minTree = new MinTree(capacity);
    }

    private static void checkBeta(String name, double beta) {
        if (!(beta >= 0.0 && beta <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + beta);
        }
    }

    @Override
    public ReplayBatch sample(int batchSize, RandomGenerator rng) {
        checkBatchSize(batchSize, rng);
        double beta = beta();
        sampleCalls++;
        double segment = sumTree.total() / batchSize;
        int[] indices = new int[batchSize];
        for (int k = 0; k < batchSize; k++) {
            indices[k] = sumTree.find((k + rng.nextDouble()) * segment);
        }
        float[] weights = new float[batchSize]; // the batch keeps it
        // w_i / max_j w_j = (N p_i / total)^-beta / (N p_min / total)^-beta = (p_i / p_min)^-beta
        double minPriority = minTree.min();
        for (int k = 0; k < batchSize; k++) {
            weights[k] = (float) Math.pow(sumTree.get(indices[k]) / minPriority, -beta);
        }
        return store.gather(indices, weights);
    }

    @Override
    public void updatePriorities(int[] indices, double[] tdErrors) {
        checkPriorityUpdate(indices, tdErrors);
        double[] priorities = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            priorities[i] = Math.max(Math.pow(Math.abs(tdErrors[i]) + epsilon, alpha), Double.MIN_NORMAL);
            if (Double.isInfinite(priorities[i])) {
                throw new IllegalArgumentException("tdErrors[" + i + "] = " + tdErrors[i]
                        + " gives an infinite priority with alpha " + alpha);
            }
        }
        for (int i = 0; i < indices.length; i++) {
            sumTree.set(indices[i], priorities[i]);
            minTree.set(indices[i], priorities[i]);
            maxPriority = Math.max(maxPriority, priorities[i]);
        }
    }

    @Override
    void onStored(int slot) {
        sumTree.set(slot, maxPriority);
        minTree.set(slot, maxPriority);
    }

    /** The beta the next {@link #sample} call uses. */
    public double beta() {
        if (!Double.isNaN(fixedBeta)) {
            return fixedBeta;
        }
        if (betaAnnealSteps == 0) {
            return beta0;
        }
        double progress = Math.min(1.0, (double) sampleCalls / betaAnnealSteps);
        return beta0 + (1.0 - beta0) * progress;
    }

    /** Fixes beta (in [0, 1]) for all further samples, replacing the annealing schedule. */
    public void setBeta(double beta) {
        checkBeta("beta", beta);
        fixedBeta = beta;
    }

    /** The priority of a stored slot. */
    public double priority(int slot) {
        if (slot < 0 || slot >= store.size) {
            throw new IllegalArgumentException("slot " + slot + " is not stored (size " + store.size + ")");
        }
        return sumTree.get(slot);
    }

    /** The priority given to new transitions: the largest priority so far, at least 1.0. */
    public double maxPriority() {
        return maxPriority;
    }

    public double alpha() {
        return alpha;
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    int kind() {
        return BufferIO.KIND_PRIORITIZED;
    }

    @Override
    void writeConfig(DataOutputStream out) throws IOException {
        out.writeDouble(alpha);
        out.writeDouble(beta0);
        out.writeLong(betaAnnealSteps);
        out.writeDouble(epsilon);
    }

    @Override
    void checkConfig(DataInputStream in) throws IOException {
        BufferIO.expectDouble(in, "alpha", alpha);
        BufferIO.expectDouble(in, "beta0", beta0);
        BufferIO.expectLong(in, "betaAnnealSteps", betaAnnealSteps);
        BufferIO.expectDouble(in, "epsilon", epsilon);
    }

    @Override
    void writeState(DataOutputStream out) throws IOException {
        double[] leaves = new double[store.size];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = sumTree.get(i);
        }
        BufferIO.writeDoubles(out, leaves, 0, leaves.length);
        out.writeDouble(maxPriority);
        out.writeLong(sampleCalls);
        out.writeDouble(fixedBeta);
    }

    @Override
    Runnable readState(DataInputStream in, TransitionStore newStore) throws IOException {
        double[] leaves = new double[newStore.size];
        BufferIO.readDoubles(in, leaves, 0, leaves.length);
        double newMax = in.readDouble();
        long newCalls = in.readLong();
        double newFixedBeta = in.readDouble();
        if (!(newMax >= 1.0) || Double.isInfinite(newMax)) {
            throw new IOException("corrupt replay buffer: max priority " + newMax);
        }
        if (newCalls < 0) {
            throw new IOException("corrupt replay buffer: sample calls " + newCalls);
        }
        if (!Double.isNaN(newFixedBeta) && !(newFixedBeta >= 0.0 && newFixedBeta <= 1.0)) {
            throw new IOException("corrupt replay buffer: fixed beta " + newFixedBeta);
        }
        SumTree newSum = new SumTree(capacity);
        MinTree newMin = new MinTree(capacity);
        for (int i = 0; i < leaves.length; i++) {
            if (!(leaves[i] > 0.0 && leaves[i] <= newMax)) {
                throw new IOException("corrupt replay buffer: priority " + leaves[i] + " at slot " + i
                        + " (max priority " + newMax + ")");
            }
            newSum.set(i, leaves[i]);
            newMin.set(i, leaves[i]);
        }
        return () -> {
            sumTree = newSum;
            minTree = newMin;
            maxPriority = newMax;
            sampleCalls = newCalls;
            fixedBeta = newFixedBeta;
        };
    }
}
