package dev.xblmock.userstats.store;

import dev.xblmock.common.json.JsonMappers;
import dev.xblmock.userstats.wire.StatType;
import dev.xblmock.userstats.wire.Stat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.xblmock.common.identity.Xuid;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The on-disk form of one user's stats (docs/storage-layout.md): {@code stats/<xuid as 16 hex digits>.json},
 * a small JSON document replaced atomically on every write. Scids and stats keep their order.
 *
 * <pre>
 * {"format":1,"xuid":"2533274792693551","gamertag":"Player",
 *  "scids":[{"scid":"…","stats":[{"name":"Kills","type":"Integer","value":"12","valueMetadata":null,
 *                                 "properties":{"DisplayName":"Kills"}}]}]}
 * </pre>
 * A stat's {@code properties} member is written only when it has some, and read as empty when absent, so the
 * files written before stats had properties read as they always did.
 */
final class StatsFile {

    static final String SUFFIX = ".json";
    private static final int FORMAT = 1;
    private static final JsonMapper JSON = JsonMappers.plain();

    private StatsFile() {
    }

    /** The file name of a user: derived from the numeric xuid only. */
    static String fileName(Xuid xuid) {
        return String.format(Locale.ROOT, "%016x", xuid.value()) + SUFFIX;
    }

    static byte[] encode(Xuid xuid, UserStats user) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("xuid", xuid.toString());
        root.put("gamertag", user.gamertag());
        ArrayNode scids = root.putArray("scids");
        user.scids().forEach((scid, stats) -> {
            ObjectNode scidNode = scids.addObject();
            scidNode.put("scid", scid);
            ArrayNode statNodes = scidNode.putArray("stats");
            for (Stat stat : stats.all()) {
                ObjectNode statNode = statNodes.addObject().put("name", stat.name())
                        .put("type", stat.type().wireName()).put("value", stat.value())
                        .put("valueMetadata", stat.valueMetadata());
                if (!stat.properties().isEmpty()) {
                    ObjectNode properties = statNode.putObject("properties");
                    stat.properties().forEach(properties::put);
                }
            }
        });
        return JSON.writeValueAsBytes(root);
    }

    /**
     * @param fileName the file's name, which must be the one {@link #fileName} gives the xuid inside
     * @throws IllegalArgumentException naming what is wrong, when the bytes are not such a document
     */
    static Decoded decode(String fileName, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("it is not valid JSON");
        }
        if (!root.isObject() || root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException("it is not a format " + FORMAT + " stats document");
        }
        Xuid xuid = new Xuid(Long.parseUnsignedLong(text(root, "xuid", false)));
        if (!fileName(xuid).equals(fileName)) {
            throw new IllegalArgumentException("it holds xuid " + xuid + ", whose file is " + fileName(xuid));
        }
        UserStats user = UserStats.EMPTY.withGamertag(text(root, "gamertag", true));
        for (JsonNode scidNode : array(root, "scids")) {
            List<Stat> stats = new ArrayList<>();
            for (JsonNode statNode : array(scidNode, "stats")) {
                String typeName = text(statNode, "type", false);
                StatType type = StatType.fromWireName(typeName)
                        .orElseThrow(() -> new IllegalArgumentException("unknown stat type '" + typeName + "'"));
                stats.add(new Stat(text(statNode, "name", false), type, text(statNode, "value", false),
                        text(statNode, "valueMetadata", true), properties(statNode)));
            }
            user = user.withScid(text(scidNode, "scid", false), ScidStats.EMPTY.merged(stats, List.of()));
        }
        return new Decoded(xuid, user);
    }

    record Decoded(Xuid xuid, UserStats user) {
    }

    /** Absent in files written before stats had properties: none. */
    private static Map<String, String> properties(JsonNode statNode) {
        JsonNode node = statNode.get("properties");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("member 'properties' is not an object");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            properties.put(property.getKey(), text(node, property.getKey(), false));
        }
        return properties;
    }

    private static String text(JsonNode node, String member, boolean nullable) {
        JsonNode value = node.get(member);
        if (value != null && value.isString()) {
            return value.asString();
        }
        if (nullable && value != null && value.isNull()) {
            return null;
        }
        throw new IllegalArgumentException("member '" + member + "' is missing or not a string");
    }

    private static JsonNode array(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("member '" + member + "' is missing or not an array");
        }
        return value;
    }
}
