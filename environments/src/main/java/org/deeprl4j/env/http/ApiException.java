package org.deeprl4j.env.http;

import java.util.Map;

/**
 * A request the server answers with an error status and a JSON body {@code {"message": ...}}, as
 * the reference server's {@code InvalidUsage} does.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Map<String, String> headers;

    ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    ApiException(int status, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.headers = Map.copyOf(headers);
    }

    /** 400: bad input (the reference's status for every usage error, unknown instances included). */
    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    /** The reference server's message for a missing required parameter. */
    static ApiException missing(String param) {
        return badRequest("A required request parameter '" + param + "' was not provided");
    }

    int status() {
        return status;
    }

    /** Extra response headers ({@code Allow} for 405, {@code Connection: close} for 413). */
    Map<String, String> headers() {
        return headers;
    }
}
