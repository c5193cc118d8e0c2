package org.deeprl4j.agents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deeprl4j.env.Rng;
import org.deeprl4j.nn.Network;
import org.deeprl4j.nn.NetworkState;

/**
 * Named binary sections of a checkpoint (a checkpoint file stores one zip entry per section).
 * Sections are written with {@link DataOutputStream}; helpers cover the common parts: networks
 * with their optimizer state, random generators, counters.
 */
public final class StateBundle {
    /** Writes one section. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** Reads one section. */
    @FunctionalInterface
    public interface Reader {
        void read(DataInputStream in) throws IOException;
    }

    private final Map<String, byte[]> sections = new LinkedHashMap<>();

    /** Adds (or replaces) a section. */
    public void put(String name, Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        }
        sections.put(name, bytes.toByteArray());
    }

    /** Adds raw section bytes (as read from a checkpoint file). */
    public void putBytes(String name, byte[] bytes) {
        sections.put(name, bytes.clone());
    }

    /**
     * Reads a section.
     *
     * @throws IOException if it is missing or shorter than the reader expects
     */
    public void read(String name, Reader reader) throws IOException {
        byte[] b = sections.get(name);
        if (b == null) {
            throw new IOException("checkpoint lacks section '" + name + "' (sections: " + sections.keySet() + ")");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            reader.read(in);
        } catch (EOFException e) {
            throw new IOException("checkpoint section '" + name + "' is truncated", e);
        }
    }

    /** Section names in insertion order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(sections.keySet());
    }

    /** The bytes of a section, or null. */
    public byte[] bytes(String name) {
        byte[] b = sections.get(name);
        return b == null ? null : b.clone();
    }

    /** A network's parameters, optimizer state and iteration count ({@link NetworkState}). */
    public void putNetwork(String name, Network net) throws IOException {
        put(name, out -> NetworkState.write(net, out));
    }

    /** Restores a network written by {@link #putNetwork}. */
    public void readNetwork(String name, Network net) throws IOException {
        read(name, in -> NetworkState.read(net, in));
    }

    /** Random generator states and long counters, in order. */
    public void putState(String name, Rng[] rngs, long... counters) throws IOException {
        put(name, out -> {
            out.writeInt(rngs.length);
            for (Rng r : rngs) {
                long[] s = r.state();
                out.writeInt(s.length);
                for (long x : s) {
                    out.writeLong(x);
                }
            }
            out.writeInt(counters.length);
            for (long c : counters) {
                out.writeLong(c);
            }
        });
    }

    /**
     * Restores the generators in place and returns the counters written by {@link #putState}.
     *
     * @throws IOException if the numbers of generators or counters differ
     */
    public long[] readState(String name, Rng... rngs) throws IOException {
        long[][] result = new long[1][];
        read(name, in -> {
            int n = in.readInt();
            if (n != rngs.length) {
                throw new IOException("section '" + name + "' holds " + n + " random generators, expected " + rngs.length);
            }
            long[][] states = new long[n][];
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 0 || len > 64) {
                    throw new IOException("section '" + name + "': corrupt generator state length " + len);
                }
                states[i] = new long[len];
                for (int k = 0; k < len; k++) {
                    states[i][k] = in.readLong();
                }
            }
            int c = in.readInt();
            if (c < 0 || c > 1 << 16) {
                throw new IOException("section '" + name + "': corrupt counter count " + c);
            }
            long[] counters = new long[c];
            for (int k = 0; k < c; k++) {
                counters[k] = in.readLong();
            }
            for (int i = 0; i < n; i++) {
                rngs[i].setState(states[i]);
            }
            result[0] = counters;
        });
        return result[0];
    }
}
