package dev.xblmock.userstats;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.xblmock.testsupport.RawHttp;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every 400/401/404/405/406 of the User Statistics routes: problem+json naming the member and the rule. */
class StatsErrorsIT extends StatsApiIT {

    private static final String V1_OK = "{\"requestedusers\":[\"1\"],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\"]}]}";

    @Autowired
    StatsCatalog catalog;

    // ---- contract version (SPEC 1.3) -----------------------------------------------------------------

    @Test
    void contractVersionNotAPositive32BitIntegerIs400() {
        for (String bad : new String[] {"abc", "0", "-1", "2147483648", "1.0", ""}) {
            assertProblem(anonymous().header("x-xbl-contract-version", bad).get("/users/xuid(1)/scids/s/stats"),
                    400, "InvalidContractVersion").isEqualTo("Header x-xbl-contract-version '" + bad + "' must be a positive 32-bit integer.");
        }
    }

    @Test
    void unsupportedContractVersionIs406OnBothRoutes() {
        String detail = "Header x-xbl-contract-version 4 is not supported by userstats; supported: 1, 2, 3.";
        assertProblem(version(4).get("/users/xuid(1)/scids/s/stats"), 406, "UnsupportedContractVersion").isEqualTo(detail);
        assertProblem(batch(4, V1_OK), 406, "UnsupportedContractVersion").isEqualTo(detail);
        // checked before the body (SPEC 7)
        assertProblem(batch(4, "not json"), 406, "UnsupportedContractVersion").isEqualTo(detail);
    }

    @Test
    void missingAuthorizationIs401BeforeAnythingElse() {
        bare().header("x-xbl-contract-version", "9").body("not json").post("/batch?operation=write")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("Unauthorized"));
    }

    // ---- single-user GET ---------------------------------------------------------------------------

    @Test
    void badUserSegment() {
        assertProblem(anonymous().get("/users/2533274792693551/scids/s/stats"), 400, "InvalidXuid").isEqualTo("The user segment '2533274792693551' must have the form xuid(<digits>).");
        assertProblem(anonymous().get("/users/xuid(18446744073709551616)/scids/s/stats"), 400, "InvalidXuid").isEqualTo("xuid '18446744073709551616' is greater than 18446744073709551615.");
        assertProblem(anonymous().get("/users/xuid(12a)/scids/s/stats"), 400, "InvalidXuid").isEqualTo("xuid '12a' must be an unsigned 64-bit decimal number of 1 to 20 digits.");
    }

    @Test
    void badScid() {
        assertProblem(anonymous().get("/users/xuid(1)/scids/a.b/stats"), 400, "InvalidScid").isEqualTo("scid 'a.b' contains '.' at position 2; only letters, digits, '_' and '-' are allowed.");
        assertProblem(anonymous().get("/users/xuid(1)/scids/" + "s".repeat(65) + "/stats"), 400, "InvalidScid").isEqualTo("scid is 65 characters long; at most 64 are allowed.");
    }

    @Test
    void badStatNamesInThePath() {
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats/Good,Bad!"), 400, "InvalidStat").isEqualTo("The stat names segment, name 2: stat name 'Bad!' contains '!' at position 4; "
                        + "only letters, digits, '_', '.' and '-' are allowed.");
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats/a,,b"), 400, "InvalidStat").isEqualTo("The stat names segment, name 2: stat name must not be empty.");
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats/" + "n".repeat(129)), 400, "InvalidStat").isEqualTo("The stat names segment, name 1: stat name is 129 characters long; at most 128 are allowed.");
    }

    @Test
    void atMost100Names() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "S" + i).collect(Collectors.joining(","));
        anonymous().get("/users/xuid(1)/scids/s/stats/" + hundred).then().statusCode(200);
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats/" + hundred + ",S100"), 400, "InvalidParameter").isEqualTo("The stat names segment has 101 stat names; at most 100 are allowed (xblmock.stats.max-names).");
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats?statNames=" + hundred + ",S100"), 400,
                "InvalidParameter").isEqualTo("Query parameter 'statNames' has 101 stat names; at most 100 are allowed "
                        + "(xblmock.stats.max-names).");
    }

    @Test
    void badStatNamesQueryParameter() throws Exception {
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats?statNames="), 400, "InvalidStat").isEqualTo("Query parameter 'statNames', name 1: stat name must not be empty.");
        assertProblem(RawHttp.send(port, "GET", "/users/xuid(1)/scids/s/stats?statNames=a%zz", "Authorization: "
                + PLACEHOLDER_AUTH), 400, "InvalidParameter").isEqualTo("Query parameter 'statNames' has an invalid percent-encoding '%zz' at position 2; '%' must be followed by two hex digits.");
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats/a?statNames=b"), 400, "InvalidParameter").isEqualTo("Stat names are given both in the path and in 'statNames'; give them in one place.");
    }

    @Test
    void wrongMethodsAndUnknownRoutes() {
        anonymous().post("/users/xuid(1)/scids/s/stats").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("MethodNotAllowed"));
        anonymous().get("/batch").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("MethodNotAllowed"));
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stat"), 404, "NoSuchRoute").isEqualTo("No route matches GET /users/xuid(1)/scids/s/stat. Did you mean .../stats (lower case, no trailing '/')?");
        assertProblem(anonymous().get("/users/xuid(1)/scids/s/stats/a/b"), 404, "NoSuchRoute").isEqualTo("No route matches GET /users/xuid(1)/scids/s/stats/a/b. A user's stats are read with "
                        + "GET /users/xuid({xuid})/scids/{scid}/stats[/{name},{name}…].");
        assertProblem(anonymous().body(V1_OK).post("/batch/read"), 404, "NoSuchRoute").isEqualTo("No route matches POST /batch/read. The User Statistics batch route is POST /batch?operation=read.");
    }

    // ---- batch: request -----------------------------------------------------------------------------

    @Test
    void operationOtherThanRead() {
        assertProblem(anonymous().body(V1_OK).post("/batch?operation=write"), 400, "InvalidParameter").isEqualTo("Query parameter 'operation' must be 'read' (the only batch operation), not 'write'.");
        assertProblem(anonymous().body(V1_OK).post("/batch?operation="), 400, "InvalidParameter").isEqualTo("Query parameter 'operation' must be 'read' (the only batch operation), not ''.");
        // the query is checked before the body (SPEC 7)
        assertProblem(anonymous().body("not json").post("/batch?operation=delete"), 400, "InvalidParameter").isEqualTo("Query parameter 'operation' must be 'read' (the only batch operation), not 'delete'.");
    }

    @Test
    void malformedJsonBodies() {
        assertProblem(batch(1, "{\"requestedusers\":[\"1\""), 400, "InvalidBody").isEqualTo("The request body is not valid JSON: Unexpected end-of-input: expected close marker for Array "
                        + "(line 1, column 23).");
        assertProblem(batch(1, "{} {}"), 400, "InvalidBody").isEqualTo("The request body is not valid JSON: more content follows the root value (line 1, column 4).");
        assertProblem(batch(1, "{\"requestedusers\":" + "[".repeat(600) + "]".repeat(600) + "}"), 400, "InvalidBody").isEqualTo("The request body is not valid JSON: Document nesting depth (501) exceeds the maximum allowed (500).");
        assertProblem(batch(1, "{\"requestedusers\":[\"1\"],\"requestedusers\":[\"2\"]}"), 400, "InvalidBody").isEqualTo("The request body is not valid JSON: Duplicate Object property \"requestedusers\" (line 1, column 41).");
        assertProblem(batch(1, ""), 400, "InvalidBody").isEqualTo("The request body is empty; a JSON object is required.");
        assertProblem(batch(1, "  \n"), 400, "InvalidBody").isEqualTo("The request body is empty; a JSON object is required.");
        assertProblem(batch(1, "[]"), 400, "InvalidBody").isEqualTo("The request body must be a JSON object, not array.");
        assertProblem(batch(1, "\"x\""), 400, "InvalidBody").isEqualTo("The request body must be a JSON object, not string.");
    }

    @Test
    void bodyOverOneMebibyteIsRefused() throws Exception {
        String padding = " ".repeat(1024 * 1024);
        assertProblem(batch(1, V1_OK + padding), 400, "BodyTooLarge").isEqualTo("The request body has "
                + (V1_OK.length() + padding.length()) + " bytes; at most 1048576 bytes are allowed "
                + "(xblmock.stats.max-request-bytes).");
        // exactly the limit is fine
        batch(1, V1_OK + " ".repeat(1024 * 1024 - V1_OK.length())).then().statusCode(200);
        // without a Content-Length (chunked) reading stops one byte past the limit
        HttpResponse<String> chunked = rawPostChunked("/batch?operation=read", V1_OK + padding);
        assertThat(chunked.statusCode()).isEqualTo(400);
        assertThat(chunked.body()).contains("\"code\":\"BodyTooLarge\"")
                .contains("The request body has more than 1048576 bytes; at most 1048576 bytes are allowed");
    }

    // ---- batch v1: members ------------------------------------------------------------------------------

    @Test
    void requestedUsers() {
        assertProblem(batch(1, "{\"requestedscids\":[]}"), 400, "InvalidBody").isEqualTo("Member 'requestedusers' is required: an array of 1 to 100 entries.");
        assertProblem(batch(1, "{\"requestedusers\":null}"), 400, "InvalidBody").isEqualTo("Member 'requestedusers' is required: an array of 1 to 100 entries.");
        assertProblem(batch(1, "{\"requestedusers\":\"1\"}"), 400, "InvalidBody").isEqualTo("Member 'requestedusers' must be an array, not string.");
        assertProblem(batch(1, "{\"requestedusers\":[]}"), 400, "InvalidBody").isEqualTo("Member 'requestedusers' has 0 entries; 1 to 100 are allowed (xblmock.stats.max-users).");
        String users = IntStream.rangeClosed(1, 101).mapToObj(String::valueOf).collect(Collectors.joining(","));
        assertProblem(batch(1, "{\"requestedusers\":[" + users + "]}"), 400, "InvalidBody").isEqualTo("Member 'requestedusers' has 101 entries; 1 to 100 are allowed (xblmock.stats.max-users).");
        assertProblem(batch(1, "{\"requestedusers\":[\"1\",\"2\",\"3\",\"abc\"]}"), 400, "InvalidXuid").isEqualTo("requestedusers[3] 'abc' must be an unsigned 64-bit decimal number of 1 to 20 digits.");
        assertProblem(batch(1, "{\"requestedusers\":[1,-5]}"), 400, "InvalidXuid").isEqualTo("requestedusers[1] '-5' must be an unsigned 64-bit decimal number of 1 to 20 digits.");
        assertProblem(batch(1, "{\"requestedusers\":[18446744073709551616]}"), 400, "InvalidXuid").isEqualTo("requestedusers[0] '18446744073709551616' is greater than 18446744073709551615.");
        assertProblem(batch(1, "{\"requestedusers\":[1.5]}"), 400, "InvalidBody").isEqualTo("requestedusers[0] must be a xuid: a decimal string or an unsigned integer, not number.");
        assertProblem(batch(1, "{\"requestedusers\":[true]}"), 400, "InvalidBody").isEqualTo("requestedusers[0] must be a xuid: a decimal string or an unsigned integer, not boolean.");
    }

    @Test
    void requestedScids() {
        assertProblem(batch(1, "{\"requestedusers\":[1]}"), 400, "InvalidBody").isEqualTo("Member 'requestedscids' is required: an array of 1 to 16 entries.");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[]}"), 400, "InvalidBody").isEqualTo("Member 'requestedscids' has 0 entries; 1 to 16 are allowed (xblmock.stats.max-scids).");
        String scids = IntStream.range(0, 17).mapToObj(i -> "{\"scid\":\"s" + i + "\",\"requestedstats\":[\"a\"]}")
                .collect(Collectors.joining(","));
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[" + scids + "]}"), 400, "InvalidBody").isEqualTo("Member 'requestedscids' has 17 entries; 1 to 16 are allowed (xblmock.stats.max-scids).");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[\"s\"]}"), 400, "InvalidBody").isEqualTo("requestedscids[0] must be an object {\"scid\": …, \"requestedstats\": […]}, not string.");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"requestedstats\":[\"a\"]}]}"), 400,
                "InvalidBody").isEqualTo("requestedscids[0].scid is required.");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":7,\"requestedstats\":[\"a\"]}]}"),
                400, "InvalidBody").isEqualTo("requestedscids[0].scid must be a string, not number.");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"a b\",\"requestedstats\":[\"a\"]}]}"),
                400, "InvalidScid").isEqualTo("requestedscids[0].scid: scid 'a b' contains U+0020 at position 2; "
                        + "only letters, digits, '_' and '-' are allowed.");
    }

    @Test
    void requestedStats() {
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\"]},{\"scid\":\"t\"}]}"),
                400, "InvalidBody").isEqualTo("Member 'requestedscids[1].requestedstats' is required: an array of 1 to 100 entries.");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[]}]}"),
                400, "InvalidBody").isEqualTo("Member 'requestedscids[0].requestedstats' has 0 entries; 1 to 100 are allowed "
                        + "(xblmock.stats.max-stats-per-scid).");
        String stats = IntStream.range(0, 101).mapToObj(i -> "\"s" + i + "\"").collect(Collectors.joining(","));
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[" + stats + "]}]}"),
                400, "InvalidBody").isEqualTo("Member 'requestedscids[0].requestedstats' has 101 entries; 1 to 100 are allowed "
                        + "(xblmock.stats.max-stats-per-scid).");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\",\"b\",\"c/d\"]}]}"),
                400, "InvalidStat").isEqualTo("requestedscids[0].requestedstats[2]: stat name 'c/d' contains '/' at position 2; "
                        + "only letters, digits, '_', '.' and '-' are allowed.");
        assertProblem(batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[5]}]}"),
                400, "InvalidBody").isEqualTo("requestedscids[0].requestedstats[0] must be a stat name (a string), not number.");
    }

    // ---- batch v2 --------------------------------------------------------------------------------------

    @Test
    void v2Members() {
        assertProblem(batch(2, V1_OK), 400, "InvalidBody").isEqualTo("Member 'xuids' is required: an array of 1 to 100 entries.");
        assertProblem(batch(2, "{\"xuids\":[1]}"), 400, "InvalidBody").isEqualTo("The body must ask for at least one stat ('stats') or group ('groups').");
        assertProblem(batch(2, "{\"xuids\":[1],\"stats\":[],\"groups\":[]}"), 400, "InvalidBody").isEqualTo("The body must ask for at least one stat ('stats') or group ('groups').");
        assertProblem(batch(2, "{\"arrangebyfield\":\"gamertag\",\"xuids\":[1],\"stats\":[{\"name\":\"a\",\"scid\":\"s\"}]}"),
                400, "InvalidBody").isEqualTo("Member 'arrangebyfield' must be \"xuid\" (the only arrangement supported).");
        assertProblem(batch(3, "{\"xuids\":[1],\"stats\":[{\"scid\":\"s\"}]}"), 400, "InvalidBody").isEqualTo("stats[0].name is required.");
        assertProblem(batch(3, "{\"xuids\":[1],\"stats\":[{\"name\":\"a\",\"scid\":\"s\",\"titleId\":\"1\"}]}"), 400,
                "InvalidBody").isEqualTo("stats[0] has both 'scid' and 'titleId'; give exactly one.");
        assertProblem(batch(3, "{\"xuids\":[1],\"stats\":[{\"name\":\"a\"}]}"), 400, "InvalidBody").isEqualTo("stats[0] needs 'scid' or 'titleId'.");
        assertProblem(batch(3, "{\"xuids\":[1],\"groups\":[{\"name\":\"Hero\",\"titleId\":\"abc\"}]}"), 400, "InvalidBody").isEqualTo("groups[0].titleId 'abc' must be a title id: an unsigned 32-bit decimal number (at most 4294967295).");
        assertProblem(batch(3, "{\"xuids\":[1],\"groups\":[{\"name\":\"Hero\",\"titleId\":4294967296}]}"), 400, "InvalidBody").isEqualTo("groups[0].titleId '4294967296' must be a title id: an unsigned 32-bit decimal number (at most 4294967295).");
        assertProblem(batch(3, "{\"xuids\":[1],\"stats\":[{\"name\":\"a b\",\"scid\":\"s\"}]}"), 400, "InvalidStat").isEqualTo("stats[0].name: stat name 'a b' contains U+0020 at position 2; only letters, digits, '_', '.' and '-' are allowed.");
        String groups = IntStream.range(0, 17).mapToObj(i -> "{\"name\":\"g\",\"scid\":\"s\"}").collect(Collectors.joining(","));
        assertProblem(batch(2, "{\"xuids\":[1],\"groups\":[" + groups + "]}"), 400, "InvalidBody").isEqualTo("Member 'groups' has 17 entries; 0 to 16 are allowed (xblmock.stats.max-groups).");
    }

    @Test
    void v2PerScidLimitsApplyAfterTitlesAreResolved() {
        catalog.defineTitle("100", "s");
        String seventeenScids = IntStream.range(0, 17).mapToObj(i -> "{\"name\":\"a\",\"scid\":\"s" + i + "\"}")
                .collect(Collectors.joining(","));
        assertProblem(batch(2, "{\"xuids\":[1],\"stats\":[" + seventeenScids + "]}"), 400, "InvalidBody").isEqualTo("stats[16] asks for scid 's16', making 17 distinct scids; at most 16 are allowed (xblmock.stats.max-scids).");
        String hundredOne = IntStream.range(0, 101)
                .mapToObj(i -> i % 2 == 0 ? "{\"name\":\"a" + i + "\",\"scid\":\"s\"}" : "{\"name\":\"a" + i + "\",\"titleId\":100}")
                .collect(Collectors.joining(","));
        assertProblem(batch(2, "{\"xuids\":[1],\"stats\":[" + hundredOne + "]}"), 400, "InvalidBody").isEqualTo("stats[100] makes 101 stats asked for scid 's'; at most 100 per scid are allowed "
                        + "(xblmock.stats.max-stats-per-scid).");
    }

    @Test
    void unknownTitle() {
        assertProblem(batch(2, "{\"xuids\":[1],\"stats\":[{\"name\":\"a\",\"scid\":\"s\"},{\"name\":\"a\",\"titleId\":\"123\"}]}"),
                400, "UnknownTitle").isEqualTo("stats[1].titleId '123' has no scid mapping; define it in the seed manifest's 'titles'.");
        assertProblem(batch(3, "{\"xuids\":[1],\"groups\":[{\"name\":\"Hero\",\"titleId\":0123}]}".replace("0123", "123")),
                400, "UnknownTitle").isEqualTo("groups[0].titleId '123' has no scid mapping; define it in the seed manifest's 'titles'.");
        assertProblem(batch(3, "{\"xuids\":[1],\"groups\":[{\"name\":\"Hero\",\"titleId\":\"000123\"}]}"),
                400, "UnknownTitle").isEqualTo("groups[0].titleId '123' has no scid mapping; define it in the seed manifest's 'titles'.");
    }

    @Test
    void errorsNeverEchoAStackTraceAndCarryTheRequestId() {
        Response response = batch(1, "{\"requestedusers\":[\"1\"");
        response.then().statusCode(400).header("X-Request-Id", org.hamcrest.Matchers.notNullValue());
        assertThat(response.asString()).doesNotContain("at tools.").doesNotContain("Exception");
    }

    private HttpResponse<String> rawPostChunked(String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                .header("Authorization", PLACEHOLDER_AUTH)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
