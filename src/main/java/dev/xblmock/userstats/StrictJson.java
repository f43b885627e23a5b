package dev.xblmock.userstats;

import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for request bodies: duplicate members and trailing content are errors (a body must mean
 * one thing), and fractional numbers stay exact so a numeric stat value keeps its decimal text.
 */
final class StrictJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Jackson's messages may point at "[Source: REDACTED …]" locations that mean nothing to a client. */
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\((?:start marker )?at \\[Source:[^\\]]*\\]\\)");

    private StrictJson() {
    }

    /** The parse error's message for a problem detail, without Jackson's internal source references. */
    static String describe(JacksonException e) {
        return SOURCE_REFERENCE.matcher(String.valueOf(e.getOriginalMessage())).replaceAll("");
    }
}
