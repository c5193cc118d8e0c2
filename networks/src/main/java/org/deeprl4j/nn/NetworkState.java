package org.deeprl4j.nn;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.updater.graph.ComputationGraphUpdater;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The complete training state of a {@link Network} for checkpoints: parameters, the optimizer's
 * state (Adam moments, RMSProp averages) and the iteration and epoch counts (Adam's bias
 * correction), as raw floats so a restored network continues bit for bit. Format: magic, version,
 * parameter count and values, updater-state count and values (0 for SGD), iteration, epoch.
 */
public final class NetworkState {
    private static final int MAGIC = 0x444E5331; // "DNS1"
    private static final int VERSION = 1;

    private NetworkState() {
    }

    /** Writes the state of {@code net}. */
    public static void write(Network net, DataOutputStream out) throws IOException {
        ComputationGraph g = net.graph();
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        writeFloats(out, g.params());
        ComputationGraphUpdater updater = g.getUpdater(true);
        INDArray state = updater == null ? null : updater.getStateViewArray();
        writeFloats(out, state);
        out.writeInt(g.getConfiguration().getIterationCount());
        out.writeInt(g.getConfiguration().getEpochCount());
    }

    /**
     * Restores a state written by {@link #write} into a network of the same architecture; nothing
     * changes unless the whole state was read and matches.
     *
     * @throws IOException if the stream is not a network state, is truncated or belongs to another
     *     architecture (parameter or optimizer-state counts differ)
     */
    public static void read(Network net, DataInputStream in) throws IOException {
        ComputationGraph g = net.graph();
        if (in.readInt() != MAGIC) {
            throw new IOException("not a network state (bad magic number)");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported network state version " + version + " (this build reads " + VERSION + ")");
        }
        float[] params = readFloats(in);
        float[] state = readFloats(in);
        int iteration = in.readInt();
        int epoch = in.readInt();
        if (params.length != g.numParams()) {
            throw new IOException("network state has " + params.length + " parameters, the network " + g.numParams());
        }
        ComputationGraphUpdater updater = g.getUpdater(true);
        INDArray view = updater == null ? null : updater.getStateViewArray();
        long expected = view == null ? 0 : view.length();
        if (state.length != expected) {
            throw new IOException("network state has " + state.length + " optimizer values, the network's optimizer " + expected);
        }
        g.params().assign(Nd4j.create(params, new long[] {1, params.length}, 'c').castTo(g.params().dataType())); // [1, numParams]
        if (view != null) {
            view.assign(Nd4j.create(state, new long[] {1, state.length}, 'c').castTo(view.dataType()));      // [1, nState]
        }
        g.getConfiguration().setIterationCount(iteration);
        g.getConfiguration().setEpochCount(epoch);
    }

    private static void writeFloats(DataOutputStream out, INDArray a) throws IOException {
        if (a == null) {
            out.writeLong(0);
            return;
        }
        float[] v = a.castTo(DataType.FLOAT).dup('c').reshape(a.length()).toFloatVector(); // [n]
        out.writeLong(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        long n = in.readLong();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IOException("corrupt network state: array length " + n);
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }
}
