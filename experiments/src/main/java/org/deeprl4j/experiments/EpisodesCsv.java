package org.deeprl4j.experiments;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprl4j.agents.EpisodeRecord;
import org.deeprl4j.agents.TrainResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Writes {@code episodes.csv}: {@code step,env,return,length} per finished training episode. It
 * holds no wall-clock column, so two runs with the same seed give identical files.
 */
public final class EpisodesCsv implements TrainingListener, AutoCloseable {
    private final BufferedWriter out;

    public EpisodesCsv(Path file) {
        try {
            out = Files.newBufferedWriter(file);
            out.write("step,env,return,length\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpisode(EpisodeRecord e) {
        try {
            out.write(e.step() + "," + e.env() + "," + e.episodeReturn() + "," + e.length() + "\n");
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
