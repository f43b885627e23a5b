package dev.xblmock.emulator;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The stats routes of the control plane (SPEC 5, 7): PUT merges and answers the stored stats, DELETE is 204. */
class StatsControlIT extends ApiIT {

    private static final String PATH = "/_emulator/stats/users/{xuid}/scids/{scid}";
    private static final String SCID = "7492baca-c1b4-440d-a391-b7ef364a8d40";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String compact(String json) {
        return JSON.writeValueAsString(JSON.readTree(json));
    }

    private Response put(String xuid, String scid, String body) {
        return bare().contentType("application/json").body(body).put(PATH, xuid, scid);
    }

    private static void assertJson(Response response, String expected) {
        response.then().statusCode(200).contentType("application/json").body(equalTo(compact(expected)));
    }

    @Test
    void putAnswersTheStoredStatsOfTheScidAndMerges() {
        assertJson(put("2533274792693551", SCID, """
                {"gamertag":"WarriorSaint","stats":{"OverallReputation":{"type":"Integer","value":"66"},
                                                    "FairplayReputation":{"type":"Integer","value":"72"}}}"""), """
                {"xuid":"2533274792693551","scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","gamertag":"WarriorSaint",
                 "stats":{"OverallReputation":{"type":"Integer","value":"66"},"FairplayReputation":{"type":"Integer","value":"72"}}}""");
        // merge: a rewritten stat keeps its place, a new one is appended, the gamertag stays
        assertJson(put("2533274792693551", SCID, """
                {"stats":{"CommsReputation":{"type":"Integer","value":"66"},"OverallReputation":{"type":"Integer","value":"70"}}}"""), """
                {"xuid":"2533274792693551","scid":"7492baca-c1b4-440d-a391-b7ef364a8d40","gamertag":"WarriorSaint",
                 "stats":{"OverallReputation":{"type":"Integer","value":"70"},"FairplayReputation":{"type":"Integer","value":"72"},
                          "CommsReputation":{"type":"Integer","value":"66"}}}""");
        // another scid is separate
        assertJson(put("2533274792693551", "other", "{\"stats\":{\"A\":{\"type\":\"String\",\"value\":\"x\"}}}"), """
                {"xuid":"2533274792693551","scid":"other","gamertag":"WarriorSaint","stats":{"A":{"type":"String","value":"x"}}}""");
    }

    @Test
    void numericValuesAreStoredAsTheirDecimalText() {
        assertJson(put("xuid(0042)", "s", """
                {"stats":{"I":{"type":"Integer","value":66},"Big":{"type":"Integer","value":9223372036854775807},
                          "D":{"type":"Double","value":2.50},"E":{"type":"Double","value":1e3},
                          "Small":{"type":"Double","value":1.5e-3},"S":{"type":"String","value":7},
                          "Neg":{"type":"Integer","value":"-12"}}}"""), """
                {"xuid":"42","scid":"s","stats":{"I":{"type":"Integer","value":"66"},
                  "Big":{"type":"Integer","value":"9223372036854775807"},"D":{"type":"Double","value":"2.50"},
                  "E":{"type":"Double","value":"1000"},"Small":{"type":"Double","value":"0.0015"},
                  "S":{"type":"String","value":"7"},"Neg":{"type":"Integer","value":"-12"}}}""");
    }

    @Test
    void nullRemovesAStatAndClearsTheGamertag() {
        put("1", "s", "{\"gamertag\":\"G\",\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\"},\"B\":{\"type\":\"Integer\",\"value\":\"2\"}}}");
        assertJson(put("1", "s", "{\"gamertag\":null,\"stats\":{\"A\":null}}"), """
                {"xuid":"1","scid":"s","stats":{"B":{"type":"Integer","value":"2"}}}""");
        assertJson(put("1", "s", "{\"stats\":{\"B\":null}}"), """
                {"xuid":"1","scid":"s","stats":{}}""");
    }

    @Test
    void valueMetadataIsAStringOfJson() {
        assertJson(put("1", "s", """
                {"stats":{"A":{"type":"Integer","value":"1","valuemetadata":"{\\"k\\": [1, 2]}"},
                          "B":{"type":"Integer","value":"2","valuemetadata":{"k":[1,2]}}}}"""), """
                {"xuid":"1","scid":"s","stats":{"A":{"type":"Integer","value":"1","valuemetadata":"{\\"k\\": [1, 2]}"},
                                                "B":{"type":"Integer","value":"2","valuemetadata":"{\\"k\\":[1,2]}"}}}""");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":\"{oops\"}}}"), 400,
                "InvalidStat").isEqualTo("stats.A.valuemetadata must be a string of valid JSON text: Unexpected character ('o' (code 111)): "
                        + "was expecting double-quote to start property name.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":5}}}"), 400,
                "InvalidStat").isEqualTo("stats.A.valuemetadata must be a string of JSON text (or a JSON object).");
    }

    @Test
    void aStatCarriesItsOwnProperties() {
        assertJson(put("1", "s", """
                {"stats":{"Chests":{"type":"Integer","value":"3","properties":{"DisplayName":"Gold Hoarder Chests Cashed In","Ordinal":2,"Hidden":false}},
                          "Plain":{"type":"Integer","value":"1","properties":null}}}"""), """
                {"xuid":"1","scid":"s","stats":{
                  "Chests":{"type":"Integer","value":"3","properties":{"DisplayName":"Gold Hoarder Chests Cashed In","Ordinal":"2","Hidden":"false"}},
                  "Plain":{"type":"Integer","value":"1"}}}""");
        // a rewritten stat takes the properties it is sent with
        assertJson(put("1", "s", "{\"stats\":{\"Chests\":{\"type\":\"Integer\",\"value\":\"4\"}}}"), """
                {"xuid":"1","scid":"s","stats":{"Chests":{"type":"Integer","value":"4"},"Plain":{"type":"Integer","value":"1"}}}""");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\",\"properties\":[\"x\"]}}}"), 400,
                "InvalidStat").isEqualTo("stats.A.properties must be an object of property names to strings, e.g. {\"DisplayName\": \"Kills\"}.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\",\"properties\":{\"DisplayName\":{\"en\":\"x\"}}}}}"), 400,
                "InvalidStat").isEqualTo("stats.A.properties.DisplayName must be a string (or a number or boolean, taken as its text), not object.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\",\"properties\":{\"DisplayName\":null}}}}"), 400,
                "InvalidStat").isEqualTo("stats.A.properties.DisplayName must be a string (or a number or boolean, taken as its text), not null.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\",\"properties\":{\"\":\"x\"}}}}"), 400,
                "InvalidStat").isEqualTo("stats.A.properties has a property with an empty name.");
    }

    @Test
    void typeAndValueRules() {
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"integer\",\"value\":\"1\"}}}"), 400, "InvalidStat").isEqualTo("stats.A.type 'integer' is not a stat type; use \"Integer\", \"Double\" or \"String\" (case-sensitive).");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"value\":\"1\"}}}"), 400, "InvalidStat").isEqualTo("stats.A.type is required: \"Integer\", \"Double\" or \"String\".");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1.5\"}}}"), 400, "InvalidStat").isEqualTo("stats.A.value '1.5' is invalid: a stat of type Integer needs a signed 64-bit integer in decimal digits.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":9223372036854775808}}}"), 400, "InvalidStat").isEqualTo("stats.A.value '9223372036854775808' is invalid: a stat of type Integer needs a signed 64-bit integer in decimal digits.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":1.0}}}"), 400, "InvalidStat").isEqualTo("stats.A.value '1.0' is invalid: a stat of type Integer needs a signed 64-bit integer in decimal digits.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Double\",\"value\":\"NaN\"}}}"), 400, "InvalidStat").isEqualTo("stats.A.value 'NaN' is invalid: a stat of type Double needs a finite decimal number.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Double\",\"value\":\"1e400\"}}}"), 400, "InvalidStat").isEqualTo("stats.A.value '1e400' is invalid: a stat of type Double needs a finite decimal number.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"Double\",\"value\":1e99999}}}"), 400, "InvalidStat").isEqualTo("stats.A.value has too large an exponent to write as decimal text; send it as a string.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"String\"}}}"), 400, "InvalidStat").isEqualTo("stats.A.value is required: a string or a number.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":{\"type\":\"String\",\"value\":true}}}"), 400, "InvalidStat").isEqualTo("stats.A.value must be a string or a number, not boolean.");
        assertProblem(put("1", "s", "{\"stats\":{\"A\":\"66\"}}"), 400, "InvalidStat").isEqualTo("stats.A must be an object {\"type\": \"Integer\"|\"Double\"|\"String\", \"value\": …}.");
        assertProblem(put("1", "s", "{\"stats\":{\"bad name\":{\"type\":\"String\",\"value\":\"x\"}}}"), 400, "InvalidStat").isEqualTo("stats.bad name: stat name 'bad name' contains U+0020 at position 4; only letters, digits, '_', '.' and '-' are allowed.");
        // nothing was written by the refused requests
        assertJson(put("1", "s", "{\"stats\":{}}"), "{\"xuid\":\"1\",\"scid\":\"s\",\"stats\":{}}");
    }

    @Test
    void bodyAndPathRules() {
        assertProblem(put("1", "s", "{}"), 400, "InvalidBody").isEqualTo("The body must carry 'stats' and/or 'gamertag'.");
        assertProblem(put("1", "s", "{\"stats\":[]}"), 400, "InvalidBody").isEqualTo("Member 'stats' must be an object mapping stat names to {\"type\", \"value\"}.");
        assertProblem(put("1", "s", "[]"), 400, "InvalidBody").isEqualTo("The request body must be a JSON object, not array.");
        assertProblem(put("1", "s", ""), 400, "InvalidBody").isEqualTo("The request body is empty; a JSON object is required.");
        assertProblem(put("1", "s", "{\"gamertag\":5}"), 400, "InvalidBody").isEqualTo("gamertag must be a string.");
        assertProblem(put("1", "s", "{\"gamertag\":\"\"}"), 400, "InvalidBody").isEqualTo("gamertag must have 1 to 64 characters; it has 0.");
        assertProblem(put("1", "s", "{\"gamertag\":\"a\\u0001\"}"), 400, "InvalidBody").isEqualTo("gamertag must not contain control characters.");
        assertProblem(put("abc", "s", "{}"), 400, "InvalidXuid").isEqualTo("xuid 'abc' must be an unsigned 64-bit decimal number of 1 to 20 digits.");
        assertProblem(put("1", "a.b", "{}"), 400, "InvalidScid").isEqualTo("scid 'a.b' contains '.' at position 2; only letters, digits, '_' and '-' are allowed.");
        // any Content-Type (or a form type) still carries JSON
        bare().contentType("text/plain").body("{\"stats\":{\"A\":{\"type\":\"String\",\"value\":\"x\"}}}")
                .put(PATH, "1", "s").then().statusCode(200);
    }

    @Test
    void deleteScidKeepsTheGamertagAndDeleteUserForgetsEverything() {
        put("5", "s", "{\"gamertag\":\"G\",\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":\"1\"}}}");
        put("5", "t", "{\"stats\":{\"B\":{\"type\":\"Integer\",\"value\":\"2\"}}}");
        bare().delete("/_emulator/stats/users/5/scids/s").then().statusCode(204).body(emptyString());
        anonymous().get("/users/xuid(5)/scids/s/stats").then().statusCode(200)
                .body(equalTo("{\"xuid\":\"5\",\"gamertag\":\"G\",\"scids\":[{\"scid\":\"s\",\"stats\":[]}]}"));
        anonymous().get("/users/xuid(5)/scids/t/stats").then().statusCode(200).body(equalTo(
                "{\"xuid\":\"5\",\"gamertag\":\"G\",\"scids\":[{\"scid\":\"t\",\"stats\":[{\"statname\":\"B\",\"type\":\"Integer\",\"value\":\"2\"}]}]}"));
        bare().delete("/_emulator/stats/users/5").then().statusCode(204).body(emptyString());
        anonymous().get("/users/xuid(5)/scids/t/stats").then().statusCode(200)
                .body(equalTo("{\"xuid\":\"5\",\"scids\":[{\"scid\":\"t\",\"stats\":[]}]}"));
        // deleting what does not exist is fine too
        bare().delete("/_emulator/stats/users/6").then().statusCode(204);
        bare().delete("/_emulator/stats/users/6/scids/x").then().statusCode(204);
        bare().delete("/_emulator/stats/users/x6").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("InvalidXuid"));
    }
}
