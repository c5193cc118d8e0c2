package org.deeprl4j.replay;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/** Index orders over a {@link RolloutStore} and the lazy minibatch iteration over them. */
final class RolloutMinibatches {
    private RolloutMinibatches() {
    }

    /**
     * Batches of {@code batchSize} (the last one the remainder) over a uniform permutation drawn
     * now: Fisher-Yates from the last index down, {@code j = rng.nextInt(i + 1)}.
     */
    static Iterable<RolloutBatch> shuffled(RolloutStore store, int batchSize, RandomGenerator rng,
                                           BooleanSupplier stillValid) {
        int n = store.rows();
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int size = Math.min(batchSize, n);
        return () -> new BatchIterator(store, order, size, stillValid);
    }

    /** All rows in storage order as one batch. */
    static RolloutBatch all(RolloutStore store) {
        int n = store.rows();
        return store.gather(identity(n), 0, n);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Gathers each batch when reached, so only one batch of INDArrays exists per step. */
    private static final class BatchIterator implements Iterator<RolloutBatch> {
        private final RolloutStore store;
        private final int[] order;
        private final int batchSize;
        private final BooleanSupplier stillValid;
        private int next;

        BatchIterator(RolloutStore store, int[] order, int batchSize, BooleanSupplier stillValid) {
            this.store = store;
            this.order = order;
            this.batchSize = batchSize;
            this.stillValid = stillValid;
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public RolloutBatch next() {
            if (next >= order.length) {
                throw new NoSuchElementException("all " + order.length + " transitions were returned");
            }
            if (!stillValid.getAsBoolean()) {
                throw new IllegalStateException(
                        "the rollout buffer was reset or reloaded during minibatch iteration");
            }
            int len = Math.min(batchSize, order.length - next);
            RolloutBatch batch = store.gather(order, next, len);
            next += len;
            return batch;
        }
    }
}
