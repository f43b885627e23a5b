package dev.xblmock.userstats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a small JSON request body (a stats batch, a control-plane stats write) whatever its Content-Type:
 * clients send batches as text/plain or with no type at all. The body is bounded
 * ({@code xblmock.stats.max-request-bytes}): a declared length over the limit is refused before reading,
 * and reading stops one byte past it.
 */
public class JsonBodyReader {

    private final int maxBytes;

    public JsonBodyReader(StatsProperties properties) {
        this.maxBytes = (int) properties.maxRequestBytes().toBytes();
    }

    /**
     * @param declaredLength the request's Content-Length, or -1 when unknown (chunked)
     * @return the body's JSON object
     */
    public JsonNode readObject(InputStream body, long declaredLength) {
        if (declaredLength > maxBytes) {
            throw tooLarge(declaredLength + " bytes");
        }
        byte[] bytes;
        try {
            bytes = body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge("more than " + maxBytes + " bytes");
        }
        if (isBlank(bytes)) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body is empty; a JSON object is required.");
        }
        JsonNode node;
        try {
            node = StrictJson.MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body is not valid JSON: %s%s.",
                    StrictJson.describe(e), where(e.getLocation()));
        }
        if (!node.isObject()) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body must be a JSON object, not %s.",
                    node.getNodeType().name().toLowerCase());
        }
        return node;
    }

    private XblException tooLarge(String size) {
        return XblException.of(ErrorCode.BODY_TOO_LARGE, "The request body has %s; at most %d bytes are allowed "
                + "(xblmock.stats.max-request-bytes).", size, maxBytes);
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
