package org.deeprl4j.env.http;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reading request parameters the way the reference server does: a parameter that is absent,
 * {@code null}, {@code ""} or {@code []} counts as not provided; {@code 0} and {@code false} are
 * values. Wrong types are 400s naming the parameter.
 */
final class Params {
    private Params() {
    }

    static boolean provided(Map<String, Object> body, String name) {
        Object v = body.get(name);
        return v != null && !"".equals(v) && !(v instanceof List<?> l && l.isEmpty());
    }

    /** A required parameter of any JSON type. */
    static Object required(Map<String, Object> body, String name) {
        if (!provided(body, name)) {
            throw ApiException.missing(name);
        }
        return body.get(name);
    }

    static String requiredString(Map<String, Object> body, String name) {
        Object v = required(body, name);
        if (!(v instanceof String s)) {
            throw ApiException.badRequest("Parameter '" + name + "' must be a string, got " + Json.describe(v));
        }
        return s;
    }

    /** An optional integer (seeds); fractional, out-of-range or non-numeric values are 400s. */
    static OptionalLong optionalLong(Map<String, Object> body, String name) {
        if (!provided(body, name)) {
            return OptionalLong.empty();
        }
        Object v = body.get(name);
        if (v instanceof Integer || v instanceof Long) {
            return OptionalLong.of(((Number) v).longValue());
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return OptionalLong.of(b.longValue());
        }
        throw ApiException.badRequest("Parameter '" + name + "' must be an integer between "
                + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", got " + Json.describe(v));
    }

    static boolean optionalBoolean(Map<String, Object> body, String name) {
        if (!provided(body, name)) {
            return false;
        }
        Object v = body.get(name);
        if (!(v instanceof Boolean b)) {
            throw ApiException.badRequest("Parameter '" + name + "' must be true or false, got " + Json.describe(v));
        }
        return b;
    }
}
