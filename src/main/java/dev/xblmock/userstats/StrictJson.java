package dev.xblmock.userstats;

import dev.xblmock.common.json.ParserMessages;
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

    private StrictJson() {
    }

    /** The parse error's message for a problem detail, in plain words (no Jackson internals). */
    static String describe(JacksonException e) {
        return ParserMessages.clean(e.getOriginalMessage());
    }
}
