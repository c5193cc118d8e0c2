package org.deeprl4j.env.check;

/** How serious an {@link EnvChecker} finding is. */
public enum Severity {
    /** The environment breaks the API contract; {@link CheckReport#passed()} is false. */
    ERROR,
    /** Legal but likely a mistake or a source of poor learning (Gymnasium's {@code logger.warn}). */
    WARNING
}
