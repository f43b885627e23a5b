package dev.xblmock.titlestorage.web;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.common.json.StrictJsonReader;
import dev.xblmock.titlestorage.settings.BatchProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

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
    private final StrictJsonReader reader;

    public BatchRequestReader(BatchProperties properties) {
        this.properties = properties;
        long limit = properties.bodyLimit();
        this.reader = new StrictJsonReader(limit, JsonMappers.DEFAULT_MAX_DEPTH, new StrictJsonReader.Answers() {
            @Override
            public XblException tooLarge(long declaredLength) {
                return XblException.of(ErrorCode.BODY_TOO_LARGE,
                        "The request body exceeds %d bytes (xblmock.batch.max-body-bytes).", limit);
            }

            @Override
            public XblException empty() {
                return XblException.of(ErrorCode.INVALID_BODY, "The request body is empty; send %s.", SHAPE);
            }

            @Override
            public XblException malformed(JacksonException e) {
                return XblException.of(ErrorCode.INVALID_BODY, "The request body is not valid JSON%s; send %s.",
                        StrictJsonReader.inParentheses(e.getLocation()), SHAPE);
            }
        });
    }

    /**
     * @param body           the request body
     * @param declaredLength its declared length, or -1 when unknown (chunked); a declared length over the limit
     *                       is refused before anything is read
     */
    public List<Xuid> read(InputStream body, long declaredLength) {
        return xuids(reader.read(body, declaredLength));
    }

    List<Xuid> parse(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes), bytes.length);
    }

    private List<Xuid> xuids(JsonNode root) {
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
            // the text a double shows (1e3 is "1000.0"): the strict reader keeps decimals exact
            return node.isIntegralNumber() ? "the number " + node : "the fractional number " + node.doubleValue();
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
}
