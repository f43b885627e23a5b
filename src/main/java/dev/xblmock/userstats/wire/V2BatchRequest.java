package dev.xblmock.userstats.wire;

import java.util.List;

import dev.xblmock.common.identity.Xuid;

/** A v2/v3 batch read (SPEC 4.4): xuids in request order, then stats and groups, each asked by scid or title. */
public record V2BatchRequest(List<Xuid> xuids, List<StatRequest> stats, List<GroupRequest> groups) {

    public V2BatchRequest {
        xuids = List.copyOf(xuids);
        stats = List.copyOf(stats);
        groups = List.copyOf(groups);
    }

    /** Where a stat or group lives: exactly one of {@code scid} and {@code titleId} (canonical decimal) is set. */
    public record Source(String scid, String titleId) {
        public static Source ofScid(String scid) {
            return new Source(scid, null);
        }

        public static Source ofTitle(String titleId) {
            return new Source(null, titleId);
        }
    }

    public record StatRequest(String name, Source source) {
    }

    public record GroupRequest(String name, Source source) {
    }
}
