package dev.xblmock.common.json;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the emulator's JSON mappers are built. A strict mapper reads what a client sent: duplicate members
 * and trailing content are errors (a body must mean one thing), nesting and string length are bounded by
 * Jackson's {@link StreamReadConstraints}, and fractional numbers stay exact so a value keeps its decimal text.
 * A plain mapper reads and writes the emulator's own documents (tokens, stored files, answers).
 */
public final class JsonMappers {

    /** Jackson's default nesting bound, which the Xbox endpoints' error details quote. */
    public static final int DEFAULT_MAX_DEPTH = StreamReadConstraints.DEFAULT_MAX_DEPTH;

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final JsonMapper STRICT = strict(DEFAULT_MAX_DEPTH, StreamReadConstraints.DEFAULT_MAX_STRING_LEN);

    private JsonMappers() {
    }

    /** The emulator's own documents: Jackson's defaults. */
    public static JsonMapper plain() {
        return PLAIN;
    }

    /** A strict mapper with Jackson's default bounds, for JSON text inside a request (a stat value, a blob). */
    public static JsonMapper strict() {
        return STRICT;
    }

    /** A strict mapper refusing nesting deeper than {@code maxDepth} and strings longer than {@code maxStringLength}. */
    public static JsonMapper strict(int maxDepth, long maxStringLength) {
        return strictFeatures(JsonMapper.builder(JsonFactory.builder()
                .streamReadConstraints(constraints(maxDepth, maxStringLength)).build())).build();
    }

    /** The read bounds of a strict mapper, for a factory of another format (YAML) that reads the same trees. */
    public static StreamReadConstraints constraints(int maxDepth, long maxStringLength) {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxDepth)
                .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxStringLength))
                .build();
    }

    /** The strict reading features, on any format's mapper builder. */
    public static <B extends MapperBuilder<?, B>> B strictFeatures(B builder) {
        return builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }
}
