package org.deeprl4j.experiments.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.DoubleSupplier;
import java.util.zip.CRC32C;

/**
 * Writes a TensorBoard event file {@code events.out.tfevents.<unix-seconds>.<hostname>} without
 * TensorFlow: a sequence of TFRecords, each
 * <pre>
 * uint64 length (little-endian) | uint32 masked_crc32c(length) | data | uint32 masked_crc32c(data)
 * </pre>
 * with {@code masked = ((crc >>> 15) | (crc << 17)) + 0xa282ead8} and the CRC32C of the JDK.
 * The data are {@code Event} protobufs ({@link EventProto}); the first announces
 * {@code file_version "brain.Event:2"}. Every {@link #scalar} is flushed, so TensorBoard sees it
 * at once and a killed process loses nothing already written.
 */
public final class TensorBoardWriter implements AutoCloseable {
    private static final int MASK_DELTA = 0xa282ead8;

    private final Path file;
    private final OutputStream out;
    private final DoubleSupplier wallClock;
    private boolean closed;

    private TensorBoardWriter(Path file, DoubleSupplier wallClock) throws IOException {
        this.file = file;
        this.wallClock = wallClock;
        this.out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        writeRecord(EventProto.fileVersion(wallClock.getAsDouble()));
    }

    /** Creates a new event file in {@code logDir} (created if needed), timestamped now, for this host. */
    public static TensorBoardWriter create(Path logDir) {
        return create(logDir, () -> System.currentTimeMillis() / 1000.0, hostname());
    }

    /**
     * Creates a new event file in {@code logDir} named after {@code wallClock}'s current second and
     * {@code hostname}; when that name is taken, {@code .1}, {@code .2}, ... is appended.
     *
     * @param wallClock seconds since the Unix epoch, the events' {@code wall_time}
     */
    public static TensorBoardWriter create(Path logDir, DoubleSupplier wallClock, String hostname) {
        String base = "events.out.tfevents." + (long) Math.floor(wallClock.getAsDouble()) + "."
                + hostname.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            Files.createDirectories(logDir);
            for (int n = 0; ; n++) {
                Path candidate = logDir.resolve(n == 0 ? base : base + "." + n);
                if (!Files.exists(candidate)) {
                    return new TensorBoardWriter(candidate, wallClock);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create TensorBoard event file in " + logDir + ": " + e.getMessage(), e);
        }
    }

    /** The event file being written. */
    public Path file() {
        return file;
    }

    /** Appends one scalar summary (tag as given, e.g. {@code charts/episodic_return}) and flushes. */
    public synchronized void scalar(String tag, float value, long step) {
        if (tag == null || tag.isEmpty()) {
            throw new IllegalArgumentException("TensorBoard tag must be non-empty, got '" + tag + "'");
        }
        if (closed) {
            throw new IllegalStateException("TensorBoard writer " + file + " is closed");
        }
        writeRecord(EventProto.scalar(wallClock.getAsDouble(), step, tag, value));
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeRecord(byte[] data) {
        try {
            out.write(record(data));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** One TFRecord around {@code data}. */
    static byte[] record(byte[] data) {
        ByteBuffer buf = ByteBuffer.allocate(8 + 4 + data.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(data.length);
        buf.putInt(maskedCrc32c(buf.array(), 0, 8));
        buf.put(data);
        buf.putInt(maskedCrc32c(data, 0, data.length));
        return buf.array();
    }

    /** TFRecord's masked CRC32C of {@code bytes[off, off + len)}. */
    static int maskedCrc32c(byte[] bytes, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, off, len);
        return mask((int) crc.getValue());
    }

    static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
