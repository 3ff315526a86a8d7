package io.tradecheck.model;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * Words for a request that Jackson could not read, shared by the JSON API and NDJSON order files so both name the
 * field and the expected type the same way.
 */
public final class JsonReadErrors {
    private JsonReadErrors() {
    }

    /** The field path of a mapping error ("customsValue", "items.[2]"); empty for the body itself. */
    public static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    /** What a field of this type accepts, in a client's words. */
    public static String typeName(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        return type.isRecord() ? "a JSON object" : type.getSimpleName();
    }

    /** Jackson's message without the source excerpt it appends on later lines. */
    public static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
