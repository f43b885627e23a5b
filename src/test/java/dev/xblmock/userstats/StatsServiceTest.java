package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.userstats.store.MemoryStatsRepository;
import dev.xblmock.userstats.wire.Stat;
import dev.xblmock.userstats.wire.StatType;
import dev.xblmock.userstats.wire.V1BatchRequest;
import dev.xblmock.userstats.wire.V1BatchResponse;
import dev.xblmock.userstats.wire.V1ScidStats;
import dev.xblmock.userstats.wire.V1UserStats;
import dev.xblmock.userstats.wire.V2BatchRequest.GroupRequest;
import dev.xblmock.userstats.wire.V2BatchRequest.Source;
import dev.xblmock.userstats.wire.V2BatchRequest.StatRequest;
import dev.xblmock.userstats.wire.V2BatchRequest;
import dev.xblmock.userstats.wire.V2BatchResponse;
import dev.xblmock.userstats.wire.V2Group;
import dev.xblmock.userstats.wire.V2SingleResponse;
import dev.xblmock.userstats.wire.V2Stat;
import dev.xblmock.userstats.wire.V2StatList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The read and write rules of SPEC 4 and 7, without HTTP. */
class StatsServiceTest {

    private static final Xuid ALICE = new Xuid(1);
    private static final Xuid BOB = new Xuid(2);

    private final StatsCatalog catalog = new StatsCatalog();
    private final StatsService service = new StatsService(new MemoryStatsRepository(), catalog, StatsProperties.defaults());

    private static Stat integer(String name, long value) {
        return new Stat(name, StatType.INTEGER, Long.toString(value), null);
    }

    @BeforeEach
    void seed() {
        service.write(ALICE, "s", StatsPatch.of(List.of(integer("A", 1), integer("B", 2),
                new Stat("M", StatType.STRING, "m", "{\"k\":1}"))));
        service.setGamertag(ALICE, "Alice");
        service.write(BOB, "t", StatsPatch.of(List.of(integer("A", 20))));
    }

    private static List<String> v1Names(V1ScidStats scid) {
        return scid.stats().stream().map(Stat::name).toList();
    }

    @Test
    void v1SingleUserAskedOrderMissingOmittedEmptyMeansAll() {
        V1UserStats asked = service.readV1(ALICE, "s", List.of("B", "Nope", "A", "B"));
        assertThat(asked.xuid()).isEqualTo("1");
        assertThat(asked.gamertag()).isEqualTo("Alice");
        assertThat(v1Names(asked.scids().get(0))).containsExactly("B", "A", "B");
        assertThat(v1Names(service.readV1(ALICE, "s", List.of()).scids().get(0))).containsExactly("A", "B", "M");
        V1UserStats unknown = service.readV1(new Xuid(99), "s", List.of("A"));
        assertThat(unknown.gamertag()).isNull();
        assertThat(unknown.scids()).containsExactly(new V1ScidStats("s", List.of()));
    }

    @Test
    void v1BatchOneEntryPerUserAndScidInRequestOrder() {
        V1BatchResponse response = service.batchV1(new V1BatchRequest(List.of(BOB, ALICE, BOB),
                List.of(new V1BatchRequest.ScidRequest("t", List.of("A")), new V1BatchRequest.ScidRequest("s", List.of("A")))));
        assertThat(response.users()).extracting(V1UserStats::xuid).containsExactly("2", "1", "2");
        assertThat(response.users().get(0).scids()).extracting(V1ScidStats::scid).containsExactly("t", "s");
        assertThat(v1Names(response.users().get(0).scids().get(0))).containsExactly("A");
        assertThat(response.users().get(0).scids().get(1).stats()).isEmpty();
        assertThat(response.users().get(1).scids().get(0).stats()).isEmpty();
        assertThat(response.users().get(1).gamertag()).isEqualTo("Alice");
    }

    @Test
    void v2StatsWithTitleResolutionAndValueMetadataOnRequest() {
        catalog.defineTitle("1717113201", "s");
        V2BatchRequest request = new V2BatchRequest(List.of(ALICE),
                List.of(new StatRequest("M", Source.ofTitle("1717113201")), new StatRequest("A", Source.ofScid("s"))), List.of());
        V2Stat withTitle = service.batchV2(request, true).statlistscollection().get(0).stats().get(0);
        assertThat(withTitle).isEqualTo(new V2Stat(Map.of(), "1", "s", "1717113201", "M", "String", "m", "{\"k\":1}", Map.of()));
        V2Stat plain = service.batchV2(request, false).statlistscollection().get(0).stats().get(1);
        assertThat(plain).isEqualTo(new V2Stat(Map.of(), "1", "s", null, "A", "Integer", "1", null, Map.of()));
        assertThat(service.batchV2(request, false).groups()).isEmpty();
    }

    @Test
    void v2GroupsListTheGroupStatsEachUserHasWithTheirGroupProperties() {
        catalog.defineGroup(new StatGroup("Hero", "s", List.of(new GroupStat("B", Map.of("Ordinal", "1")),
                new GroupStat("Missing"), new GroupStat("A", Map.of("Ordinal", "2")))));
        V2BatchResponse response = service.batchV2(new V2BatchRequest(List.of(ALICE, BOB), List.of(),
                List.of(new GroupRequest("Hero", Source.ofScid("s")), new GroupRequest("Hero", Source.ofScid("t")))), false);
        V2Group hero = response.groups().get(0);
        assertThat(hero.name()).isEqualTo("Hero");
        assertThat(hero.titleid()).isNull();
        assertThat(hero.statlistscollection()).extracting(V2StatList::arrangebyfieldid).containsExactly("1", "2");
        assertThat(hero.statlistscollection().get(0).stats()).containsExactly(
                new V2Stat(Map.of("Ordinal", "1"), "1", "s", null, "B", "Integer", "2", null, Map.of()),
                new V2Stat(Map.of("Ordinal", "2"), "1", "s", null, "A", "Integer", "1", null, Map.of()));
        assertThat(hero.statlistscollection().get(1).stats()).isEmpty();
        // a group is defined per scid: "Hero" on t is undefined
        assertThat(response.groups().get(1).statlistscollection()).isEmpty();
        assertThat(response.statlistscollection()).hasSize(2).allSatisfy(list -> assertThat(list.stats()).isEmpty());
    }

    @Test
    void unknownTitleIs400UnknownTitle() {
        assertThatThrownBy(() -> service.batchV2(new V2BatchRequest(List.of(ALICE), List.of(),
                List.of(new GroupRequest("Hero", Source.ofTitle("5")))), false))
                .isInstanceOfSatisfying(XblException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_TITLE);
                    assertThat(e.detail()).isEqualTo("groups[0].titleId '5' has no scid mapping; define it in the seed manifest's 'titles'.");
                });
    }

    @Test
    void v2SingleUnknownUserHasOneEmptyEntry() {
        V2SingleResponse response = service.readV2(new Xuid(42), "s", List.of(), true);
        assertThat(response.statlistscollection()).containsExactly(V2StatList.forXuid("42", List.of()));
    }

    @Test
    void writesMergeRemoveAndDelete() {
        service.write(ALICE, "s", new StatsPatch(true, "Alice2", List.of(integer("C", 3), integer("A", 9)), List.of("B")));
        assertThat(service.find(ALICE).gamertag()).isEqualTo("Alice2");
        assertThat(service.find(ALICE).scid("s").all()).extracting(Stat::toString)
                .containsExactly("A=Integer:9", "M=String:m", "C=Integer:3");
        service.deleteScid(ALICE, "s");
        assertThat(service.find(ALICE).scids()).isEmpty();
        assertThat(service.find(ALICE).gamertag()).isEqualTo("Alice2");
        service.deleteUser(ALICE);
        assertThat(service.find(ALICE).isEmpty()).isTrue();
    }
}
