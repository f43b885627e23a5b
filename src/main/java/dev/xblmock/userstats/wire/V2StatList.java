package dev.xblmock.userstats.wire;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of a {@code statlistscollection}: the stats of one user, arranged by xuid. */
@JsonPropertyOrder({"arrangebyfield", "arrangebyfieldid", "stats"})
public record V2StatList(String arrangebyfield, String arrangebyfieldid, List<V2Stat> stats) {

    public static V2StatList forXuid(String xuid, List<V2Stat> stats) {
        return new V2StatList("xuid", xuid, stats);
    }
}
