package org.deeprl4j.env.vector;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The batched result of {@link VectorEnv#step}: row {@code i} belongs to sub-environment
 * {@code i}.
 *
 * <p><b>Reused:</b> a vector environment owns exactly one {@code VectorStep} and overwrites its
 * arrays on every {@code step} and {@code reset} (the observation array is the same one
 * {@link VectorEnv#reset} returns). Copy what you keep beyond the next call. Info maps are never
 * null; a sub-environment with nothing to report has an empty immutable map, so the common case
 * allocates nothing. The reserved info keys are listed in {@link VectorEnv}.
 */
public final class VectorStep implements java.io.Serializable {
    final int numEnvs;
    final int obsDim;
    final float[] observations;
    final double[] rewards;
    final boolean[] terminated;
    final boolean[] truncated;
    final boolean[] autoreset;
    final Map<String, Object>[] infos;
    private final List<Map<String, Object>> infoView;

    @SuppressWarnings("unchecked")
    VectorStep(int numEnvs, int obsDim) {
        this.numEnvs = numEnvs;
        this.obsDim = obsDim;
        this.observations = new float[numEnvs * obsDim];
        this.rewards = new double[numEnvs];
        this.terminated = new boolean[numEnvs];
        this.truncated = new boolean[numEnvs];
        this.autoreset = new boolean[numEnvs];
        this.infos = new Map[numEnvs];
        Arrays.fill(infos, Map.of());
        this.infoView = new ArrayView<>(infos);
    }

    /** Number of sub-environments (rows). */
    public int numEnvs() {
        return numEnvs;
    }

    /** Floats per observation row. */
    public int obsDim() {
        return obsDim;
    }

    /** Flattened observations, {@code [numEnvs * obsDim]} row-major (shared, reused). */
    public float[] observations() {
        return observations;
    }

    /** Rewards, {@code [numEnvs]} (shared, reused). */
    public double[] rewards() {
        return rewards;
    }

    /** Terminal-state flags, {@code [numEnvs]} (shared, reused). */
    public boolean[] terminated() {
        return terminated;
    }

    /** Time-limit (truncation) flags, {@code [numEnvs]} (shared, reused). */
    public boolean[] truncated() {
        return truncated;
    }

    /**
     * {@code autoreset[i]} is true when row {@code i}'s observation is the first observation of a
     * new episode started by an automatic reset during this step ({@code [numEnvs]}, shared, reused).
     */
    public boolean[] autoreset() {
        return autoreset;
    }

    /** True when sub-environment {@code i}'s episode ended at this step, for either reason. */
    public boolean done(int i) {
        return terminated[i] || truncated[i];
    }

    /** Sub-environment {@code i}'s info; never null, usually empty. */
    public Map<String, Object> info(int i) {
        return infos[i];
    }

    /** All infos as a read-only list view (index = sub-environment). */
    public List<Map<String, Object>> infos() {
        return infoView;
    }

    /** Clears rewards, flags and infos (after a reset). */
    void clear() {
        Arrays.fill(rewards, 0.0);
        Arrays.fill(terminated, false);
        Arrays.fill(truncated, false);
        Arrays.fill(autoreset, false);
        Arrays.fill(infos, Map.of());
    }

    @Override
    public String toString() {
        return "VectorStep(numEnvs=" + numEnvs + ", rewards=" + Arrays.toString(rewards)
                + ", terminated=" + Arrays.toString(terminated) + ", truncated=" + Arrays.toString(truncated) + ")";
    }

    /** A read-only, allocation-free list view over an array that is updated in place. */
    static final class ArrayView<T> extends AbstractList<T> implements java.io.Serializable {
        private final T[] array;

        ArrayView(T[] array) {
            this.array = array;
        }

        @Override
        public T get(int index) {
            return array[index];
        }

        @Override
        public int size() {
            return array.length;
        }
    }
}
