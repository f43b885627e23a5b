package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** SPEC 1.1 strict mode on Title Storage: only valid emulator tokens pass, and ownership always applies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "xblmock.auth.mode=strict")
class StrictAuthIT extends TitleStorageApi {

    private RequestSpecification withToken(String userHash, Map<String, Object> claims) {
        return bare().urlEncodingEnabled(false).header("Authorization", authorization(userHash, claims));
    }

    @Test
    void thePlaceholderHeaderIs401() {
        assertProblem(get(global()), 401, "Unauthorized");
        assertProblem(put(trusted("123") + "/data/a.bin,binary", randomBytes(3, 1)), 401, "Unauthorized");
        assertProblem(bare().get(global()), 401, "Unauthorized");
    }

    @Test
    void aValidTokenWorks() {
        String url = trusted("123") + "/data/a.bin,binary";
        put(as("123"), url, randomBytes(3, 2)).then().statusCode(201);
        as("123").get(url).then().statusCode(200);
        as("456").get(url).then().statusCode(200);
        put(as("456"), session("s") + "/data/a.bin,binary", randomBytes(3, 3)).then().statusCode(201);
    }

    @Test
    void ownershipAlwaysApplies() {
        assertProblem(put(as("456"), trusted("123") + "/data/a.bin,binary", randomBytes(3, 4)), 403, "Forbidden");
        assertProblem(put(as("456"), global() + "/data/a.bin,binary", randomBytes(3, 4)), 403, "Forbidden");
        Map<String, Object> developer = new LinkedHashMap<>();
        developer.put("xid", "456");
        developer.put("dev", true);
        developer.put("exp", inAnHour());
        put(withToken("456", developer), global() + "/data/a.bin,binary", randomBytes(3, 5)).then().statusCode(201);
    }

    @Test
    void anExpiredOrForeignTokenIs401() {
        assertProblem(withToken("123", Map.of("xid", "123", "exp", System.currentTimeMillis() / 1000 - 10))
                .get(global()), 401, "Unauthorized", "expired");
        assertProblem(withToken("123", Map.of("xid", "123")).get(global()), 401, "Unauthorized");
        assertProblem(bare().header("Authorization", "XBL3.0 x=123;a.b.c.d.e").get(global()), 401, "Unauthorized");
        String token = tokens.encode(Map.of("xid", "123", "exp", inAnHour()));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertProblem(bare().header("Authorization", "XBL3.0 x=123;" + tampered).get(global()), 401, "Unauthorized");
        assertProblem(bare().header("Authorization", "XBL3.0 x=;" + token).get(global()), 401, "Unauthorized");
    }
}
