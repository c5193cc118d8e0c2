package org.deeprl4j.env.http;

/**
 * A Gym HTTP request failed: the server answered with an error status (its {@code message} is in
 * {@link #serverMessage()}), or it could not be reached or answered with something unreadable
 * ({@link #status()} is 0).
 */
public class GymHttpException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String serverMessage;

    public GymHttpException(String message, int status, String serverMessage, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.serverMessage = serverMessage;
    }

    /** The HTTP status, or 0 when there was no HTTP response. */
    public int status() {
        return status;
    }

    /** The {@code message} of the server's JSON error body, or null. */
    public String serverMessage() {
        return serverMessage;
    }
}
