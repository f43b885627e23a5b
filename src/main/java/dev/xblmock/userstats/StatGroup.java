package dev.xblmock.userstats;

import java.util.List;

import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.common.identity.Identifiers;

/**
 * A stat group defined by the seed (SPEC 7: {@code groups: [{name, scid, stats: [{name, properties?}]}]}),
 * e.g. the "Hero" stats a title shows on its hub. Requested in a v2 batch by name and scid (or title).
 */
public record StatGroup(String name, String scid, List<GroupStat> stats) {

    public StatGroup {
        JsonMembers.at("group name", () -> Identifiers.statName(name));
        Identifiers.scid(scid);
        stats = List.copyOf(stats);
    }
}
