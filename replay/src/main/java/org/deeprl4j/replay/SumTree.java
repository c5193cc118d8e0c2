package org.deeprl4j.replay;

/**
 * A sum segment tree over {@code capacity} non-negative priorities (any capacity, not only powers
 * of two), for proportional prioritized replay: O(log n) updates, O(1) total, O(log n) sampling
 * of a slot with probability proportional to its priority.
 *
 * <p>Leaves are padded with zeros up to the next power of two, so a left subtree always covers a
 * contiguous prefix of slots and {@link #find} is a true prefix-sum search. Every inner node is
 * recomputed as the sum of its children (never updated by deltas), so the tree is a deterministic
 * function of its leaves and never drifts.
 */
public final class SumTree {
    private final int capacity;
    private final int leafBase; // first leaf node; nodes 1..leafBase-1 are inner, node 1 is the root
    private final double[] nodes;

    /** A tree of {@code capacity} zero priorities. */
    public SumTree(int capacity) {
        this.capacity = capacity;
        this.leafBase = leafBase(capacity);
        this.nodes = new double[2 * leafBase];
    }

    static int leafBase(int capacity) {
        if (capacity < 1 || capacity > (1 << 30)) {
            throw new IllegalArgumentException("tree capacity must be in [1, 2^30], got " + capacity);
        }
        return capacity == 1 ? 1 : Integer.highestOneBit(capacity - 1) << 1;
    }

    public int capacity() {
        return capacity;
    }

    /** Sets the priority of {@code index}; it must be finite and non-negative. */
    public void set(int index, double priority) {
        checkIndex(index);
        if (!(priority >= 0.0) || Double.isInfinite(priority)) {
            throw new IllegalArgumentException("priority must be finite and >= 0, got " + priority
                    + " at index " + index);
        }
        int node = leafBase + index;
        nodes[node] = priority;
        for (node >>= 1; node >= 1; node >>= 1) {
            nodes[node] = nodes[2 * node] + nodes[2 * node + 1];
        }
    }

    /** The priority of {@code index}. */
    public double get(int index) {
        checkIndex(index);
        return nodes[leafBase + index];
    }

    /** The sum of all priorities. */
    public double total() {
        return nodes[1];
    }

    /**
     * The index {@code i} with {@code prefix(i) <= mass < prefix(i + 1)}, where {@code prefix(i)} is
     * the sum of the priorities of indices below {@code i}. Only indices with a positive priority
     * are returned: a mass at or beyond the total (floating-point rounding) gives the last index with
     * positive priority.
     *
     * @throws IllegalArgumentException if {@code mass} is negative or NaN
     * @throws IllegalStateException if every priority is zero
     */
    public int find(double mass) {
        if (!(mass >= 0.0)) {
            throw new IllegalArgumentException("mass must be >= 0, got " + mass);
        }
        if (!(nodes[1] > 0.0)) {
            throw new IllegalStateException("cannot sample from a sum tree whose priorities are all zero");
        }
        int node = 1;
        while (node < leafBase) {
            int left = 2 * node;
            // Descend right only into a subtree with positive mass, so rounding can never select a
            // zero-priority (padding or unfilled) leaf.
            if (mass < nodes[left] || !(nodes[left + 1] > 0.0)) {
                node = left;
            } else {
                mass -= nodes[left];
                node = left + 1;
            }
        }
        return node - leafBase;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + capacity + ")");
        }
    }
}
