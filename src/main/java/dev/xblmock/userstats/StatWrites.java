package dev.xblmock.userstats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.common.json.ParserMessages;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.userstats.wire.Stat;
import dev.xblmock.userstats.wire.StatType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads stat writes from JSON (the control plane's PUT body and the seed's {@code stats} entries) and
 * enforces the write-time rules of SPEC 7: stat names, types ({@code Integer} a signed 64-bit integer,
 * {@code Double} finite, {@code String}), numeric values kept as their decimal text, {@code valuemetadata}
 * a string of JSON. Every error names the member at fault.
 */
public final class StatWrites {

    /** Longest gamertag accepted (modern gamertags have at most 12 characters plus a # suffix). */
    public static final int MAX_GAMERTAG_LENGTH = 64;
    /** A numeric value whose plain decimal text would need more digits than this must be sent as a string. */
    private static final int MAX_NUMBER_SCALE = 1000;

    private StatWrites() {
    }

    /**
     * Parses {@code {"gamertag"?: string|null, "stats"?: {"<name>": {type, value, valuemetadata?, properties?} | null}}}.
     * A null stat removes that stat; a null gamertag clears it (JSON merge-patch semantics).
     */
    public static StatsPatch patch(JsonNode body) {
        if (!body.isObject()) {
            throw invalidBody("The body must be a JSON object {\"gamertag\"?, \"stats\": {…}}.");
        }
        JsonNode gamertagNode = body.get("gamertag");
        boolean setsGamertag = gamertagNode != null;
        String gamertag = setsGamertag && !gamertagNode.isNull() ? gamertag(gamertagNode, "gamertag") : null;
        List<Stat> puts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        JsonNode stats = body.get("stats");
        if (stats != null && !stats.isNull()) {
            if (!stats.isObject()) {
                throw invalidBody("Member 'stats' must be an object mapping stat names to {\"type\", \"value\"}.");
            }
            for (Map.Entry<String, JsonNode> entry : stats.properties()) {
                String member = "stats." + entry.getKey();
                String name = JsonMembers.at(member, () -> Identifiers.statName(entry.getKey()));
                if (entry.getValue().isNull()) {
                    removals.add(name);
                } else {
                    puts.add(stat(name, entry.getValue(), member));
                }
            }
        }
        if (!setsGamertag && stats == null) {
            throw invalidBody("The body must carry 'stats' and/or 'gamertag'.");
        }
        return new StatsPatch(setsGamertag, gamertag, puts, removals);
    }

    /** Parses one stat definition {@code {"type", "value", "valuemetadata"?, "properties"?}} for the stat {@code name}. */
    public static Stat stat(String name, JsonNode definition, String member) {
        if (!definition.isObject()) {
            throw invalidStat("%s must be an object {\"type\": \"Integer\"|\"Double\"|\"String\", \"value\": …}.", member);
        }
        JsonNode typeNode = definition.get("type");
        if (typeNode == null || !typeNode.isString()) {
            throw invalidStat("%s.type is required: \"Integer\", \"Double\" or \"String\".", member);
        }
        StatType type = StatType.fromWireName(typeNode.asString()).orElseThrow(() -> invalidStat(
                "%s.type '%s' is not a stat type; use \"Integer\", \"Double\" or \"String\" (case-sensitive).",
                member, typeNode.asString()));
        String value = valueText(definition.get("value"), member + ".value");
        type.violation(value).ifPresent(rule -> {
            throw invalidStat("%s.value '%s' is invalid: %s.", member, abbreviated(value), rule);
        });
        return new Stat(name, type, value, valueMetadata(definition.get("valuemetadata"), member + ".valuemetadata"),
                properties(definition.get("properties"), member + ".properties"));
    }

    /**
     * A stat's own properties: an object of names to strings, served as strings (a number or boolean is taken as
     * its text, as a seed's group properties are). Absent or null means none.
     */
    private static Map<String, String> properties(JsonNode node, String member) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw invalidStat("%s must be an object of property names to strings, e.g. {\"DisplayName\": \"Kills\"}.", member);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String where = member + "." + abbreviated(property.getKey());
            if (property.getKey().isEmpty()) {
                throw invalidStat("%s has a property with an empty name.", member);
            }
            JsonNode value = property.getValue();
            if (!value.isString() && !value.isNumber() && !value.isBoolean()) {
                throw invalidStat("%s must be a string (or a number or boolean, taken as its text), not %s.", where,
                        value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            properties.put(property.getKey(), value.asString());
        }
        return properties;
    }

    /** A gamertag: a string of 1 to {@value #MAX_GAMERTAG_LENGTH} characters without control characters. */
    public static String gamertag(JsonNode node, String member) {
        if (!node.isString()) {
            throw invalidBody("%s must be a string.", member);
        }
        String gamertag = node.asString();
        int length = gamertag.codePointCount(0, gamertag.length());
        if (length < 1 || length > MAX_GAMERTAG_LENGTH) {
            throw invalidBody("%s must have 1 to %d characters; it has %d.", member, MAX_GAMERTAG_LENGTH, length);
        }
        if (gamertag.chars().anyMatch(Character::isISOControl)) {
            throw invalidBody("%s must not contain control characters.", member);
        }
        return gamertag;
    }

    private static String valueText(JsonNode value, String member) {
        if (value == null || value.isNull()) {
            throw invalidStat("%s is required: a string or a number.", member);
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            BigDecimal decimal = value.decimalValue();
            if (Math.abs((long) decimal.scale()) > MAX_NUMBER_SCALE) {
                throw invalidStat("%s has too large an exponent to write as decimal text; send it as a string.", member);
            }
            return decimal.toPlainString();
        }
        throw invalidStat("%s must be a string or a number, not %s.", member, value.getNodeType().name().toLowerCase());
    }

    private static String valueMetadata(JsonNode node, String member) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isContainer()) {
            return JsonMappers.strict().writeValueAsString(node);
        }
        if (!node.isString()) {
            throw invalidStat("%s must be a string of JSON text (or a JSON object).", member);
        }
        if (node.asString().isBlank()) {
            throw invalidStat("%s must be a string of valid JSON text, not empty.", member);
        }
        try {
            JsonMappers.strict().readTree(node.asString());
        } catch (JacksonException e) {
            throw invalidStat("%s must be a string of valid JSON text: %s.", member, ParserMessages.clean(e.getOriginalMessage()));
        }
        return node.asString();
    }

    /** A value as shown in an error detail: at most 64 characters, control characters escaped. */
    static String abbreviated(String value) {
        String head = value.length() <= 64 ? value : value.substring(0, 64) + "…";
        return Identifiers.printable(head);
    }

    private static XblException invalidStat(String format, Object... args) {
        return XblException.of(ErrorCode.INVALID_STAT, format, args);
    }

    private static XblException invalidBody(String format, Object... args) {
        return XblException.of(ErrorCode.INVALID_BODY, format, args);
    }
}
