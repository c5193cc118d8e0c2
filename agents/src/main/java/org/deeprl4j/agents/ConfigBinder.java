package org.deeprl4j.agents;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprl4j.env.Suggestions;

/**
 * Binds snake_case key/value maps (from YAML, JSON or {@code --set key=value}) onto validated
 * config records. Unknown keys and wrong types give an {@link IllegalArgumentException} naming the
 * key, what is allowed and the closest valid key; range errors come from the record's own
 * validation.
 */
public final class ConfigBinder {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ConfigBinder() {
    }

    /** The record as an ordered snake_case map (for writing resolved configs). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Record config) {
        return MAPPER.convertValue(config, LinkedHashMap.class);
    }

    /** The valid keys of a config record type. */
    public static List<String> keys(Class<? extends Record> type) {
        List<String> keys = new ArrayList<>();
        for (var c : type.getRecordComponents()) {
            keys.add(PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(c.getName()));
        }
        return keys;
    }

    /** {@code base} with the given keys replaced; validation runs on the result. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R override(R base, Map<String, ?> overrides) {
        Map<String, Object> merged = toMap(base);
        merged.putAll(overrides);
        return bind(merged, (Class<R>) base.getClass());
    }

    /** Binds a complete map to a record type. */
    public static <R extends Record> R bind(Map<String, ?> values, Class<R> type) {
        try {
            return MAPPER.convertValue(values, type);
        } catch (IllegalArgumentException e) {
            throw translate(e, type);
        }
    }

    private static IllegalArgumentException translate(IllegalArgumentException e, Class<? extends Record> type) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JsonMappingException) && cause.getCause() != null
                && !(cause instanceof IllegalArgumentException && cause.getCause() == null)) {
            cause = cause.getCause();
        }
        List<String> keys = keys(type);
        if (cause instanceof UnrecognizedPropertyException u) {
            return new IllegalArgumentException("unknown key '" + u.getPropertyName() + "' for " + configName(type)
                    + Suggestions.didYouMean(u.getPropertyName(), keys) + "; valid keys: " + String.join(", ", keys));
        }
        if (cause instanceof InvalidFormatException f) {
            return new IllegalArgumentException("key '" + path(f) + "' of " + configName(type) + " must be "
                    + f.getTargetType().getSimpleName() + ", got " + f.getValue());
        }
        if (cause instanceof MismatchedInputException m) {
            return new IllegalArgumentException("key '" + path(m) + "' of " + configName(type) + " has the wrong type (expected "
                    + (m.getTargetType() == null ? "another type" : m.getTargetType().getSimpleName()) + ")");
        }
        // validation in the record's compact constructor: keep its message
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException iae) {
            return new IllegalArgumentException(configName(type) + ": " + iae.getMessage(), iae);
        }
        return new IllegalArgumentException(configName(type) + ": " + root.getMessage(), e);
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append(sb.length() > 0 ? "." : "").append(r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]");
        }
        return sb.toString();
    }

    private static String configName(Class<?> type) {
        return type.getSimpleName();
    }
}
