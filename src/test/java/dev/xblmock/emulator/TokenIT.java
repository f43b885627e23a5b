package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TokenIT extends ApiIT {

    private Response mint(String body) {
        return bare().contentType("application/json").body(body).post("/_emulator/tokens");
    }

    /** The token's claims, with {@code exp} checked against now + {@code lifetime} and removed. */
    static String claimsOf(String token, long lifetime) {
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        JsonNode claims = Json.parse(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        long expected = Instant.now().getEpochSecond() + lifetime;
        assertThat(claims.get("exp").asLong()).isBetween(expected - 5, expected + 1);
        ((ObjectNode) claims).remove("exp");
        return Json.MAPPER.writeValueAsString(claims);
    }

    @Test
    void mintsATokenWithEveryClaim() {
        Response response = mint("{\"xuid\":\"2533274792693551\",\"gamertag\":\"WarriorSaint\","
                + "\"titleId\":\"1717113201\",\"userHash\":\"abc123\",\"sandbox\":\"XDKS.1\",\"developer\":true,"
                + "\"expiresInSeconds\":3600}");
        response.then().statusCode(201).contentType("application/json");
        String token = response.path("token");
        assertThat(response.asString()).isEqualTo(
                "{\"token\":\"" + token + "\",\"authorization\":\"XBL3.0 x=abc123;" + token + "\"}");
        assertThat(claimsOf(token, 3600)).isEqualTo("{\"xid\":\"2533274792693551\",\"uhs\":\"abc123\","
                + "\"gtg\":\"WarriorSaint\",\"tid\":\"1717113201\",\"sbx\":\"XDKS.1\",\"dev\":true}");
    }

    @Test
    void defaultsUserHashToTheXuidAndExpiryTo24HoursAndOmitsClaimsNotGiven() {
        Response response = mint("{\"xuid\":2533274792693551}");
        response.then().statusCode(201);
        String token = response.path("token");
        assertThat((String) response.path("authorization")).isEqualTo("XBL3.0 x=2533274792693551;" + token);
        assertThat(claimsOf(token, 24 * 3600)).isEqualTo("{\"xid\":\"2533274792693551\",\"uhs\":\"2533274792693551\"}");
    }

    @Test
    void givenClaimsAreIncludedEvenWhenFalseAndXuidsAreCanonical() {
        String token = mint("{\"xuid\":\"0042\",\"developer\":false,\"titleId\":7,\"expiresInSeconds\":-10}")
                .then().statusCode(201).extract().path("token");
        assertThat(claimsOf(token, -10)).isEqualTo("{\"xid\":\"42\",\"uhs\":\"42\",\"tid\":\"7\",\"dev\":false}");
    }

    @Test
    void theMintedTokenIdentifiesTheCaller() {
        String authorization = mint("{\"xuid\":\"77\"}").then().statusCode(201).extract().path("authorization");
        bare().header("Authorization", authorization).get("/global/scids/S");
        bare().get("/_emulator/requests").then().body("requests[0].xuid", equalTo("77"));
    }

    private String authorization(String body) {
        return mint(body).then().statusCode(201).extract().path("authorization");
    }

    @Test
    void mintedTokensCarryOwnership() {
        String path = "/trustedplatform/users/xuid(2533274792693551)/scids/MockScid/data/save.bin,binary";
        bare().urlEncodingEnabled(false).header("Authorization", authorization("{\"xuid\":\"2533274792693551\"}"))
                .body("owner").put(path).then().statusCode(201).body(equalTo("{}"));
        String body = bare().urlEncodingEnabled(false).header("Authorization", authorization("{\"xuid\":\"42\"}"))
                .body("intruder").put(path).then().statusCode(403).contentType("application/problem+json")
                .extract().asString();
        Json.assertJson(body, Json.problem(403, "Forbidden", "Forbidden",
                "Caller xuid 42 may not write the storage of xuid 2533274792693551.", path));
        bare().urlEncodingEnabled(false).header("Authorization", PLACEHOLDER_AUTH).get(path)
                .then().statusCode(200).body(equalTo("owner"));
    }

    @Test
    void onlyADeveloperTokenWritesGlobalStorage() {
        String path = "/global/scids/MockScid/data/config/motd.json,json";
        bare().urlEncodingEnabled(false).header("Authorization", authorization("{\"xuid\":\"7\",\"developer\":true}"))
                .body("{\"motd\":\"hi\"}").put(path).then().statusCode(201);
        String body = bare().urlEncodingEnabled(false)
                .header("Authorization", authorization("{\"xuid\":\"7\",\"developer\":false}"))
                .body("{\"motd\":\"bye\"}").put(path).then().statusCode(403).extract().asString();
        Json.assertJson(body, Json.problem(403, "Forbidden", "Forbidden",
                "Only a developer token (claim dev=true) may write global storage; caller 7 is not one.", path));
        bare().urlEncodingEnabled(false).header("Authorization", authorization("{\"xuid\":\"8\"}"))
                .body("{}").put(path).then().statusCode(403);
        bare().urlEncodingEnabled(false).header("Authorization", PLACEHOLDER_AUTH).get(path)
                .then().statusCode(200).body(equalTo("{\"motd\":\"hi\"}"));
    }

    @Test
    void invalidRequestsAre400NamingTheMember() {
        String[][] cases = {
                {"{}", "InvalidBody", "Invalid request body", "Member 'xuid' is required."},
                {"{\"xuid\":\"abc\"}", "InvalidXuid", "Invalid xuid",
                        "Member 'xuid': xuid 'abc' must be an unsigned 64-bit decimal number of 1 to 20 digits."},
                {"{\"xuid\":\"18446744073709551616\"}", "InvalidXuid", "Invalid xuid",
                        "Member 'xuid': xuid '18446744073709551616' is greater than 18446744073709551615."},
                {"{\"xuid\":-1}", "InvalidXuid", "Invalid xuid",
                        "Member 'xuid': xuid '-1' must be an unsigned 64-bit decimal number of 1 to 20 digits."},
                {"{\"xuid\":true}", "InvalidBody", "Invalid request body", "Member 'xuid' must be a string."},
                {"{\"xuid\":\"1\",\"developer\":\"yes\"}", "InvalidBody", "Invalid request body",
                        "Member 'developer' must be true or false."},
                {"{\"xuid\":\"1\",\"titleId\":\"12x\"}", "InvalidBody", "Invalid request body",
                        "Member 'titleId': titleId '12x' must be a title id: an unsigned 32-bit decimal number "
                                + "(at most 4294967295)."},
                {"{\"xuid\":\"1\",\"titleId\":4294967296}", "InvalidBody", "Invalid request body",
                        "Member 'titleId': titleId '4294967296' must be a title id: an unsigned 32-bit decimal number "
                                + "(at most 4294967295)."},
                {"{\"xuid\":\"1\",\"userHash\":\"a;b\"}", "InvalidBody", "Invalid request body",
                        "Member 'userHash' must be 1 to 128 printable ASCII characters without spaces, ';' or ','."},
                {"{\"xuid\":\"1\",\"gamertag\":\"\"}", "InvalidBody", "Invalid request body",
                        "Member 'gamertag' must be 1 to 128 characters without control characters."},
                {"{\"xuid\":\"1\",\"expiresInSeconds\":1.5}", "InvalidBody", "Invalid request body",
                        "Member 'expiresInSeconds' must be an integer from -315360000 to 315360000."},
                {"{\"xuid\":\"1\",\"xid\":\"1\"}", "InvalidBody", "Invalid request body", "Unknown member 'xid'; "
                        + "allowed: xuid, gamertag, titleId, userHash, sandbox, developer, expiresInSeconds."},
                {"\"1\"", "InvalidBody", "Invalid request body", "The body must be a JSON object (a token request)."},
        };
        for (String[] c : cases) {
            String body = mint(c[0]).then().statusCode(400).contentType("application/problem+json")
                    .extract().asString();
            Json.assertJson(body, Json.problem(400, c[1], c[2], c[3], "/_emulator/tokens"));
        }
    }
}
