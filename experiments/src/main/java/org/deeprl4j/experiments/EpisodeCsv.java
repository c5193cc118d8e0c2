package org.deeprl4j.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Writes one CSV line per finished training episode, flushed each time so an interrupted run keeps
 * its history. Two layouts: {@link #monitor} (Stable-Baselines3's {@code monitor.csv}) and
 * {@link #episodes} (deterministic, no wall-clock column).
 */
public final class EpisodeCsv implements TrainingListener, AutoCloseable {
    private final BufferedWriter out;
    private final Function<EpisodeRecord, String> row;

    private EpisodeCsv(Path file, String header, Function<EpisodeRecord, String> row, boolean append) {
        this.row = row;
        try {
            if (append && Files.exists(file)) { // a resumed run continues the file its checkpoint restored
                out = Files.newBufferedWriter(file, java.nio.file.StandardOpenOption.APPEND);
            } else {
                out = Files.newBufferedWriter(file);
                out.write(header);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * SB3's Monitor format: {@code #{"t_start": <unix seconds>, "env_id": "<id>"}}, a header
     * {@code r,l,t}, then return, length and seconds since the start per episode.
     */
    public static EpisodeCsv monitor(Path file, String envId, double startUnixSeconds) {
        return monitor(file, envId, startUnixSeconds, false);
    }

    /** {@link #monitor(Path, String, double)}; {@code append} continues an existing file without a new header. */
    public static EpisodeCsv monitor(Path file, String envId, double startUnixSeconds, boolean append) {
        String header = String.format(Locale.ROOT, "#{\"t_start\": %.6f, \"env_id\": \"%s\"}%nr,l,t%n", startUnixSeconds,
                envId.replace("\\", "\\\\").replace("\"", "\\\""));
        return new EpisodeCsv(file, header, e -> String.format(Locale.ROOT, "%s,%d,%.6f%n",
                e.episodeReturn(), e.length(), e.seconds()), append);
    }

    /** {@code step,env,return,length}: identical for two runs with the same seed. */
    public static EpisodeCsv episodes(Path file) {
        return episodes(file, false);
    }

    /** {@link #episodes(Path)}; {@code append} continues an existing file without a new header. */
    public static EpisodeCsv episodes(Path file, boolean append) {
        return new EpisodeCsv(file, "step,env,return,length\n",
                e -> e.step() + "," + e.env() + "," + e.episodeReturn() + "," + e.length() + "\n", append);
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        try {
            out.write(row.apply(e));
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void onEnd(TrainResult result) {
        close();
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
