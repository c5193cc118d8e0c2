package org.deeprl4j.env.check;

/**
 * One problem found by {@link EnvChecker}.
 *
 * @param severity {@link Severity#ERROR} for a broken contract, {@link Severity#WARNING} otherwise
 * @param check the name of the check that found it (one of the {@code EnvChecker.CHECK_*} names)
 * @param message what is wrong, naming the call, step, element and values at fault
 */
public record Finding(Severity severity, String check, String message) {
    public Finding {
        if (severity == null || check == null || message == null) {
            throw new IllegalArgumentException("a finding needs a severity, a check name and a message");
        }
    }

    static Finding error(String check, String message) {
        return new Finding(Severity.ERROR, check, message);
    }

    static Finding warning(String check, String message) {
        return new Finding(Severity.WARNING, check, message);
    }

    @Override
    public String toString() {
        return severity + " [" + check + "] " + message;
    }
}
