package dev.xblmock.userstats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contract versions 2 and 3 (SPEC 4.4, 7): {@code statlistscollection}, groups, titles, a stat's own
 * {@code properties}, the batch's {@code groupproperties} and member order. The batch by title
 * with a "Hero" group is the request community clients send for a title hub (ARK's title id 983730484).
 */
class StatsV2IT extends StatsApiIT {

    static final String ARK_SCID = "c1000100-ccd3-4685-bb6c-83ca3aa28934";
    static final String ARK_TITLE = "983730484";
    static final String PLAYER = "2533274905367855";

    @Autowired
    StatsCatalog catalog;

    @BeforeEach
    void seed() {
        catalog.defineTitle(ARK_TITLE, ARK_SCID);
        catalog.defineGroup(new StatGroup("Hero", ARK_SCID, List.of(
                new GroupStat("CreatureTamed", heroProperties("3", "Descending", "Creatures Tamed")),
                new GroupStat("KilledSurvivor", heroProperties("7", "Descending", "Survivors Killed")),
                new GroupStat("PlayerDied", heroProperties("10", "Ascending", "Player Deaths")))));
        putStats(PLAYER, ARK_SCID, """
                {"gamertag":"Survivor","stats":{
                   "MinutesPlayed":{"type":"Integer","value":"205763","properties":{"DisplayName":"Minutes Played","Unit":"min"}},
                   "KilledSurvivor":{"type":"Integer","value":"4","valuemetadata":"{\\"weapon\\":\\"bow\\"}"},
                   "CreatureTamed":{"type":"Integer","value":"12","properties":{"DisplayName":"Creatures Tamed"}}}}""");
        putStats(XUID_1, SCID, "{\"stats\":{\"OverallReputation\":{\"type\":\"Integer\",\"value\":\"1220\"}}}");
    }

    private static Map<String, String> heroProperties(String ordinal, String sortOrder, String displayName) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Ordinal", ordinal);
        properties.put("SortOrder", sortOrder);
        properties.put("DisplayName", displayName);
        properties.put("DisplayFormat", "Integer");
        properties.put("DisplaySemantic", "Cumulative");
        return properties;
    }

    @Test
    void singleUserInVersion2() {
        assertJson(version(2).get("/users/xuid(2533274792693551)/scids/" + SCID + "/stats/OverallReputation"), """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274792693551","stats":[
                  {"xuid":"2533274792693551","scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","name":"OverallReputation",
                   "type":"Integer","value":"1220","properties":{}}]}]}""");
    }

    @Test
    void singleUserEveryStatInStoredOrderAndNoGamertag() {
        assertJson(version(3).get("/users/xuid(2533274905367855)/scids/" + ARK_SCID + "/stats"), """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"MinutesPlayed","type":"Integer","value":"205763","properties":{"DisplayName":"Minutes Played","Unit":"min"}},
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"KilledSurvivor","type":"Integer","value":"4","properties":{}},
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"CreatureTamed","type":"Integer","value":"12","properties":{"DisplayName":"Creatures Tamed"}}]}]}""");
    }

    @Test
    void version1AnswersCarryNoProperties() {
        assertJson(version(1).get("/users/xuid(2533274905367855)/scids/" + ARK_SCID + "/stats/MinutesPlayed"), """
                {"xuid":"2533274905367855","gamertag":"Survivor","scids":[{"scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934",
                  "stats":[{"statname":"MinutesPlayed","type":"Integer","value":"205763"}]}]}""");
    }

    @Test
    void singleUnknownUserHasOneEntryWithNoStats() {
        assertJson(version(2).get("/users/xuid(5)/scids/" + SCID + "/stats/OverallReputation"), """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"5","stats":[]}]}""");
    }

    @Test
    void valueMetadataOnlyInVersion3WithInclude() {
        String path = "/users/xuid(2533274905367855)/scids/" + ARK_SCID + "/stats/KilledSurvivor";
        String withMetadata = """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"KilledSurvivor",
                   "type":"Integer","value":"4","valuemetadata":"{\\"weapon\\":\\"bow\\"}","properties":{}}]}]}""";
        String without = """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"KilledSurvivor",
                   "type":"Integer","value":"4","properties":{}}]}]}""";
        assertJson(version(3).get(path + "?include=valuemetadata"), withMetadata);
        assertJson(version(3).get(path), without);
        assertJson(version(2).get(path + "?include=valuemetadata"), without);
    }

    @Test
    void batchByScid() {
        assertJson(batch(2, """
                {"arrangebyfield":"xuid","xuids":["2533274792693551",2533274905367855,"9"],
                 "stats":[{"name":"OverallReputation","scid":"7492baca-c1b4-440d-a391-b7ef364a8d40"},
                          {"name":"CreatureTamed","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934"},
                          {"name":"MinutesPlayed","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934"}]}"""), """
                {"groups":[],
                 "statlistscollection":[
                  {"arrangebyfield":"xuid","arrangebyfieldid":"2533274792693551","stats":[
                    {"groupproperties":{},"xuid":"2533274792693551","scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","name":"OverallReputation","type":"Integer","value":"1220","properties":{}}]},
                  {"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                    {"groupproperties":{},"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"CreatureTamed","type":"Integer","value":"12","properties":{"DisplayName":"Creatures Tamed"}},
                    {"groupproperties":{},"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"MinutesPlayed","type":"Integer","value":"205763","properties":{"DisplayName":"Minutes Played","Unit":"min"}}]},
                  {"arrangebyfield":"xuid","arrangebyfieldid":"9","stats":[]}]}""");
    }

    @Test
    void batchByTitleIdWithTheHeroGroup() {
        // the shape community clients post for a title hub (title id as a number, as they send it)
        assertJson(batch(2, """
                {"arrangebyfield":"xuid",
                 "groups":[{"name":"Hero","titleId":983730484}],
                 "stats":[{"name":"MinutesPlayed","titleId":983730484}],
                 "xuids":[2533274905367855]}"""), """
                {"groups":[{"name":"Hero","titleid":"983730484","statlistscollection":[
                   {"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                     {"groupproperties":{"Ordinal":"3","SortOrder":"Descending","DisplayName":"Creatures Tamed","DisplayFormat":"Integer","DisplaySemantic":"Cumulative"},
                      "xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"CreatureTamed","type":"Integer","value":"12","properties":{"DisplayName":"Creatures Tamed"}},
                     {"groupproperties":{"Ordinal":"7","SortOrder":"Descending","DisplayName":"Survivors Killed","DisplayFormat":"Integer","DisplaySemantic":"Cumulative"},
                      "xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"KilledSurvivor","type":"Integer","value":"4","properties":{}}]}]}],
                 "statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                   {"groupproperties":{},"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","titleid":"983730484",
                    "name":"MinutesPlayed","type":"Integer","value":"205763","properties":{"DisplayName":"Minutes Played","Unit":"min"}}]}]}""");
    }

    @Test
    void groupsOnlyWithSeveralUsersAndAnUndefinedGroup() {
        assertJson(batch(3, """
                {"xuids":["2533274905367855","1"],
                 "groups":[{"name":"Hero","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934"},{"name":"Villain","titleId":"983730484"}]}"""), """
                {"groups":[
                   {"name":"Hero","statlistscollection":[
                     {"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                       {"groupproperties":{"Ordinal":"3","SortOrder":"Descending","DisplayName":"Creatures Tamed","DisplayFormat":"Integer","DisplaySemantic":"Cumulative"},
                        "xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"CreatureTamed","type":"Integer","value":"12","properties":{"DisplayName":"Creatures Tamed"}},
                       {"groupproperties":{"Ordinal":"7","SortOrder":"Descending","DisplayName":"Survivors Killed","DisplayFormat":"Integer","DisplaySemantic":"Cumulative"},
                        "xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"KilledSurvivor","type":"Integer","value":"4","properties":{}}]},
                     {"arrangebyfield":"xuid","arrangebyfieldid":"1","stats":[]}]},
                   {"name":"Villain","titleid":"983730484","statlistscollection":[]}],
                 "statlistscollection":[
                   {"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[]},
                   {"arrangebyfield":"xuid","arrangebyfieldid":"1","stats":[]}]}""");
    }

    @Test
    void batchInVersion3IncludesValueMetadataWhenAsked() {
        assertJson(version(3).contentType("application/json").body("""
                {"xuids":["2533274905367855"],"stats":[{"name":"KilledSurvivor","titleId":"983730484"}]}""")
                .post("/batch?operation=read&include=valuemetadata"), """
                {"groups":[],
                 "statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                   {"groupproperties":{},"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","titleid":"983730484",
                    "name":"KilledSurvivor","type":"Integer","value":"4","valuemetadata":"{\\"weapon\\":\\"bow\\"}","properties":{}}]}]}""");
    }
}
