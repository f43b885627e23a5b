package dev.xblmock.emulator;

import static dev.xblmock.emulator.Json.assertJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OverviewIT extends ApiIT {

    @Test
    void countsWhatTheEmulatorHolds() {
        bare().urlEncodingEnabled(false).body("12345").put("/_emulator/storage/blob?namespace=/global/scids/S&name=a.bin,binary")
                .then().statusCode(201);
        bare().urlEncodingEnabled(false).body("{}").put("/_emulator/storage/blob?namespace=/json/users/xuid(1)/scids/S&name=b.json,json")
                .then().statusCode(201);
        bare().contentType("application/json").body("{\"stats\":{\"A\":{\"type\":\"Integer\",\"value\":1}}}")
                .put("/_emulator/stats/users/1/scids/S").then().statusCode(200);
        bare().contentType("application/json").body("{\"status\":503}").post("/_emulator/faults").then().statusCode(201);
        anonymous().get("/global/scids/S").then().statusCode(503);
        anonymous().body(new byte[2048]).put("/global/scids/T/data/big.bin,binary?finalBlock=false").then().statusCode(503);

        JsonNode overview = Json.parse(bare().get("/_emulator/overview").then().statusCode(200).extract().asString());
        assertJson(overview.path("counts").toString(), """
                {"namespaces":2,"blobs":2,"bytes":7,"users":1,"unfinishedUploads":0,"journalEntries":2,"faultRules":1}""");
        assertThat(overview.path("listeners").toString()).isEqualTo("[\"http://localhost:" + port + "\"]");
        assertThat(overview.path("storage").path("backend").asString()).isIn("memory", "filesystem");
        assertThat(overview.path("authMode").asString()).isEqualTo("loose");
        assertThat(overview.path("seed").isNull()).isTrue();
        assertThat(overview.path("startedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(overview.path("uptimeSeconds").asLong()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anUnfinishedUploadIsCounted() {
        anonymous().body(new byte[2048]).put("/sessions/X/scids/S/data/big.bin,binary?finalBlock=false").then().statusCode(200);
        JsonNode overview = Json.parse(bare().get("/_emulator/overview").then().statusCode(200).extract().asString());
        assertThat(overview.path("counts").path("unfinishedUploads").asInt()).isEqualTo(1);
    }
}
