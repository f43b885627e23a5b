package dev.xblmock.userstats;

import java.io.InputStream;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.common.json.ParserMessages;
import dev.xblmock.common.json.StrictJsonReader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a small JSON request body (a stats batch, a control-plane stats write) whatever its Content-Type:
 * clients send batches as text/plain or with no type at all. The {@link StrictJsonReader} bounds it by
 * {@code xblmock.stats.max-request-bytes}; this class words its refusals for User Statistics.
 */
public class JsonBodyReader {

    private final StrictJsonReader reader;

    public JsonBodyReader(StatsProperties properties) {
        long maxBytes = properties.maxRequestBytes().toBytes();
        this.reader = new StrictJsonReader(maxBytes, JsonMappers.DEFAULT_MAX_DEPTH, new StrictJsonReader.Answers() {
            @Override
            public XblException tooLarge(long declaredLength) {
                return XblException.of(ErrorCode.BODY_TOO_LARGE, "The request body has %s; at most %d bytes are "
                        + "allowed (xblmock.stats.max-request-bytes).",
                        declaredLength < 0 ? "more than " + maxBytes + " bytes" : declaredLength + " bytes", maxBytes);
            }

            @Override
            public XblException empty() {
                return XblException.of(ErrorCode.INVALID_BODY, "The request body is empty; a JSON object is required.");
            }

            @Override
            public XblException malformed(JacksonException e) {
                return XblException.of(ErrorCode.INVALID_BODY, "The request body is not valid JSON: %s%s.",
                        ParserMessages.clean(e.getOriginalMessage()), StrictJsonReader.inParentheses(e.getLocation()));
            }
        });
    }

    /**
     * @param declaredLength the request's Content-Length, or -1 when unknown (chunked)
     * @return the body's JSON object
     */
    public JsonNode readObject(InputStream body, long declaredLength) {
        JsonNode node = reader.read(body, declaredLength);
        if (!node.isObject()) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body must be a JSON object, not %s.",
                    node.getNodeType().name().toLowerCase());
        }
        return node;
    }
}
