package dev.xblmock.userstats;

import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.userstats.wire.V1BatchRequest;
import dev.xblmock.userstats.wire.V2BatchRequest.GroupRequest;
import dev.xblmock.userstats.wire.V2BatchRequest.Source;
import dev.xblmock.userstats.wire.V2BatchRequest.StatRequest;
import dev.xblmock.userstats.wire.V2BatchRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a batch body (SPEC 4.2, 4.4) into a typed request, enforcing its shape and limits. Member order is
 * irrelevant, unknown members are ignored, and every error names the member at fault, e.g.
 * {@code requestedscids[0].requestedstats[3]}.
 */
public class BatchRequestParser {

    private final StatsProperties limits;

    public BatchRequestParser(StatsProperties limits) {
        this.limits = limits;
    }

    /** {@code {"requestedusers":[…], "requestedscids":[{"scid":…, "requestedstats":[…]}]}} */
    public V1BatchRequest v1(JsonNode body) {
        List<Xuid> users = xuids(body, "requestedusers");
        JsonNode scids = array(body, "requestedscids", "requestedscids", 1, limits.maxScids(), "max-scids");
        List<V1BatchRequest.ScidRequest> scidRequests = new ArrayList<>(scids.size());
        for (int i = 0; i < scids.size(); i++) {
            String member = "requestedscids[" + i + "]";
            JsonNode entry = object(scids.get(i), member, "{\"scid\": …, \"requestedstats\": […]}");
            String scid = scid(entry, member);
            JsonNode names = array(entry, "requestedstats", member + ".requestedstats", 1,
                    limits.maxStatsPerScid(), "max-stats-per-scid");
            List<String> stats = new ArrayList<>(names.size());
            for (int j = 0; j < names.size(); j++) {
                stats.add(statName(names.get(j), member + ".requestedstats[" + j + "]"));
            }
            scidRequests.add(new V1BatchRequest.ScidRequest(scid, stats));
        }
        return new V1BatchRequest(users, scidRequests);
    }

    /**
     * {@code {"arrangebyfield":"xuid", "xuids":[…], "stats":[{"name", "scid"|"titleId"}],
     * "groups":[{"name", "scid"|"titleId"}]}}; {@code stats} and {@code groups} are optional but not both.
     * Per-scid limits apply once titles are resolved (in the service).
     */
    public V2BatchRequest v2(JsonNode body) {
        JsonNode arrangeBy = body.get("arrangebyfield");
        if (arrangeBy != null && !arrangeBy.isNull()
                && !(arrangeBy.isString() && arrangeBy.asString().equalsIgnoreCase("xuid"))) {
            throw invalid("Member 'arrangebyfield' must be \"xuid\" (the only arrangement supported).");
        }
        List<Xuid> xuids = xuids(body, "xuids");
        int maxStats = limits.maxScids() * limits.maxStatsPerScid();
        JsonNode statsNode = optionalArray(body, "stats", maxStats, "max-scids x max-stats-per-scid");
        JsonNode groupsNode = optionalArray(body, "groups", limits.maxGroups(), "max-groups");
        if (statsNode.isEmpty() && groupsNode.isEmpty()) {
            throw invalid("The body must ask for at least one stat ('stats') or group ('groups').");
        }
        List<StatRequest> stats = new ArrayList<>(statsNode.size());
        for (int i = 0; i < statsNode.size(); i++) {
            String member = "stats[" + i + "]";
            JsonNode entry = object(statsNode.get(i), member, "{\"name\": …, \"scid\"|\"titleId\": …}");
            stats.add(new StatRequest(statName(required(entry, "name", member), member + ".name"), source(entry, member)));
        }
        List<GroupRequest> groups = new ArrayList<>(groupsNode.size());
        for (int i = 0; i < groupsNode.size(); i++) {
            String member = "groups[" + i + "]";
            JsonNode entry = object(groupsNode.get(i), member, "{\"name\": …, \"scid\"|\"titleId\": …}");
            groups.add(new GroupRequest(statName(required(entry, "name", member), member + ".name"), source(entry, member)));
        }
        return new V2BatchRequest(xuids, stats, groups);
    }

    private List<Xuid> xuids(JsonNode body, String name) {
        JsonNode array = array(body, name, name, 1, limits.maxUsers(), "max-users");
        List<Xuid> xuids = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            xuids.add(xuid(array.get(i), name + "[" + i + "]"));
        }
        return xuids;
    }

    /** XUIDs come as decimal strings (XSAPI) or as JSON numbers (community clients). */
    static Xuid xuid(JsonNode node, String member) {
        if (node.isString()) {
            return Identifiers.xuid(node.asString(), member);
        }
        if (node.isIntegralNumber()) {
            return Identifiers.xuid(node.bigIntegerValue().toString(), member);
        }
        throw invalid("%s must be a xuid: a decimal string or an unsigned integer, not %s.", member, typeOf(node));
    }

    private static Source source(JsonNode entry, String member) {
        JsonNode scid = present(entry.get("scid"));
        JsonNode titleId = present(entry.get("titleId"));
        if (scid != null && titleId != null) {
            throw invalid("%s has both 'scid' and 'titleId'; give exactly one.", member);
        }
        if (scid != null) {
            return Source.ofScid(scid(entry, member));
        }
        if (titleId == null) {
            throw invalid("%s needs 'scid' or 'titleId'.", member);
        }
        if (!titleId.isString() && !titleId.isIntegralNumber()) {
            throw invalid("%s.titleId must be a decimal string or an unsigned integer, not %s.", member, typeOf(titleId));
        }
        String text = titleId.isString() ? titleId.asString() : titleId.bigIntegerValue().toString();
        return Source.ofTitle(TitleIds.parse(text, member + ".titleId"));
    }

    private static String scid(JsonNode entry, String member) {
        JsonNode scid = required(entry, "scid", member);
        if (!scid.isString()) {
            throw invalid("%s.scid must be a string, not %s.", member, typeOf(scid));
        }
        return JsonMembers.at(member + ".scid", () -> Identifiers.scid(scid.asString()));
    }

    private static String statName(JsonNode node, String member) {
        if (!node.isString()) {
            throw invalid("%s must be a stat name (a string), not %s.", member, typeOf(node));
        }
        return JsonMembers.at(member, () -> Identifiers.statName(node.asString()));
    }

    private static JsonNode required(JsonNode parent, String name, String member) {
        JsonNode node = present(parent.get(name));
        if (node == null) {
            throw invalid("%s.%s is required.", member, name);
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String name, String member, int min, int max, String property) {
        JsonNode node = present(parent.get(name));
        if (node == null) {
            throw invalid("Member '%s' is required: an array of %d to %d entries.", member, min, max);
        }
        return sized(node, member, min, max, property);
    }

    private static JsonNode optionalArray(JsonNode parent, String name, int max, String property) {
        JsonNode node = present(parent.get(name));
        return node == null ? JsonNodeFactory.instance.arrayNode() : sized(node, name, 0, max, property);
    }

    private static JsonNode sized(JsonNode node, String member, int min, int max, String property) {
        if (!node.isArray()) {
            throw invalid("Member '%s' must be an array, not %s.", member, typeOf(node));
        }
        if (node.size() < min || node.size() > max) {
            throw invalid("Member '%s' has %d entries; %d to %d are allowed (xblmock.stats.%s).",
                    member, node.size(), min, max, property);
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String member, String shape) {
        if (!node.isObject()) {
            throw invalid("%s must be an object %s, not %s.", member, shape, typeOf(node));
        }
        return node;
    }

    /** A member that is absent or JSON null counts as absent. */
    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String typeOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase();
    }

    private static XblException invalid(String format, Object... args) {
        return XblException.of(ErrorCode.INVALID_BODY, format, args);
    }
}
