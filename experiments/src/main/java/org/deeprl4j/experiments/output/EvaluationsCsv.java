package org.deeprl4j.experiments.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.deeprl4j.agents.EvalResult;
import org.deeprl4j.agents.TrainingListener;

/**
 * Writes {@code evaluations.csv}: {@code step,mean,std,episodes} per evaluation (mean and
 * population std of the episode returns). Each row is appended and the file closed again, so rows
 * can also be added after training (the final evaluation) with {@link #write}.
 */
public final class EvaluationsCsv implements TrainingListener {
    public static final String FILE = "evaluations.csv";
    static final String HEADER = "step,mean,std,episodes";

    private final Path file;

    /** Creates (or replaces) {@code file} with the header line. */
    public EvaluationsCsv(Path file) {
        this(file, false);
    }

    /** {@code append}: continue an existing file (a resumed run) instead of replacing it. */
    public EvaluationsCsv(Path file, boolean append) {
        this.file = file;
        if (append && Files.exists(file)) {
            return;
        }
        append(HEADER + "\n", StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    @Override
    public void onEvaluation(long step, EvalResult result) {
        write(step, result);
    }

    /** Appends one row. */
    public void write(long step, EvalResult result) {
        append(step + "," + OutputFiles.number(result.mean()) + "," + OutputFiles.number(result.std()) + ","
                + result.returns().length + "\n", StandardOpenOption.APPEND);
    }

    private void append(String text, StandardOpenOption... options) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
