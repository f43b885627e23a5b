package dev.xblmock.emulator;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import dev.xblmock.common.identity.AuthMode;
import dev.xblmock.common.identity.AuthProperties;
import dev.xblmock.common.identity.EmulatorTokens;
import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** Strict mode accepts only tokens minted by this process's control plane, unexpired. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xblmock.auth.mode=strict")
class StrictModeTokenIT extends ApiIT {

    private static final String QUOTA = "/trustedplatform/users/xuid(2533274792693551)/scids/MockScid";

    private String mint(String body) {
        return bare().contentType("application/json").body(body).post("/_emulator/tokens")
                .then().statusCode(201).extract().path("authorization");
    }

    private void assertUnauthorized(String authorization, String detail) {
        String body = bare().urlEncodingEnabled(false).header("Authorization", authorization).get(QUOTA)
                .then().statusCode(401).header("WWW-Authenticate", "XBL3.0").extract().asString();
        Json.assertJson(body, Json.problem(401, "Unauthorized", "Unauthorized", detail, QUOTA));
    }

    @Test
    void aMintedTokenPassesAuthentication() {
        String authorization = mint("{\"xuid\":\"2533274792693551\"}");
        bare().urlEncodingEnabled(false).header("Authorization", authorization).get(QUOTA).then().statusCode(200)
                .body(equalTo("{\"quotaInfo\":{\"usedBytes\":0,\"quotaBytes\":268435456}}"));
        bare().get("/_emulator/requests").then().body("requests[0].xuid", equalTo("2533274792693551"));
    }

    @Test
    void theOwnerWritesAndAnotherUserIsForbidden() {
        String path = QUOTA + "/data/save.bin,binary";
        bare().urlEncodingEnabled(false).header("Authorization", mint("{\"xuid\":\"2533274792693551\"}"))
                .body("x").put(path).then().statusCode(201);
        bare().urlEncodingEnabled(false).header("Authorization", mint("{\"xuid\":\"1\"}"))
                .body("x").put(path).then().statusCode(403);
    }

    @Test
    void withoutATokenItIs401() {
        assertUnauthorized("XBL3.0 x=;", "The Authorization header needs a non-empty user hash and token (strict mode).");
    }

    @Test
    void aTokenSignedWithAnotherSecretIs401() {
        String forged = new EmulatorTokens(new AuthProperties(AuthMode.STRICT, "another-secret"))
                .encode(Map.of("xid", "2533274792693551", "exp", 4_000_000_000L));
        assertUnauthorized("XBL3.0 x=1;" + forged,
                "The token's signature does not match this emulator's secret (strict mode).");
    }

    @Test
    void aTamperedTokenIs401() {
        String authorization = mint("{\"xuid\":\"2533274792693551\"}");
        String tampered = authorization.substring(0, authorization.length() - 2)
                + (authorization.endsWith("AA") ? "BB" : "AA");
        assertUnauthorized(tampered, "The token's signature does not match this emulator's secret (strict mode).");
    }

    @Test
    void anExpiredTokenIs401() {
        assertUnauthorized(mint("{\"xuid\":\"2533274792693551\",\"expiresInSeconds\":0}"),
                "The token has expired or carries no 'exp' claim (strict mode).");
        assertUnauthorized(mint("{\"xuid\":\"2533274792693551\",\"expiresInSeconds\":-60}"),
                "The token has expired or carries no 'exp' claim (strict mode).");
    }
}
