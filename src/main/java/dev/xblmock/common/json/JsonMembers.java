package dev.xblmock.common.json;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import tools.jackson.databind.JsonNode;

/**
 * Typed, strict reading of a control-plane JSON object (a fault rule, a token request, a seed entry). Every
 * error is a 400 with {@code error}'s code whose detail names the member by its full path
 * ({@code blobs[2].path}) and the rule it broke. A member whose value is JSON {@code null} counts as absent.
 */
public final class JsonMembers {

    private final JsonNode object;
    private final String where;
    private final ErrorCode error;

    private JsonMembers(JsonNode object, String where, ErrorCode error) {
        this.object = object;
        this.where = where;
        this.error = error;
    }

    /** {@code where} is the object's own path ("" for a request body's root). */
    public static JsonMembers of(JsonNode node, String where, ErrorCode error, String what) {
        if (node == null || !node.isObject()) {
            throw new XblException(error, (where.isEmpty() ? "The body" : "'" + where + "'") + " must be " + what + ".");
        }
        return new JsonMembers(node, where, error);
    }

    /** Rejects members other than {@code allowed} (a typo must not be silently ignored). */
    public JsonMembers allowOnly(Set<String> allowed, String allowedList) {
        for (String name : object.propertyNames()) {
            if (!allowed.contains(name)) {
                throw new XblException(error, "Unknown member '" + path(Identifiers.printable(name)) + "'; allowed: " + allowedList + ".");
            }
        }
        return this;
    }

    public String path(String member) {
        return where.isEmpty() ? member : where + "." + member;
    }

    public boolean has(String member) {
        JsonNode value = object.get(member);
        return value != null && !value.isNull();
    }

    /** The raw value, or null when absent. */
    public JsonNode node(String member) {
        return has(member) ? object.get(member) : null;
    }

    public Optional<String> text(String member) {
        JsonNode value = node(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            throw invalid(member, "must be a string");
        }
        return Optional.of(value.asString());
    }

    public String requiredText(String member) {
        return text(member).orElseThrow(() -> invalid(member, "is required"));
    }

    /** A string, or a JSON integer taken as its decimal text (xuids and title ids are written both ways). */
    public Optional<String> digitsOrText(String member) {
        JsonNode value = node(member);
        if (value != null && value.isIntegralNumber()) {
            return Optional.of(value.bigIntegerValue().toString());
        }
        return text(member);
    }

    public OptionalLong integer(String member, long min, long max) {
        JsonNode value = node(member);
        if (value == null) {
            return OptionalLong.empty();
        }
        BigInteger parsed = value.isIntegralNumber() ? value.bigIntegerValue() : null;
        if (parsed == null || parsed.compareTo(BigInteger.valueOf(min)) < 0 || parsed.compareTo(BigInteger.valueOf(max)) > 0) {
            throw invalid(member, "must be an integer from " + min + " to " + max);
        }
        return OptionalLong.of(parsed.longValue());
    }

    public OptionalDouble number(String member, double min, double max) {
        JsonNode value = node(member);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (!value.isNumber() || !(value.asDouble() >= min && value.asDouble() <= max)) {
            throw invalid(member, "must be a number from " + min + " to " + max);
        }
        return OptionalDouble.of(value.asDouble());
    }

    public Optional<Boolean> bool(String member) {
        JsonNode value = node(member);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw invalid(member, "must be true or false");
        }
        return Optional.of(value.asBoolean());
    }

    /** "Member 'x' must be …" with this reader's error code. */
    public XblException invalid(String member, String rule) {
        return new XblException(error, "Member '" + path(member) + "' " + rule + ".");
    }

    /** Re-throws a shared validator's error with the member's path in front of its detail. */
    public XblException within(String member, XblException cause) {
        return within(error, path(member), cause);
    }

    /** {@code cause} as {@code error}, its detail prefixed "Member '<path>': " (a seed blob's JSON rules). */
    public static XblException within(ErrorCode error, String path, XblException cause) {
        return new XblException(error, "Member '" + path + "': " + cause.detail());
    }

    /**
     * Runs a shared validator, prefixing its error (code and status kept) with the member it was checking,
     * e.g. {@code requestedusers[3]: …}: the Xbox endpoints' way of naming a member.
     */
    public static <T> T at(String member, Supplier<T> check) {
        try {
            return check.get();
        } catch (XblException e) {
            throw new XblException(e.errorCode(), e.status(), member + ": " + e.detail(), e.headers());
        }
    }
}
