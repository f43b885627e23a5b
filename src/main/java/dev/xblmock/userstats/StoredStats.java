package dev.xblmock.userstats;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.userstats.wire.Stat;
import dev.xblmock.userstats.store.UserStats;

/**
 * What is stored for a user and one scid, as the control plane's stats PUT answers it (SPEC 7):
 * {@code {"xuid","scid","gamertag"?,"stats":{"<name>":{"type","value","valuemetadata"?,"properties"?}}}},
 * stats in their stored order; {@code properties} only when the stat has some.
 */
@JsonPropertyOrder({"xuid", "scid", "gamertag", "stats"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredStats(String xuid, String scid, String gamertag, Map<String, StoredStat> stats) {

    @JsonPropertyOrder({"type", "value", "valuemetadata", "properties"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredStat(String type, String value, String valuemetadata,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> properties) {
    }

    static StoredStats of(Xuid xuid, String scid, UserStats user) {
        Map<String, StoredStat> stats = new LinkedHashMap<>();
        for (Stat stat : user.scid(scid).all()) {
            stats.put(stat.name(), new StoredStat(stat.type().wireName(), stat.value(), stat.valueMetadata(),
                    stat.properties()));
        }
        return new StoredStats(xuid.toString(), scid, user.gamertag(), stats);
    }
}
