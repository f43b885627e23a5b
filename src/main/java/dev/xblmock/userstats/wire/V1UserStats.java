package dev.xblmock.userstats.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A v1 user entry (SPEC 4.1), also the whole single-user response:
 * {@code {"xuid":"2533274792693551","gamertag"?:…,"scids":[…]}}; {@code xuid} is always a string and
 * {@code gamertag} appears only when one is known.
 */
@JsonPropertyOrder({"xuid", "gamertag", "scids"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record V1UserStats(String xuid, String gamertag, List<V1ScidStats> scids) {
}
