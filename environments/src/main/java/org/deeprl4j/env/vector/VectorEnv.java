package org.deeprl4j.env.vector;

import java.util.List;
import java.util.Map;
import org.deeprl4j.env.spaces.Space;

/**
 * A batch of {@link #numEnvs()} environments of the same kind stepped together, as Gymnasium's
 * {@code gymnasium.vector.VectorEnv}, laid out for one batched forward pass per step.
 *
 * <p>Observations are flattened with {@link Space#flatten} into one row-major float array of
 * {@code [numEnvs * obsDim]}. That array and the {@link VectorStep} are <b>owned by the vector
 * environment and reused</b> by every {@code reset}/{@code step}: copy whatever you keep.
 *
 * <p>Actions are flat too: {@link #step(int[])} takes {@code [numEnvs * actionDim]} ints for
 * Discrete ({@code actionDim = 1}), MultiDiscrete and MultiBinary action spaces;
 * {@link #step(float[])} takes {@code [numEnvs * actionDim]} floats for Box action spaces. The
 * per-env action objects handed to the sub-environments are reused between steps, so
 * sub-environments must not keep references to them.
 *
 * <p>Episodes restart automatically per {@link #autoresetMode()}. The info of the step that ends
 * an episode carries {@value #FINAL_OBS} (a copy of the flattened final observation) and
 * {@value #EPISODE} (a {@code Map} with {@code "r"}: double return and {@code "l"}: int length,
 * unless a wrapper such as RecordEpisodeStatistics already put one there).
 *
 * <p>Errors: a wrong action array length or the wrong array type throws
 * {@link IllegalArgumentException} naming expected and actual; an action outside the space throws
 * {@link VectorActionException} (an {@code InvalidActionException}) naming the sub-environment;
 * any other failure of a sub-environment throws {@link VectorEnvException} with its index. After a
 * failed step the batch is in an undefined state and must be {@code reset} before stepping again.
 * Stepping before the first reset or after close throws {@link IllegalStateException}.
 *
 * <p>Not thread-safe: call it from one thread at a time.
 */
public interface VectorEnv extends AutoCloseable {
    /** Info key: a {@code float[]} copy of the flattened final observation of an ended episode. */
    String FINAL_OBS = "final_obs";
    /** Info key (SAME_STEP only): the info map of the step that ended the episode. */
    String FINAL_INFO = "final_info";
    /** Info key: episode statistics {@code {"r": double return, "l": int length}}. */
    String EPISODE = "episode";
    /** Info key: {@code true} when this row's observation comes from an automatic reset. */
    String AUTORESET = "autoreset";

    /** Number of sub-environments. */
    int numEnvs();

    /** The observation space of one sub-environment (all are equal). */
    Space<?> observationSpace();

    /** The action space of one sub-environment (all are equal). */
    Space<?> actionSpace();

    /** Floats per observation row: {@code observationSpace().flatDim()}. */
    default int obsDim() {
        return observationSpace().flatDim();
    }

    /** Action values per sub-environment in the flat action arrays: {@code actionSpace().flatDim()}. */
    default int actionDim() {
        return actionSpace().flatDim();
    }

    /** How ended episodes are restarted. */
    AutoresetMode autoresetMode();

    /**
     * Resets sub-environment {@code i} with seed {@code seed + i} and returns the observations,
     * {@code [numEnvs * obsDim]} row-major (shared array, overwritten by the next call).
     */
    float[] reset(long seed);

    /** Resets every sub-environment without re-seeding; same shared array as {@link #reset(long)}. */
    float[] reset();

    /** The info maps returned by the sub-environments at the last {@code reset} (read-only view). */
    List<Map<String, Object>> resetInfos();

    /** Steps with one int action per sub-environment value: {@code [numEnvs * actionDim]}. */
    VectorStep step(int[] actions);

    /** Steps with Box actions: {@code [numEnvs * actionDim]} floats, row-major. */
    VectorStep step(float[] actions);

    /** Closes every sub-environment and stops any threads; calling it twice is harmless. */
    @Override
    void close();
}
