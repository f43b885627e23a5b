package dev.xblmock.userstats.wire;

import java.util.List;

import dev.xblmock.common.identity.Xuid;

/** A v1 batch read (SPEC 4.2): users in request order (duplicates kept), scids each with their stat names. */
public record V1BatchRequest(List<Xuid> users, List<ScidRequest> scids) {

    public V1BatchRequest {
        users = List.copyOf(users);
        scids = List.copyOf(scids);
    }

    public record ScidRequest(String scid, List<String> stats) {
        public ScidRequest {
            stats = List.copyOf(stats);
        }
    }
}
