package dev.xblmock.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query string parsed strictly from the raw text: invalid percent-encoding is a 400 (the container would
 * silently drop such a parameter). The first occurrence of a name wins; names are case-sensitive.
 */
public final class QueryParameters {

    private static final QueryParameters EMPTY = new QueryParameters(Map.of());

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            String name = PercentDecoder.decodeQuery(rawName, "A query parameter name", ErrorCode.INVALID_PARAMETER);
            String value = PercentDecoder.decodeQuery(rawValue, "Query parameter '" + name + "'", ErrorCode.INVALID_PARAMETER);
            values.putIfAbsent(name, value);
        }
        return new QueryParameters(values);
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String getOrNull(String name) {
        return values.get(name);
    }

    /** An integer parameter within [min, max]; an empty or non-numeric value is a 400 naming the parameter. */
    public Optional<Integer> intParameter(String name, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        boolean digits = !value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9');
        long parsed = digits ? Long.parseLong(value) : -1;
        if (parsed < min || parsed > max) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter '%s' is '%s'; it must be an integer from %d to %d.", name,
                    Identifiers.printable(value), min, max);
        }
        return Optional.of((int) parsed);
    }

    /** {@code true}/{@code false}, case-insensitive; anything else (including empty) is a 400. */
    public Optional<Boolean> booleanParameter(String name) {
        String value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (value.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        throw XblException.of(ErrorCode.INVALID_PARAMETER,
                "Query parameter '%s' is '%s'; it must be true or false.", name, Identifiers.printable(value));
    }
}
