package dev.xblmock.emulator;

import static dev.xblmock.emulator.Json.assertJson;
import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;

/** The control plane's stats listings: users with every stat, one user, one scid, and the seed's catalog. */
class StatsListingIT extends ApiIT {

    private void put(String xuid, String scid, String body) {
        bare().contentType("application/json").body(body).put("/_emulator/stats/users/" + xuid + "/scids/" + scid)
                .then().statusCode(200);
    }

    @Test
    void usersAreListedByXuidWithEveryStatAndPaged() {
        put("20", "S2", "{\"stats\":{\"B\":{\"type\":\"String\",\"value\":\"x\",\"valuemetadata\":\"{}\"}}}");
        put("3", "S1", "{\"gamertag\":\"Three\",\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":7}}}");
        put("3", "S2", "{\"stats\":{\"C\":{\"type\":\"Double\",\"value\":1.5}}}");
        assertJson(bare().get("/_emulator/stats/users").then().statusCode(200).contentType("application/json")
                .extract().asString(), """
                {"users":[
                  {"xuid":"3","gamertag":"Three","scids":{"S1":{"A":{"type":"Integer","value":"7"}},
                                                          "S2":{"C":{"type":"Double","value":"1.5"}}}},
                  {"xuid":"20","scids":{"S2":{"B":{"type":"String","value":"x","valuemetadata":"{}"}}}}],
                 "pagingInfo":{"totalItems":2}}""");
        assertJson(bare().get("/_emulator/stats/users?skipItems=1&maxItems=1").then().statusCode(200).extract().asString(), """
                {"users":[{"xuid":"20","scids":{"S2":{"B":{"type":"String","value":"x","valuemetadata":"{}"}}}}],
                 "pagingInfo":{"totalItems":2}}""");
        bare().get("/_emulator/stats/users?maxItems=1001").then().statusCode(400).body("code", equalTo("InvalidParameter"))
                .body("detail", equalTo("Query parameter 'maxItems' is '1001'; it must be an integer from 1 to 1000."));
    }

    @Test
    void oneUserAndOneScid() {
        put("3", "S1", "{\"gamertag\":\"Three\",\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":7}}}");
        assertJson(bare().get("/_emulator/stats/users/xuid(0003)").then().statusCode(200).extract().asString(), """
                {"xuid":"3","gamertag":"Three","scids":{"S1":{"A":{"type":"Integer","value":"7"}}}}""");
        assertJson(bare().get("/_emulator/stats/users/3/scids/S1").then().statusCode(200).extract().asString(), """
                {"xuid":"3","scid":"S1","gamertag":"Three","stats":{"A":{"type":"Integer","value":"7"}}}""");
        assertJson(bare().get("/_emulator/stats/users/4").then().statusCode(200).extract().asString(), """
                {"xuid":"4","scids":{}}""");
        assertJson(bare().get("/_emulator/stats/users/4/scids/S1").then().statusCode(200).extract().asString(), """
                {"xuid":"4","scid":"S1","stats":{}}""");
        bare().get("/_emulator/stats/users/x4").then().statusCode(400).body("code", equalTo("InvalidXuid"));
        bare().get("/_emulator/stats/users/4/scids/bad!").then().statusCode(400).body("code", equalTo("InvalidScid"));
    }

    @Test
    void catalogListsTheSeedsTitlesAndGroups() {
        assertJson(bare().get("/_emulator/stats/catalog").then().statusCode(200).extract().asString(),
                "{\"titles\":[],\"groups\":[]}");
        bare().contentType("application/json").body("""
                {"titles":[{"titleId":"1717113201","scid":"S1"}],
                 "groups":[{"name":"Hero","scid":"S1","stats":[{"name":"Wins","properties":{"DisplayName":"Wins"}},{"name":"Kills"}]}]}""")
                .post("/_emulator/seed").then().statusCode(200);
        assertJson(bare().get("/_emulator/stats/catalog").then().statusCode(200).extract().asString(), """
                {"titles":[{"titleId":"1717113201","scid":"S1"}],
                 "groups":[{"name":"Hero","scid":"S1","stats":[{"name":"Wins","properties":{"DisplayName":"Wins"}},
                                                               {"name":"Kills","properties":{}}]}]}""");
    }
}
