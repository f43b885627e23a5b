package dev.xblmock.titlestorage.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.settings.BatchProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the batch download body {@code {"xuids":[…]}} (SPEC 3.9): at most {@code xblmock.batch.max-body-bytes}
 * bytes, whatever its {@code Content-Type}; 1 to {@code xblmock.batch.max-xuids} entries, each an unsigned
 * 64-bit integer or a string of 1 to 20 decimal digits. Other members are ignored. Every violation is a 400
 * naming the member or entry and the rule.
 */
@Component
public class BatchRequestReader {

    private static final BigInteger MAX_XUID = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final String SHAPE = "{\"xuids\":[<xuid>, …]}";

    private final BatchProperties properties;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    public BatchRequestReader(BatchProperties properties) {
        this.properties = properties;
    }

    /**
     * @param body           the request body
     * @param declaredLength its declared length, or -1 when unknown (chunked); a declared length over the limit
     *                       is refused before anything is read
     */
    public List<Xuid> read(InputStream body, long declaredLength) throws IOException {
        long limit = properties.bodyLimit();
        if (declaredLength > limit) {
            throw tooLarge(limit);
        }
        byte[] bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        return parse(bytes);
    }

    List<Xuid> parse(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body is not valid JSON%s; send %s.",
                    where(e.getLocation()), SHAPE);
        }
        if (root == null || root.isMissingNode()) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body is empty; send %s.", SHAPE);
        }
        if (!root.isObject()) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body must be a JSON object %s.", SHAPE);
        }
        JsonNode xuids = root.get("xuids");
        if (xuids == null) {
            throw XblException.of(ErrorCode.INVALID_BODY, "The request body lacks the member 'xuids'; send %s.", SHAPE);
        }
        if (!xuids.isArray()) {
            throw XblException.of(ErrorCode.INVALID_BODY, "Member 'xuids' must be an array, not %s.", kind(xuids));
        }
        int max = properties.maxXuids();
        if (xuids.isEmpty() || xuids.size() > max) {
            throw XblException.of(ErrorCode.INVALID_BODY, "Member 'xuids' must hold 1 to %d entries; it holds %d.",
                    max, xuids.size());
        }
        List<Xuid> result = new ArrayList<>(xuids.size());
        for (int i = 0; i < xuids.size(); i++) {
            result.add(xuid(xuids.get(i), "xuids[" + i + "]"));
        }
        return result;
    }

    private static Xuid xuid(JsonNode entry, String what) {
        if (entry.isString()) {
            return Identifiers.xuid(entry.asString(), what);
        }
        if (entry.isIntegralNumber()) {
            BigInteger value = entry.bigIntegerValue();
            if (value.signum() < 0 || value.compareTo(MAX_XUID) > 0) {
                throw XblException.of(ErrorCode.INVALID_XUID,
                        "%s (%s) must be an unsigned 64-bit integer: 0 to 18446744073709551615.", what, value);
            }
            return new Xuid(value.longValue());
        }
        throw XblException.of(ErrorCode.INVALID_XUID,
                "%s must be an unsigned 64-bit integer or a string of decimal digits, not %s.", what, kind(entry));
    }

    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return (node.isIntegralNumber() ? "the number " : "the fractional number ") + node;
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case STRING -> "a string";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return String.format(" (line %d, column %d)", location.getLineNr(), location.getColumnNr());
    }

    private static XblException tooLarge(long limit) {
        return XblException.of(ErrorCode.BODY_TOO_LARGE,
                "The request body exceeds %d bytes (xblmock.batch.max-body-bytes).", limit);
    }
}
