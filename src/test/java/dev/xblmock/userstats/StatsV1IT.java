package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract version 1 (SPEC 4.1, 4.2), checked against the responses Microsoft's XSAPI unit tests feed the
 * SDK (UserStatisticsTests: defaultSingleUserStatsResponse, defaultBatchUsersStatsResponse).
 */
class StatsV1IT extends StatsApiIT {

    /** The SDK fixture's reputation stats: scid ...40 holds Overall/Fairplay, scid ...41 Comms/UserContent. */
    @BeforeEach
    void seedSdkFixture() {
        for (String xuid : new String[] {XUID_1, XUID_2}) {
            putStats(xuid, SCID, """
                    {"stats":{"OverallReputation":{"type":"Integer","value":"66"},
                              "FairplayReputation":{"type":"Integer","value":"72"}}}""");
            putStats(xuid, SCID_41, """
                    {"stats":{"CommsReputation":{"type":"Integer","value":"66"},
                              "UserContentReputation":{"type":"Integer","value":"75"}}}""");
        }
    }

    @Test
    void sdkSingleUserStatistics() {
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/" + SCID + "/stats/OverallReputation,FairplayReputation"), """
                {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[
                  {"statname":"OverallReputation","type":"Integer","value":"66"},
                  {"statname":"FairplayReputation","type":"Integer","value":"72"}]}]}""");
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/" + SCID_41 + "/stats/CommsReputation,UserContentReputation"), """
                {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d41","stats":[
                  {"statname":"CommsReputation","type":"Integer","value":"66"},
                  {"statname":"UserContentReputation","type":"Integer","value":"75"}]}]}""");
    }

    @Test
    void sdkSingleStatistic() {
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/" + SCID_41 + "/stats/UserContentReputation"), """
                {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d41","stats":[
                  {"statname":"UserContentReputation","type":"Integer","value":"75"}]}]}""");
    }

    @Test
    void sdkBatchUserStatistics() {
        // the body XSAPI's XblUserStatisticsGetMultipleUserStatisticsAsync posts to /batch?operation=read
        assertJson(batch(1, """
                {"requestedusers":["2533274792693551","2533274792693552"],
                 "requestedscids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40",
                                    "requestedstats":["OverallReputation","FairplayReputation"]}]}"""), """
                {"users":[
                  {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[
                    {"statname":"OverallReputation","type":"Integer","value":"66"},
                    {"statname":"FairplayReputation","type":"Integer","value":"72"}]}]},
                  {"xuid":"2533274792693552","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[
                    {"statname":"OverallReputation","type":"Integer","value":"66"},
                    {"statname":"FairplayReputation","type":"Integer","value":"72"}]}]}]}""");
    }

    @Test
    void everyStatOfTheScidWhenNoNamesAreGiven() {
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/" + SCID + "/stats"), """
                {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[
                  {"statname":"OverallReputation","type":"Integer","value":"66"},
                  {"statname":"FairplayReputation","type":"Integer","value":"72"}]}]}""");
    }

    @Test
    void statNamesQueryParameterKeepsTheAskedOrderAndOmitsMissingStats() {
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/" + SCID
                + "/stats?statNames=FairplayReputation,NoSuchStat,OverallReputation"), """
                {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[
                  {"statname":"FairplayReputation","type":"Integer","value":"72"},
                  {"statname":"OverallReputation","type":"Integer","value":"66"}]}]}""");
    }

    @Test
    void gamertagAppearsOnTheSingleUserResponseWhenKnown() {
        putStats(XUID_1, SCID, "{\"gamertag\":\"WarriorSaint\"}");
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/" + SCID + "/stats/OverallReputation"), """
                {"xuid":"2533274792693551","gamertag":"WarriorSaint","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40",
                  "stats":[{"statname":"OverallReputation","type":"Integer","value":"66"}]}]}""");
    }

    @Test
    void unknownUserGetsAnEmptyStatsList() {
        assertJson(anonymous().get("/users/xuid(1)/scids/" + SCID + "/stats/OverallReputation"), """
                {"xuid":"1","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[]}]}""");
        assertJson(anonymous().get("/users/xuid(2533274792693551)/scids/OtherScid/stats"), """
                {"xuid":"2533274792693551","scids":[{"scid":"OtherScid","stats":[]}]}""");
    }

    @Test
    void xuidWithLeadingZerosIsTheSameUserInCanonicalForm() {
        assertJson(anonymous().get("/users/xuid(002533274792693551)/scids/" + SCID + "/stats/OverallReputation"), """
                {"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40",
                  "stats":[{"statname":"OverallReputation","type":"Integer","value":"66"}]}]}""");
    }

    @Test
    void batchKeepsRequestOrderRepeatsDuplicatesAndAnswersEveryScid() {
        putStats(XUID_2, SCID, "{\"gamertag\":\"Player Two\"}");
        assertJson(batch(1, """
                {"requestedscids":[
                   {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d41","requestedstats":["UserContentReputation","Missing"]},
                   {"scid":"NoStatsHere","requestedstats":["OverallReputation"]},
                   {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","requestedstats":["FairplayReputation"]}],
                 "requestedusers":[2533274792693552,"42","2533274792693552"]}"""), """
                {"users":[
                  {"xuid":"2533274792693552","gamertag":"Player Two","scids":[
                    {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d41","stats":[{"statname":"UserContentReputation","type":"Integer","value":"75"}]},
                    {"scid":"NoStatsHere","stats":[]},
                    {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[{"statname":"FairplayReputation","type":"Integer","value":"72"}]}]},
                  {"xuid":"42","scids":[
                    {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d41","stats":[]},
                    {"scid":"NoStatsHere","stats":[]},
                    {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[]}]},
                  {"xuid":"2533274792693552","gamertag":"Player Two","scids":[
                    {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d41","stats":[{"statname":"UserContentReputation","type":"Integer","value":"75"}]},
                    {"scid":"NoStatsHere","stats":[]},
                    {"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","stats":[{"statname":"FairplayReputation","type":"Integer","value":"72"}]}]}]}""");
    }

    @Test
    void batchWithoutOperationParameterAndWithoutContractVersion() {
        assertJson(anonymous().contentType(ContentType.JSON)
                .body("{\"requestedusers\":[\"1\"],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\"]}]}")
                .post("/batch"), """
                {"users":[{"xuid":"1","scids":[{"scid":"s","stats":[]}]}]}""");
    }

    @Test
    void batchBodyIsReadWhateverTheContentType() throws Exception {
        String body = "{\"requestedusers\":[\"2533274792693551\"],\"requestedscids\":[{\"scid\":\"" + SCID
                + "\",\"requestedstats\":[\"OverallReputation\"]}]}";
        String expected = compact("""
                {"users":[{"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40",
                  "stats":[{"statname":"OverallReputation","type":"Integer","value":"66"}]}]}]}""");
        // null: no Content-Type header at all
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/octet-stream", null}) {
            HttpResponse<String> response = rawPost("/batch?operation=read", type, body);
            assertThat(response.statusCode()).as(type).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).as(type).hasValue("application/json");
            assertThat(response.body()).as(type).isEqualTo(expected);
        }
    }

    @Test
    void valuesOfEveryTypeAreJsonStrings() {
        putStats("7", "s", """
                {"stats":{"I":{"type":"Integer","value":-9223372036854775808},"D":{"type":"Double","value":2.50},
                          "S":{"type":"String","value":"say \\"hi\\"\\n"},"E":{"type":"Double","value":1e3}}}""");
        assertJson(anonymous().get("/users/xuid(7)/scids/s/stats/I,D,S,E"), """
                {"xuid":"7","scids":[{"scid":"s","stats":[
                  {"statname":"I","type":"Integer","value":"-9223372036854775808"},
                  {"statname":"D","type":"Double","value":"2.50"},
                  {"statname":"S","type":"String","value":"say \\"hi\\"\\n"},
                  {"statname":"E","type":"Double","value":"1000"}]}]}""");
    }

    @Test
    void valueMetadataIsNeverPartOfTheV1Shape() {
        putStats("7", "s", "{\"stats\":{\"M\":{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":\"{\\\"k\\\":1}\"}}}");
        assertJson(anonymous().get("/users/xuid(7)/scids/s/stats/M?include=valuemetadata"), """
                {"xuid":"7","scids":[{"scid":"s","stats":[{"statname":"M","type":"Integer","value":"1"}]}]}""");
    }

    @Test
    void expectContinueIsHonoured() {
        assertJson(anonymous().header("Expect", "100-continue").contentType(ContentType.JSON)
                .body("{\"requestedusers\":[\"2533274792693551\"],\"requestedscids\":[{\"scid\":\"" + SCID
                        + "\",\"requestedstats\":[\"OverallReputation\"]}]}")
                .post("/batch?operation=read"), """
                {"users":[{"xuid":"2533274792693551","scids":[{"scid":"7492baca-c1b4-440d-a391-b7ef364a8d40",
                  "stats":[{"statname":"OverallReputation","type":"Integer","value":"66"}]}]}]}""");
    }
}
