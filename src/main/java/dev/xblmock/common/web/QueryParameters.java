package dev.xblmock.common.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.PercentDecoder;

/**
 * The query string parsed from the raw text (SPEC 7 "Parameters"). A value is data: every escape decodes to its
 * character, {@code %2F} and {@code %5C} included. Values are decoded when a route asks for them, so a parameter
 * no route reads is ignored whatever it holds, and invalid percent-encoding in one it reads is a 400 naming it
 * (the container would silently drop such a parameter). The first occurrence of a name wins; names are
 * case-sensitive.
 */
public final class QueryParameters {

    private static final QueryParameters EMPTY = new QueryParameters(Map.of());

    /** Decoded name to the raw (still encoded) value of its first occurrence. */
    private final Map<String, String> rawValues;

    private QueryParameters(Map<String, String> rawValues) {
        this.rawValues = rawValues;
    }

    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, String> rawValues = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            name(rawName).ifPresent(name -> rawValues.putIfAbsent(name, eq < 0 ? "" : pair.substring(eq + 1)));
        }
        return new QueryParameters(rawValues);
    }

    /** A name that does not decode is no parameter any route reads: it is ignored like any unknown one. */
    private static Optional<String> name(String rawName) {
        try {
            return Optional.of(PercentDecoder.decodeQuery(rawName, "A query parameter name", ErrorCode.INVALID_PARAMETER));
        } catch (XblException e) {
            return Optional.empty();
        }
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(getOrNull(name));
    }

    /** The decoded value; invalid percent-encoding in it is a 400 {@code InvalidParameter} naming the parameter. */
    public String getOrNull(String name) {
        String raw = rawValues.get(name);
        return raw == null ? null
                : PercentDecoder.decodeQuery(raw, "Query parameter '" + name + "'", ErrorCode.INVALID_PARAMETER);
    }

    /** An integer parameter within [min, max]; an empty or non-numeric value is a 400 naming the parameter. */
    public Optional<Integer> intParameter(String name, int min, int max) {
        String value = getOrNull(name);
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
        String value = getOrNull(name);
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
