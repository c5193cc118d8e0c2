package org.deeprl4j.env.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;
import org.deeprl4j.env.spaces.Box;
import org.deeprl4j.env.spaces.Dict;
import org.deeprl4j.env.spaces.Discrete;
import org.deeprl4j.env.spaces.Space;

/**
 * JSON for the Gym HTTP API, shared by the server and the client.
 *
 * <p>Floats: a float32 value is written as the decimal of its exact double value
 * ({@code Double.toString((double) f)}, e.g. {@code 0.03418374061584473}), which is what the
 * reference server sends ({@code numpy.float32.tolist()} gives a Python float, printed with
 * {@code repr}). Parsing that text as a double and casting to float gives back the same float bit
 * for bit, in Java, Python and NumPy alike. (Jackson would write a {@code float} with
 * {@code Float.toString}, a shorter decimal that is not the float's value as a double: Python
 * clients that keep float64 would see a slightly different number.)
 *
 * <p>Observations nest like {@code numpy.ndarray.tolist()}: a Box of shape {@code [2, 3]} is a
 * list of two lists of three numbers; Discrete is a plain integer. Non-finite numbers are written
 * as bare {@code NaN}/{@code Infinity}, as Python's {@code json} module writes and reads them.
 */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Writes one JSON document. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private Json() {
    }

    /** Serializes what {@code writer} generates. */
    static byte[] bytes(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array never fails; unsupported values are stringified
        }
        return out.toByteArray();
    }

    /** {@code {"key": value}} for any JSON-compatible value. */
    static byte[] object(String key, Object value) {
        return bytes(g -> {
            g.writeStartObject();
            g.writeFieldName(key);
            writeAny(g, value);
            g.writeEndObject();
        });
    }

    /**
     * Parses a request body that must be a JSON object; an empty body or {@code null} (what the
     * reference Python client posts for parameterless calls) gives an empty map.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(byte[] body) {
        if (isBlank(body)) {
            return Map.of();
        }
        Object v;
        try {
            v = MAPPER.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("Request is not a valid json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("Request is not a valid json: " + e.getMessage());
        }
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw ApiException.badRequest("Request must be a JSON object, got " + describe(v));
        }
        return (Map<String, Object>) m;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A short name of a JSON-decoded value's type, for error messages. */
    static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof Collection) {
            return "a list";
        }
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + '"';
        }
        return v instanceof Boolean ? "the boolean " + v : "the number " + v;
    }

    /**
     * Writes an element of {@code space} the way the reference server's {@code to_jsonable}
     * does: nested lists by shape, exact doubles for float32, integers for discrete values.
     */
    static void writeValue(JsonGenerator g, Space<?> space, Object value) throws IOException {
        if (space instanceof Discrete) {
            g.writeNumber(((Number) value).intValue());
        } else if (space instanceof Dict dict) {
            Map<?, ?> m = (Map<?, ?>) value;
            g.writeStartObject();
            for (Map.Entry<String, Space<?>> e : dict.spaces().entrySet()) {
                g.writeFieldName(e.getKey());
                writeValue(g, e.getValue(), m.get(e.getKey()));
            }
            g.writeEndObject();
        } else {
            int[] shape = space instanceof Box<?> ? space.shape() : shapeOf(space, value);
            writeNested(g, value, shape, 0, 0, Array.getLength(value));
        }
    }

    private static int[] shapeOf(Space<?> space, Object value) {
        int[] shape = space.shape();
        return shape.length == 0 ? new int[] {Array.getLength(value)} : shape;
    }

    /** Writes {@code flat[from, from + count)} nested by {@code shape[dim..]}. */
    private static void writeNested(JsonGenerator g, Object flat, int[] shape, int dim, int from, int count)
            throws IOException {
        if (dim == shape.length) {
            writeElement(g, flat, from);
            return;
        }
        g.writeStartArray();
        int stride = count / shape[dim];
        for (int i = 0; i < shape[dim]; i++) {
            writeNested(g, flat, shape, dim + 1, from + i * stride, stride);
        }
        g.writeEndArray();
    }

    private static void writeElement(JsonGenerator g, Object flat, int i) throws IOException {
        if (flat instanceof float[] f) {
            g.writeNumber((double) f[i]); // exact: see the class comment
        } else if (flat instanceof double[] d) {
            g.writeNumber(d[i]);
        } else if (flat instanceof int[] a) {
            g.writeNumber(a[i]);
        } else {
            writeAny(g, Array.get(flat, i));
        }
    }

    /**
     * Writes an info value or other plain data: numbers, booleans, strings, maps, collections and
     * primitive arrays; anything else as its {@code toString()}.
     */
    static void writeAny(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Float f) {
            g.writeNumber(f.doubleValue());
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else if (v instanceof CharSequence s) {
            g.writeString(s.toString());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                writeAny(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                writeAny(g, o);
            }
            g.writeEndArray();
        } else if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            g.writeStartArray();
            for (int i = 0; i < n; i++) {
                writeElement(g, v, i);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
