package dev.xblmock.userstats;

import java.util.HashMap;
import java.util.Map;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.PercentDecoder;

/**
 * The query parameters of a request, read from the raw query string with strict percent-decoding (malformed
 * escapes are a 400). Reading the raw text, rather than the servlet's parameter map, also never consumes a
 * form-encoded request body that is really a JSON batch. The first occurrence of a name wins.
 */
final class QueryString {

    private final Map<String, String> values;

    private QueryString(Map<String, String> values) {
        this.values = values;
    }

    static QueryString parse(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
                String name = PercentDecoder.decodeQuery(rawName, "A query parameter name", ErrorCode.INVALID_PARAMETER);
                String value = PercentDecoder.decodeQuery(rawValue, "Query parameter '" + name + "'",
                        ErrorCode.INVALID_PARAMETER);
                values.putIfAbsent(name, value);
            }
        }
        return new QueryString(values);
    }

    /** The parameter's decoded value, "" when given without '=', null when absent. */
    String get(String name) {
        return values.get(name);
    }
}
