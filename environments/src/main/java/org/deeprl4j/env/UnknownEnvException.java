package org.deeprl4j.env;

/** Thrown by {@link Envs#make} for an id that is not registered; the message lists close matches. */
public class UnknownEnvException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnknownEnvException(String message) {
        super(message);
    }
}
