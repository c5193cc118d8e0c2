package org.deeprl4j.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Writes finished training episodes to {@code monitor.csv} in Stable-Baselines3's Monitor format:
 * a first line {@code #{"t_start": <unix seconds>, "env_id": "<id>"}}, a header {@code r,l,t},
 * then one line per episode (return, length, seconds since start). Flushed per episode so an
 * interrupted run keeps its history.
 */
public final class MonitorCsv implements TrainingListener, AutoCloseable {
    private final BufferedWriter out;

    public MonitorCsv(Path file, String envId, double startUnixSeconds) {
        try {
            out = Files.newBufferedWriter(file);
            out.write(String.format(Locale.ROOT, "#{\"t_start\": %.6f, \"env_id\": \"%s\"}%n", startUnixSeconds,
                    envId.replace("\\", "\\\\").replace("\"", "\\\"")));
            out.write("r,l,t\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        try {
            out.write(String.format(Locale.ROOT, "%s,%d,%.6f%n", fmt(e.episodeReturn()), e.length(), e.seconds()));
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

    private static String fmt(double r) {
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) + ".0" : Double.toString(r);
    }
}
