package dev.xblmock.userstats.store;

import dev.xblmock.userstats.wire.StatType;
import dev.xblmock.userstats.wire.Stat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The immutable snapshots: merge order, removal, and when a user counts as unknown. */
class StatsSnapshotsTest {

    private static Stat integer(String name, long value) {
        return new Stat(name, StatType.INTEGER, Long.toString(value), null);
    }

    @Test
    void mergeKeepsFirstWriteOrderAndReplacesInPlace() {
        ScidStats first = ScidStats.EMPTY.merged(List.of(integer("A", 1), integer("B", 2)), List.of());
        ScidStats second = first.merged(List.of(integer("C", 3), integer("A", 10)), List.of("B"));
        assertThat(second.all()).extracting(Stat::name).containsExactly("A", "C");
        assertThat(second.get("A").value()).isEqualTo("10");
        // the earlier snapshot is untouched
        assertThat(first.all()).containsExactly(integer("A", 1), integer("B", 2));
    }

    @Test
    void removingEverythingGivesTheEmptySnapshot() {
        ScidStats stats = ScidStats.EMPTY.merged(List.of(integer("A", 1)), List.of());
        assertThat(stats.merged(List.of(), List.of("A", "Nope"))).isSameAs(ScidStats.EMPTY);
    }

    @Test
    void userWithoutStatsOrGamertagIsEmpty() {
        UserStats user = UserStats.EMPTY.withScid("s", ScidStats.EMPTY.merged(List.of(integer("A", 1)), List.of()));
        assertThat(user.isEmpty()).isFalse();
        assertThat(user.withoutScid("s").isEmpty()).isTrue();
        assertThat(user.withoutScid("s").withGamertag("G").isEmpty()).isFalse();
        assertThat(user.scid("unknown")).isSameAs(ScidStats.EMPTY);
        assertThat(user.gamertag()).isNull();
    }

    @Test
    void v1WireObjectIsEncodedOnceWithEscapes() {
        Stat stat = new Stat("Motto", StatType.STRING, "say \"hi\"\n\u0001", "{\"k\":1}");
        assertThat(stat.v1Json().getValue())
                .isEqualTo("{\"statname\":\"Motto\",\"type\":\"String\",\"value\":\"say \\\"hi\\\"\\n\\u0001\"}");
        assertThat(stat.v1Json()).isSameAs(stat.v1Json());
    }
}
