package org.deeprl4j.replay;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Binary helpers for the replay buffer file format (documented on {@link ReplayBuffer}): the
 * header, config checks and chunked big-endian primitive arrays (one {@code write} per 8 KiB
 * instead of one per value).
 */
final class BufferIO {
    static final byte[] MAGIC = "DRL4JRB1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;
    static final int KIND_UNIFORM = 1;
    static final int KIND_PRIORITIZED = 2;
    private static final int CHUNK = 8192;

    private BufferIO() {
    }

    static void writeHeader(DataOutputStream out, int kind) throws IOException {
        out.write(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(kind);
    }

    /** Reads and checks the magic, version and kind. */
    static void readHeader(DataInputStream in, int expectedKind) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        in.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a deeprl4j replay buffer: expected magic \"DRL4JRB1\", got \""
                    + new String(magic, StandardCharsets.ISO_8859_1) + "\"");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException("unsupported replay buffer format version " + version
                    + " (this build reads version " + VERSION + ")");
        }
        int kind = in.readInt();
        if (kind != expectedKind) {
            throw new IllegalArgumentException("saved buffer is " + kindName(kind)
                    + " but this buffer is " + kindName(expectedKind));
        }
    }

    static String kindName(int kind) {
        return switch (kind) {
            case KIND_UNIFORM -> "a uniform replay buffer";
            case KIND_PRIORITIZED -> "a prioritized replay buffer";
            default -> "of unknown kind " + kind;
        };
    }

    /** Reads an int config field and fails unless it equals this buffer's value. */
    static void expectInt(DataInputStream in, String name, int expected) throws IOException {
        int got = in.readInt();
        if (got != expected) {
            throw mismatch(name, Integer.toString(got), Integer.toString(expected));
        }
    }

    static void expectLong(DataInputStream in, String name, long expected) throws IOException {
        long got = in.readLong();
        if (got != expected) {
            throw mismatch(name, Long.toString(got), Long.toString(expected));
        }
    }

    static void expectDouble(DataInputStream in, String name, double expected) throws IOException {
        double got = in.readDouble();
        if (Double.doubleToRawLongBits(got) != Double.doubleToRawLongBits(expected)) {
            throw mismatch(name, Double.toString(got), Double.toString(expected));
        }
    }

    private static IllegalArgumentException mismatch(String name, String got, String expected) {
        return new IllegalArgumentException("saved buffer has " + name + "=" + got
                + " but this buffer has " + name + "=" + expected);
    }

    static void writeFloats(DataOutputStream out, float[] a, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < len; ) {
            int m = Math.min(len - i, CHUNK / Float.BYTES);
            bb.clear();
            bb.asFloatBuffer().put(a, i, m);
            out.write(bb.array(), 0, m * Float.BYTES);
            i += m;
        }
    }

    static void readFloats(DataInputStream in, float[] a, int len) throws IOException {
        byte[] buf = new byte[CHUNK];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        for (int i = 0; i < len; ) {
            int m = Math.min(len - i, CHUNK / Float.BYTES);
            in.readFully(buf, 0, m * Float.BYTES);
            bb.clear();
            bb.asFloatBuffer().get(a, i, m);
            i += m;
        }
    }

    static void writeDoubles(DataOutputStream out, double[] a, int from, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.allocate(CHUNK);
        for (int i = 0; i < len; ) {
            int m = Math.min(len - i, CHUNK / Double.BYTES);
            bb.clear();
            bb.asDoubleBuffer().put(a, from + i, m);
            out.write(bb.array(), 0, m * Double.BYTES);
            i += m;
        }
    }

    static void readDoubles(DataInputStream in, double[] a, int from, int len) throws IOException {
        byte[] buf = new byte[CHUNK];
        ByteBuffer bb = ByteBuffer.wrap(buf);
        for (int i = 0; i < len; ) {
            int m = Math.min(len - i, CHUNK / Double.BYTES);
            in.readFully(buf, 0, m * Double.BYTES);
            bb.clear();
            bb.asDoubleBuffer().get(a, from + i, m);
            i += m;
        }
    }
}
