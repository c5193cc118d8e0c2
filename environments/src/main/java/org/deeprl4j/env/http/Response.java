package org.deeprl4j.env.http;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * An HTTP response of the Gym API.
 *
 * @param status HTTP status code
 * @param body response body; empty for 204
 * @param contentType media type of the body
 * @param headers extra response headers
 * @param afterSend run once the response was sent (the shutdown endpoint stops the server here); may be null
 */
record Response(int status, byte[] body, String contentType, Map<String, String> headers, Runnable afterSend) {
    static final String JSON = "application/json";

    static Response json(byte[] body) {
        return new Response(200, body, JSON, Map.of(), null);
    }

    static Response noContent() {
        return new Response(204, new byte[0], JSON, Map.of(), null);
    }

    /** {@code {"message": ...}} with the exception's status and headers. */
    static Response error(ApiException e) {
        return new Response(e.status(), Json.object("message", e.getMessage()), JSON, e.headers(), null);
    }

    static Response text(String text, Runnable afterSend) {
        return new Response(200, text.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8", Map.of(), afterSend);
    }
}
