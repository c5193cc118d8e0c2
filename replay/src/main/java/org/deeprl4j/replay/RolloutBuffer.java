package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.random.RandomGenerator;

/**
 * On-policy rollout storage for A2C, PPO and REINFORCE (SB3's {@code RolloutBuffer}): {@code nSteps}
 * vector-env steps of {@code numEnvs} sub-envs in preallocated primitive arrays, GAE(lambda)
 * advantages and TD(lambda) returns computed in place (Schulman et al. 2016,
 * <a href="https://arxiv.org/abs/1506.02438">arXiv:1506.02438</a>), then minibatches over shuffled
 * indices. Transition {@code (step, env)} has the flat index {@code step * numEnvs + env}.
 *
 * <p>Cycle: {@link #reset()}, {@link #add} {@code nSteps} times (with
 * {@link #addTimeoutBootstrap} after steps whose episode was truncated),
 * {@link #computeReturnsAndAdvantages}, then {@link #minibatches} per epoch or {@link #getAll()}.
 * Each stored step must be a real transition; {@code episodeStarts[e]} marks that {@code obs} of env
 * {@code e} is the first observation of an episode (the previous step of {@code e} ended it).
 *
 * <h2>Binary format of {@link #save}</h2>
 * All values big-endian, as written by {@link DataOutputStream}; {@code n = steps * numEnvs}:
 * <pre>
 * byte[8]   magic "DRL4JRO1" (ASCII)
 * int       format version (1)
 * int       nSteps, obsDim, actDim, numEnvs
 * int       steps added (0..nSteps), boolean returns computed
 * float[n*obsDim] observations, float[n*actDim] actions, double[n] rewards,
 * byte[n] episode starts (0/1), byte[n] time-out bootstrapped (0/1), float[n] values, float[n] log-probs
 * if computed: float[n] advantages, float[n] returns
 * </pre>
 * {@link #load} restores the state bit-exactly into a buffer of the same configuration; it reads
 * and validates everything before changing the buffer, so a failed load leaves it as it was.
 *
 * <p>Not thread-safe.
 */
public final class RolloutBuffer {
    private final int nSteps;
    private final int obsDim;
    private final int actDim;
    private final int numEnvs;
    private final double[] lastGae;
    private final String dims;
    private RolloutStore store;
    private int generation;

    /**
     * @param nSteps vector steps per rollout, > 0
     * @param obsDim flat observation size, > 0
     * @param actDim flat action size (1 for a discrete action), > 0
     * @param numEnvs number of sub-envs per {@link #add} call, > 0
     */
    public RolloutBuffer(int nSteps, int obsDim, int actDim, int numEnvs) {
        RolloutChecks.requirePositive("nSteps", nSteps);
        RolloutChecks.requirePositive("obsDim", obsDim);
        RolloutChecks.requirePositive("actDim", actDim);
        RolloutChecks.requirePositive("numEnvs", numEnvs);
        this.nSteps = nSteps;
        this.obsDim = obsDim;
        this.actDim = actDim;
        this.numEnvs = numEnvs;
        this.lastGae = new double[numEnvs];
        this.dims = "numEnvs=" + numEnvs + ", obsDim=" + obsDim + ", actDim=" + actDim;
        this.store = new RolloutStore(nSteps, numEnvs, obsDim, actDim);
    }

    /**
     * Adds one vector-env step; allocates nothing.
     *
     * @param obs {@code [numEnvs * obsDim]} observations the actions were taken in
     * @param actions {@code [numEnvs * actDim]} actions (a discrete action as one float)
     * @param rewards {@code [numEnvs]} rewards of this step
     * @param episodeStarts {@code [numEnvs]} whether {@code obs} of each env starts an episode
     * @param values {@code [numEnvs]} value estimates {@code V(obs)}
     * @param logProbs {@code [numEnvs]} log-probabilities of the actions
     * @throws IllegalStateException if the buffer is full
     * @throws IllegalArgumentException on a null or wrong-length array or a non-finite value;
     *     nothing is stored then
     */
    public void add(float[] obs, float[] actions, double[] rewards, boolean[] episodeStarts,
                    float[] values, float[] logProbs) {
        RolloutStore s = store;
        if (s.steps == nSteps) {
            throw new IllegalStateException("rollout buffer is full (nSteps=" + nSteps
                    + "): compute returns, consume the rollout and call reset() before adding");
        }
        RolloutChecks.length("obs", obs, numEnvs * obsDim, "numEnvs*obsDim", dims);
        RolloutChecks.length("actions", actions, numEnvs * actDim, "numEnvs*actDim", dims);
        RolloutChecks.length("rewards", rewards, numEnvs, "numEnvs", dims);
        RolloutChecks.length("episodeStarts", episodeStarts, numEnvs, "numEnvs", dims);
        RolloutChecks.length("values", values, numEnvs, "numEnvs", dims);
        RolloutChecks.length("logProbs", logProbs, numEnvs, "numEnvs", dims);
        RolloutChecks.finite("obs", obs);
        RolloutChecks.finite("actions", actions);
        RolloutChecks.finite("rewards", rewards);
        RolloutChecks.finite("values", values);
        RolloutChecks.finite("logProbs", logProbs);
        int row = s.steps * numEnvs;
        System.arraycopy(obs, 0, s.obs, row * obsDim, numEnvs * obsDim);
        System.arraycopy(actions, 0, s.actions, row * actDim, numEnvs * actDim);
        System.arraycopy(rewards, 0, s.rewards, row, numEnvs);
        System.arraycopy(values, 0, s.values, row, numEnvs);
        System.arraycopy(logProbs, 0, s.logProbs, row, numEnvs);
        for (int e = 0; e < numEnvs; e++) {
            s.episodeStarts[row + e] = (byte) (episodeStarts[e] ? 1 : 0);
            s.bootstrapped[row + e] = 0;
        }
        s.steps++;
    }

    /**
     * SB3's time-out fix for the step just added: when env {@code env}'s episode was truncated
     * (time limit) rather than terminated, the return continues past the cut, so the value of the
     * real final observation is folded into the reward, {@code reward += gamma * finalValue}
     * (SB3 {@code collect_rollouts}: {@code rewards[idx] += self.gamma * terminal_value}). Call it
     * only for truncated, non-terminated steps, at most once per step and env; the next
     * {@link #add} must then mark env {@code env} as an episode start so GAE does not bootstrap
     * through the reset observation. The sum is kept in double precision.
     *
     * @throws IllegalStateException if no step was added since {@link #reset()}, returns were
     *     already computed, or this step of {@code env} was already bootstrapped
     * @throws IllegalArgumentException if {@code env} is out of range, {@code gamma} is outside
     *     {@code [0, 1]} or {@code finalValue} is not finite
     */
    public void addTimeoutBootstrap(int env, double gamma, float finalValue) {
        RolloutStore s = store;
        if (s.steps == 0) {
            throw new IllegalStateException("no step added yet: add the truncated step before its bootstrap");
        }
        if (s.computed) {
            throw new IllegalStateException("returns were already computed for this rollout");
        }
        RolloutChecks.env(env, numEnvs);
        RolloutChecks.unitInterval("gamma", gamma);
        if (!Float.isFinite(finalValue)) {
            throw new IllegalArgumentException("finalValue is not finite: " + finalValue);
        }
        int row = (s.steps - 1) * numEnvs + env;
        if (s.bootstrapped[row] != 0) {
            throw new IllegalStateException("step " + (s.steps - 1) + " of env " + env
                    + " was already bootstrapped");
        }
        s.rewards[row] += gamma * finalValue;
        s.bootstrapped[row] = 1;
    }

    /**
     * Computes GAE(lambda) advantages and returns in place, exactly as SB3's
     * {@code compute_returns_and_advantage} (and CleanRL's {@code ppo.py}), accumulating in double
     * and storing floats: for {@code t} from last to first,
     * {@code delta = r_t + gamma * V_{t+1} * (1 - start_{t+1}) - V_t},
     * {@code A_t = delta + gamma * lambda * (1 - start_{t+1}) * A_{t+1}}, {@code R_t = A_t + V_t};
     * after the last step {@code V} is {@code lastValues} and {@code start} is {@code dones}.
     * {@code lambda = 1} gives Monte-Carlo returns bootstrapped at the rollout end, {@code lambda = 0}
     * the one-step TD error.
     *
     * @param lastValues {@code [numEnvs]} {@code V} of the observation after the last step
     * @param dones {@code [numEnvs]} whether that observation starts a new episode (then that
     *     env's last value, which must still be finite, does not count)
     * @param gamma discount in {@code [0, 1]}
     * @param gaeLambda GAE lambda in {@code [0, 1]}
     * @throws IllegalStateException if the buffer is not full or returns were already computed
     * @throws IllegalArgumentException on bad arrays or parameters
     */
    public void computeReturnsAndAdvantages(float[] lastValues, boolean[] dones, double gamma, double gaeLambda) {
        RolloutStore s = store;
        if (s.steps != nSteps) {
            throw new IllegalStateException("rollout buffer not full: " + s.steps + " of " + nSteps
                    + " steps added");
        }
        if (s.computed) {
            throw new IllegalStateException("returns were already computed for this rollout; call reset() first");
        }
        RolloutChecks.length("lastValues", lastValues, numEnvs, "numEnvs", dims);
        RolloutChecks.length("dones", dones, numEnvs, "numEnvs", dims);
        RolloutChecks.finite("lastValues", lastValues);
        RolloutChecks.unitInterval("gamma", gamma);
        RolloutChecks.unitInterval("gaeLambda", gaeLambda);
        s.computeGae(lastValues, dones, gamma, gaeLambda, lastGae);
    }

    /**
     * Minibatches over a fresh uniform permutation of all {@code nSteps * numEnvs} transitions
     * (one call per epoch), drawn now with {@link RandomGenerator#nextInt(int)} only (Fisher-Yates
     * from the last index down). Like SB3's {@code get(batch_size)} every transition appears exactly
     * once and the last minibatch holds the remainder when {@code batchSize} does not divide the
     * rollout; a {@code batchSize} at least the rollout size gives one batch of everything. Each
     * batch is gathered and converted to INDArrays when the iterator reaches it; iterating the
     * result again yields the same batches.
     *
     * @throws IllegalStateException if returns were not computed, or (during iteration) the buffer
     *     was reset or reloaded
     * @throws IllegalArgumentException if {@code batchSize <= 0} or {@code rng} is null
     */
    public Iterable<RolloutBatch> minibatches(int batchSize, RandomGenerator rng) {
        requireComputed("minibatches");
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        RolloutStore s = store;
        int gen = generation;
        return RolloutMinibatches.shuffled(s, batchSize, rng, () -> store == s && generation == gen);
    }

    /**
     * The whole rollout as one batch in storage order (row {@code step * numEnvs + env}), for
     * algorithms that update on all of it (A2C, REINFORCE); order does not change a mean loss.
     *
     * @throws IllegalStateException if returns were not computed
     */
    public RolloutBatch getAll() {
        requireComputed("getAll");
        return RolloutMinibatches.all(store);
    }

    /** Empties the buffer for the next rollout; allocates nothing. */
    public void reset() {
        store.steps = 0;
        store.computed = false;
        generation++;
    }

    /** Whether all {@code nSteps} steps were added. */
    public boolean full() {
        return store.steps == nSteps;
    }

    /** Whether {@link #computeReturnsAndAdvantages} ran since the last reset. */
    public boolean returnsComputed() {
        return store.computed;
    }

    /** Vector steps added since the last reset, 0..{@link #nSteps()}. */
    public int steps() {
        return store.steps;
    }

    /** Transitions stored, {@code steps() * numEnvs}. */
    public int size() {
        return store.rows();
    }

    /** Transitions per full rollout, {@code nSteps * numEnvs}. */
    public int capacity() {
        return nSteps * numEnvs;
    }

    public int nSteps() {
        return nSteps;
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

    /** Stored reward of a step, including any time-out bootstrap. */
    public double rewardAt(int step, int env) {
        return store.rewards[row(step, env)];
    }

    /** GAE advantage of a step; requires computed returns. */
    public float advantageAt(int step, int env) {
        requireComputed("advantageAt");
        return store.advantages[row(step, env)];
    }

    /** Return (advantage + value) of a step; requires computed returns. */
    public float returnAt(int step, int env) {
        requireComputed("returnAt");
        return store.returns[row(step, env)];
    }

    private int row(int step, int env) {
        if (step < 0 || step >= store.steps) {
            throw new IllegalArgumentException("step " + step + " outside [0, " + store.steps + ") steps added");
        }
        RolloutChecks.env(env, numEnvs);
        return step * numEnvs + env;
    }

    private void requireComputed(String what) {
        if (!store.computed) {
            throw new IllegalStateException(what + " needs computeReturnsAndAdvantages first ("
                    + store.steps + " of " + nSteps + " steps added)");
        }
    }

    /** Writes the full state in the format described above. */
    public void save(DataOutputStream out) throws IOException {
        store.writeTo(out);
        out.flush();
    }

    /**
     * Restores a state written by {@link #save}; running minibatch iterations become invalid.
     *
     * @throws IOException if the stream is not a rollout buffer, has an unknown version, is
     *     truncated or holds inconsistent values
     * @throws IllegalArgumentException if it was saved by a buffer of another configuration
     */
    public void load(DataInputStream in) throws IOException {
        RolloutStore loaded = RolloutStore.readFrom(in, nSteps, numEnvs, obsDim, actDim);
        // Everything was read and validated: only now replace the state.
        store = loaded;
        generation++;
    }
}
