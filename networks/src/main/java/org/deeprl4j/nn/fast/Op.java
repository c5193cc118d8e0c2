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
}
