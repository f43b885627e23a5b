package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JournalIT extends ApiIT {

    private static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private String tokenFor(String xuid) {
        return authorization(xuid, Map.of("xid", xuid));
    }

    /** Paths go on the wire exactly as written (REST-assured would percent-encode them). */
    private io.restassured.specification.RequestSpecification raw() {
        return bare().urlEncodingEnabled(false);
    }

    /** The journal's entries with {@code time} and {@code durationMs} checked and removed (they vary). */
    private List<String> journal(String query) {
        Response response = bare().get("/_emulator/requests" + query);
        response.then().statusCode(200).contentType("application/json");
        JsonNode requests = Json.parse(response.asString()).get("requests");
        List<String> entries = new ArrayList<>();
        for (JsonNode entry : requests) {
            assertThat(entry.get("time").asString()).matches(TIME);
            assertThat(Instant.parse(entry.get("time").asString())).isBefore(Instant.now().plusSeconds(1));
            assertThat(entry.get("durationMs").isIntegralNumber()).isTrue();
            assertThat(entry.get("durationMs").asLong()).isBetween(0L, 60_000L);
            ((ObjectNode) entry).remove(List.of("time", "durationMs"));
            entries.add(Json.MAPPER.writeValueAsString(entry));
        }
        return entries;
    }

    @Test
    void recordsXboxRequestsNewestFirstWithRawPathQueryCallerAndStatus() {
        String first = raw().get("/global/scids/MockScid/data/a.json,json?select=x%20y")
                .then().statusCode(401).extract().header("X-Request-Id");
        String second = raw().header("Authorization", tokenFor("2533274792693551"))
                .put("/trustedplatform/users/xuid(2533274792693551)/scids/S/unknown%41thing")
                .then().statusCode(404).extract().header("X-Request-Id");
        String third = raw().header("Authorization", PLACEHOLDER_AUTH).post("/nosuch/route")
                .then().statusCode(404).extract().header("X-Request-Id");

        assertJsonList(journal(""),
                "{\"id\":\"" + third + "\",\"method\":\"POST\",\"path\":\"/nosuch/route\",\"query\":null,"
                        + "\"status\":404,\"service\":\"unknown\",\"operation\":\"unknown\",\"xuid\":null,"
                        + "\"errorCode\":\"NoSuchRoute\"}",
                "{\"id\":\"" + second + "\",\"method\":\"PUT\","
                        + "\"path\":\"/trustedplatform/users/xuid(2533274792693551)/scids/S/unknown%41thing\","
                        + "\"query\":null,\"status\":404,\"service\":\"titlestorage\",\"operation\":\"unknown\","
                        + "\"xuid\":\"2533274792693551\",\"errorCode\":\"NoSuchRoute\"}",
                "{\"id\":\"" + first + "\",\"method\":\"GET\",\"path\":\"/global/scids/MockScid/data/a.json,json\","
                        + "\"query\":\"select=x%20y\",\"status\":401,\"service\":\"titlestorage\","
                        + "\"operation\":\"download\",\"xuid\":null,\"errorCode\":\"Unauthorized\"}");
    }

    private static void assertJsonList(List<String> actual, String... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            Json.assertJson(actual.get(i), expected[i]);
        }
    }

    /** The problem's {@code code} is journaled, including answers given after an asynchronous body read. */
    @Test
    void recordsTheErrorCodeOfProblemAnswersAndNullForOthers() {
        String blob = "/global/scids/MockScid/data/e.bin,binary";
        raw().header("Authorization", PLACEHOLDER_AUTH).body(new byte[64 * 1024]).put(blob).then().statusCode(201);
        raw().header("Authorization", PLACEHOLDER_AUTH).get("/global/scids/MockScid/data/none.bin,binary")
                .then().statusCode(404);
        bare().contentType("application/json").body("{\"method\":\"DELETE\",\"status\":503,\"times\":1}")
                .post("/_emulator/faults").then().statusCode(201);
        raw().header("Authorization", PLACEHOLDER_AUTH).delete(blob).then().statusCode(503);
        raw().header("Authorization", PLACEHOLDER_AUTH).header("Content-Type", "application/json")
                .body("{\"requestedusers\":[],\"requestedscids\":[{\"scid\":\"S\",\"requestedstats\":[]}]}")
                .post("/batch").then().statusCode(400);

        assertThat(journal("")).extracting(e -> Json.parse(e).get("status").asInt() + " "
                        + Json.parse(e).get("errorCode").toString())
                .containsExactly("400 \"InvalidBody\"", "503 \"InjectedFault\"", "404 \"BlobNotFound\"", "201 null");
    }

    @Test
    void controlPlaneRequestsAreNotJournaled() {
        bare().get("/_emulator/health").then().statusCode(200);
        bare().get("/_emulator/requests").then().statusCode(200);
        bare().get("/_emulator/nosuch").then().statusCode(404);
        bare().get("/_emulator/requests").then().statusCode(200).body(equalTo("{\"requests\":[]}"));
    }

    @Test
    void filtersByMethodPathPrefixStatusAndLimit() {
        raw().get("/global/scids/A/data/x.bin,binary").then().statusCode(401);
        raw().delete("/global/scids/A/data/x.bin,binary").then().statusCode(401);
        raw().header("Authorization", PLACEHOLDER_AUTH).header("x-xbl-contract-version", "abc")
                .get("/users/xuid(1)/scids/A/stats").then().statusCode(400);
        raw().header("Authorization", PLACEHOLDER_AUTH).header("x-xbl-contract-version", "abc")
                .post("/batch").then().statusCode(400);
        raw().get("/json/users/xuid(5)/scids/B/data/").then().statusCode(401);

        assertThat(journal("?method=get")).extracting(e -> Json.parse(e).get("path").asString())
                .containsExactly("/json/users/xuid(5)/scids/B/data/", "/users/xuid(1)/scids/A/stats",
                        "/global/scids/A/data/x.bin,binary");
        assertThat(journal("?pathPrefix=/global/")).extracting(e -> Json.parse(e).get("method").asString())
                .containsExactly("DELETE", "GET");
        assertThat(journal("?status=400")).extracting(e -> Json.parse(e).get("operation").asString())
                .containsExactly("statsBatch", "statsRead");
        assertThat(journal("?limit=2")).extracting(e -> Json.parse(e).get("operation").asString())
                .containsExactly("list", "statsBatch");
        assertThat(journal("?method=GET&status=401&limit=1")).extracting(e -> Json.parse(e).get("service").asString())
                .containsExactly("titlestorage");
        assertThat(journal("?method=PATCH")).isEmpty();
    }

    @Test
    void classifiesEveryOperation() {
        String[][] cases = {
                {"GET", "/global/scids/S", "quota"},
                {"GET", "/sessions/Template~Session/scids/S/data", "list"},
                {"GET", "/universalplatform/users/xuid(1)/scids/S/data/dir", "list"},
                {"GET", "/untrustedplatform/users/xuid(1)/scids/S/data/dir/a.bin,binary", "download"},
                {"PUT", "/global/scids/S/data/a.json,config", "upload"},
                {"DELETE", "/sessions/x/scids/S/data/a,json", "delete"},
                {"POST", "/json/users/batch/scids/S/data/a.json,json", "batchDownload"},
                {"GET", "/users/xuid(1)/scids/S/stats/a,b", "statsRead"},
                {"POST", "/batch", "statsBatch"},
                {"POST", "/global/scids/S/data/a.json,json", "unknown"},
                {"GET", "/global/scids/S/other", "unknown"},
        };
        for (String[] c : cases) {
            raw().request(c[0], c[1]);
        }
        List<String> operations = journal("").stream().map(e -> Json.parse(e).get("operation").asString()).toList();
        List<String> expected = new ArrayList<>();
        for (int i = cases.length - 1; i >= 0; i--) {
            expected.add(cases[i][2]);
        }
        assertThat(operations).isEqualTo(expected);
    }

    @Test
    void deleteClearsTheJournal() {
        raw().get("/global/scids/S").then().statusCode(401);
        bare().delete("/_emulator/requests").then().statusCode(204).body(equalTo(""));
        bare().get("/_emulator/requests").then().statusCode(200).body(equalTo("{\"requests\":[]}"));
    }

    @Test
    void invalidFiltersAre400ProblemsNamingTheParameter() {
        String[][] cases = {
                {"status=abc", "Query parameter 'status' must be an integer from 100 to 599."},
                {"status=99", "Query parameter 'status' must be an integer from 100 to 599."},
                {"status=", "Query parameter 'status' must be an integer from 100 to 599."},
                {"limit=0", "Query parameter 'limit' must be an integer from 1 to 2147483647."},
                {"limit=-1", "Query parameter 'limit' must be an integer from 1 to 2147483647."},
                {"limit=99999999999", "Query parameter 'limit' must be an integer from 1 to 2147483647."},
                {"method=G%20T", "Query parameter 'method' must be an HTTP method name (letters only), e.g. GET."},
                {"method=", "Query parameter 'method' must be an HTTP method name (letters only), e.g. GET."},
                {"pathPrefix=", "Query parameter 'pathPrefix' must not be empty."},
        };
        for (String[] c : cases) {
            String body = raw().get("/_emulator/requests?" + c[0]).then().statusCode(400)
                    .contentType("application/problem+json").extract().asString();
            Json.assertJson(body, Json.problem(400, "InvalidParameter", "Invalid query parameter", c[1],
                    "/_emulator/requests"));
        }
    }
}
