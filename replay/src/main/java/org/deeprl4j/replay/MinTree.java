package org.deeprl4j.replay;

import java.util.Arrays;

/**
 * A min segment tree over {@code capacity} values (any capacity): O(log n) updates and O(1)
 * minimum. Unset slots (and the power-of-two padding) hold {@code +Infinity}, so the minimum covers
 * only slots that were set. Prioritized replay uses it for the smallest stored priority, which gives
 * the largest importance weight.
 */
public final class MinTree {
    private final int capacity;
    private final int leafBase;
    private final double[] nodes;

    /** A tree of {@code capacity} unset ({@code +Infinity}) slots. */
    public MinTree(int capacity) {
        this.capacity = capacity;
        this.leafBase = SumTree.leafBase(capacity);
        this.nodes = new double[2 * leafBase];
        Arrays.fill(nodes, Double.POSITIVE_INFINITY);
    }

    public int capacity() {
        return capacity;
    }

    /** Sets the value of {@code index}; it must not be NaN. */
    public void set(int index, double value) {
        checkIndex(index);
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("value must not be NaN at index " + index);
        }
        int node = leafBase + index;
        nodes[node] = value;
        for (node >>= 1; node >= 1; node >>= 1) {
            nodes[node] = Math.min(nodes[2 * node], nodes[2 * node + 1]);
        }
    }

    /** The value of {@code index} ({@code +Infinity} if unset). */
    public double get(int index) {
        checkIndex(index);
        return nodes[leafBase + index];
    }

    /** The smallest value ({@code +Infinity} if nothing was set). */
    public double min() {
        return nodes[1];
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= capacity) {
            throw new IndexOutOfBoundsException("index " + index + " outside [0, " + capacity + ")");
        }
    }
}
