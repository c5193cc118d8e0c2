package org.deeprl4j.nn;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A model file is missing, unreadable, corrupt, not a deeprl4j model or of an unsupported format.
 * Checked (an {@link IOException}) because callers already handle I/O failures when loading; the
 * message names the file and the problem.
 */
public class ModelFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ModelFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super("model file " + file + ": " + problem, cause);
        this.file = file;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
