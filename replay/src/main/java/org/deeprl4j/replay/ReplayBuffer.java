package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * Replay storage for off-policy agents (DQN family, SAC, TD3).
 *
 * <p>Transitions arrive in batches from a vector env with {@code numEnvs} sub-envs; each sub-env
 * is an independent stream for n-step returns ({@link NStep}). A transition becomes sampleable
 * once its n-step window is complete or its episode ended, so {@link #size()} may lag behind the
 * number of env steps by up to {@code (n - 1) * numEnvs}.
 *
 * <h2>Binary format of {@link #save}</h2>
 * All values big-endian, as written by {@link DataOutputStream}:
 * <pre>
 * byte[8]   magic "DRL4JRB1" (ASCII)
 * int       format version (1)
 * int       kind: 1 = uniform, 2 = prioritized
 * int       capacity, obsDim, actDim, numEnvs, n-step n
 * double    gamma
 * ...       kind-specific config (see {@link PrioritizedReplayBuffer})
 * int       position (next slot to write), int size, long added
 * float[size*obsDim] observations, float[size*obsDim] next observations,
 * float[size*actDim] actions, float[size] rewards, float[size] discounts, byte[size] dones (0/1)
 * per env 0..numEnvs-1: int count (0..n-1) of pending n-step steps, then count times, oldest
 *           first: float[obsDim] observation, float[actDim] action, double reward
 * ...       kind-specific state (see {@link PrioritizedReplayBuffer})
 * </pre>
 * {@link #load} restores the state bit-exactly into a buffer built with the same configuration;
 * it reads everything and validates it before changing the buffer, so a failed load leaves the
 * buffer as it was.
 */
public interface ReplayBuffer {

    /**
     * Adds one vector-env step: one transition per sub-env.
     *
     * @param obs {@code [numEnvs * obsDim]} row-major observations before the step
     * @param actions {@code [numEnvs * actDim]} actions taken (a discrete action as one float)
     * @param rewards {@code [numEnvs]} rewards
     * @param nextObs {@code [numEnvs * obsDim]} observations after the step; for an env whose
     *     episode ended this must be the real final observation, not the reset one
     * @param terminated {@code [numEnvs]} the env reached a terminal state
     * @param truncated {@code [numEnvs]} the episode was cut short (bootstrap from nextObs)
     * @throws IllegalArgumentException on a wrong array length or a non-finite value; nothing is
     *     stored then
     */
    void add(float[] obs, float[] actions, double[] rewards, float[] nextObs,
             boolean[] terminated, boolean[] truncated);

    /**
     * Samples {@code batchSize} stored transitions with replacement, using only
     * {@link RandomGenerator#nextInt(int)} and {@link RandomGenerator#nextDouble()} of {@code rng}.
     *
     * @throws IllegalArgumentException if {@code batchSize < 1} or {@code batchSize > size()}
     */
    ReplayBatch sample(int batchSize, RandomGenerator rng);

    /** Number of sampleable transitions stored, at most {@link #capacity()}. */
    int size();

    /** Maximum number of stored transitions; older ones are overwritten first. */
    int capacity();

    /**
     * Total number of transitions ever stored (including overwritten ones); with n-step returns
     * this excludes steps still pending in an incomplete window.
     */
    long added();

    /**
     * Sets new priorities from TD errors for the slots of a sampled batch; a no-op for uniform
     * replay (after checking the arguments).
     *
     * @throws IllegalArgumentException if the lengths differ, a slot is not stored, or an error
     *     is not finite
     */
    void updatePriorities(int[] indices, double[] tdErrors);

    /** Writes the full state in the format described above. */
    void save(DataOutputStream out) throws IOException;

    /**
     * Restores a state written by {@link #save}.
     *
     * @throws IOException if the stream is not a replay buffer, has an unknown version, is
     *     truncated or holds inconsistent values
     * @throws IllegalArgumentException if it was saved by a buffer of another kind or config
     */
    void load(DataInputStream in) throws IOException;
}
