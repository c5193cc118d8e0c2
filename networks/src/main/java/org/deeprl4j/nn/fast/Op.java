package org.deeprl4j.nn.fast;

/**
 * One vertex of a compiled graph: reads the row-major {@code [n, width]} buffers of its input
 * vertices and writes its own. Buffers are indexed by DL4J vertex index ("slots").
 */
abstract class Op {
    final int out;
    final int[] in;
    final int width;

    /**
     * @param out   slot of the output
     * @param in    slots of the inputs, in the vertex's input order
     * @param width output columns
     */
    Op(int out, int[] in, int width) {
        this.out = out;
        this.in = in.clone();
        this.width = width;
    }

    /** Computes rows {@code [0, n)} of the output slot from the input slots. */
    abstract void forward(float[][] slots, int n);

    /** Copies this op's parameters out of a snapshot of the network's flat parameter vector. */
    void load(float[] flat) {
    }

    /** Whether {@link #backward} is implemented for this op (training needs it for every op). */
    boolean hasBackward() {
        return true;
    }

    /**
     * Back-propagation for rows {@code [0, n)} after a {@link #forward} on the same slots:
     * {@code grads[out]} holds {@code dL/d(output)} (this op may overwrite it); adds
     * {@code dL/d(input k)} into {@code grads[in[k]]} (skipped where that buffer is null: nobody
     * needs it) and writes this op's parameter gradients into {@code paramGrad}, laid out like the
     * network's flat parameter vector.
     */
    abstract void backward(float[][] slots, float[][] grads, int n, float[] paramGrad);

    /** {@code dst[0, len) += src[0, len)}, if dst is wanted. */
    static void addInto(float[] dst, float[] src, int len) {
        if (dst != null) {
            for (int k = 0; k < len; k++) {
                dst[k] += src[k];
            }
        }
    }
}
