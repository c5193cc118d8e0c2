package org.deeprl4j.env.http;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Records episode statistics of one served instance to a CSV file in Stable-Baselines3's
 * {@code Monitor} format, so SB3's {@code load_results} and deeprl4j's plots read it:
 *
 * <pre>
 * #{"t_start": 1712345678.123456, "env_id": "CartPole-v1"}
 * r,l,t
 * 23.0,23,0.004512
 * </pre>
 *
 * {@code r} is the episode return and {@code t} the seconds since monitoring started, both rounded
 * to 6 decimals; {@code l} is the episode length. A row is written (and flushed) when an episode
 * ends; an episode cut short by a reset is not recorded. Wall-clock time is metadata only.
 */
final class EpisodeMonitor implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private double episodeReturn;
    private int episodeLength;
    private long episodes;

    /**
     * Opens {@code file}; with {@code append} an existing file is continued (no second header),
     * otherwise it is overwritten.
     */
    EpisodeMonitor(Path file, String envId, boolean append, double epochSeconds, LongSupplier nanoClock) {
        this.file = file;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        boolean header = !append || !Files.exists(file) || sizeOf(file) == 0;
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            if (header) {
                // json.dumps spacing, as SB3 writes it: {"t_start": ..., "env_id": ...}
                out.write("#{\"t_start\": " + plain(epochSeconds) + ", \"env_id\": "
                        + Json.MAPPER.writeValueAsString(envId) + "}\n");
                out.write("r,l,t\n");
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write monitor file " + file + ": " + e.getMessage(), e);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A number without exponent notation ({@code 1712345678.5}, not {@code 1.7123456785E9}). */
    static String plain(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return BigDecimal.valueOf(v).toPlainString();
    }

    /** The CSV file being written. */
    Path file() {
        return file;
    }

    /** Episodes recorded so far. */
    long episodes() {
        return episodes;
    }

    /** Starts counting a new episode. */
    void onReset() {
        episodeReturn = 0.0;
        episodeLength = 0;
    }

    /** Accumulates a step; writes a row when the episode ended. */
    void onStep(double reward, boolean done) {
        episodeReturn += reward;
        episodeLength++;
        if (!done) {
            return;
        }
        double seconds = Math.round((nanoClock.getAsLong() - startNanos) / 1e3) / 1e6;
        double r = Math.round(episodeReturn * 1e6) / 1e6;
        try {
            out.write(plain(r) + "," + episodeLength + "," + plain(seconds) + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write monitor file " + file + ": " + e.getMessage(), e);
        }
        episodes++;
        onReset();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close monitor file " + file + ": " + e.getMessage(), e);
        }
    }
}
