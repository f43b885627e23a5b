package dev.xblmock.userstats;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.userstats.store.UserStats;

/**
 * Everything stored about a user, as the control plane lists it:
 * {@code {"xuid","gamertag"?,"scids":{"<scid>":{"<name>":{"type","value","valuemetadata"?}}}}}, scids and
 * stats in their stored order.
 */
@JsonPropertyOrder({"xuid", "gamertag", "scids"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredUser(String xuid, String gamertag, Map<String, Map<String, StoredStats.StoredStat>> scids) {

    public static StoredUser of(Xuid xuid, UserStats user) {
        Map<String, Map<String, StoredStats.StoredStat>> scids = new LinkedHashMap<>();
        user.scids().keySet().forEach(scid -> scids.put(scid, StoredStats.of(xuid, scid, user).stats()));
        return new StoredUser(xuid.toString(), user.gamertag(), scids);
    }
}
