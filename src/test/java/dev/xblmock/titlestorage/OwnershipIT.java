package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** SPEC 1.2 in the default (loose) auth mode: who may write which storage. */
class OwnershipIT extends TitleStorageApi {

    private RequestSpecification as(String xuid, boolean developer) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("xid", xuid);
        claims.put("exp", inAnHour());
        if (developer) {
            claims.put("dev", true);
        }
        return bare().urlEncodingEnabled(false).header("Authorization", authorization(xuid, claims));
    }

    @Test
    void theOwnerWritesTheirStorage() {
        String url = trusted("123") + "/data/save.bin,binary";
        byte[] body = randomBytes(20, 1);
        put(as("123"), url, body).then().statusCode(201);
        assertThat(as("123").get(url).asByteArray()).isEqualTo(body);
        put(as("123"), trusted("0123") + "/data/other.bin,binary", body).then().statusCode(201);
        as("123").delete(url).then().statusCode(200);
    }

    @Test
    void anotherUserMayNotWriteOrDelete() {
        String url = trusted("123") + "/data/save.bin,binary";
        String etag = etagOf(put(as("123"), url, randomBytes(20, 2)));

        assertProblem(put(as("456"), url, randomBytes(5, 3)), 403, "Forbidden", "456", "123");
        assertProblem(as("456").delete(url), 403, "Forbidden", "456", "123");
        assertProblem(put(as("456", true), url, randomBytes(5, 3)), 403, "Forbidden");
        assertProblem(put(as("456"), user("json", "123") + "/data/a.json,json", utf8("{}")), 403, "Forbidden");
        assertProblem(put(as("456"), user("universalplatform", "123") + "/data/a.bin,binary?finalBlock=false",
                randomBytes(1_024, 4)), 403, "Forbidden");
        as("123").get(url).then().statusCode(200).header("ETag", etag).header("Content-Length", "20");
    }

    @Test
    void anotherUserMayNotContinueTheOwnersUpload() {
        String url = user("universalplatform", "123") + "/data/big.bin,binary";
        String token = put(as("123"), url + "?finalBlock=false", randomBytes(1_024, 5)).jsonPath()
                .getString("continuationToken");
        assertProblem(put(as("456"), url + "?finalBlock=true&continuationToken=" + token, randomBytes(5, 6)), 403,
                "Forbidden");
        put(as("123"), url + "?finalBlock=true&continuationToken=" + token, randomBytes(5, 6)).then().statusCode(200);
    }

    @Test
    void readsOfAnotherUsersStorageAreAllowedByDefault() {
        String url = trusted("123") + "/data/save.bin,binary";
        byte[] body = randomBytes(20, 7);
        put(as("123"), url, body).then().statusCode(201);
        Response read = as("456").get(url);
        read.then().statusCode(200);
        assertThat(read.asByteArray()).isEqualTo(body);
        as("456").get(trusted("123") + "/data").then().statusCode(200);
        as("456").get(trusted("123")).then().statusCode(200);
    }

    @Test
    void anAnonymousCallerIsNotCheckedInLooseMode() {
        put(trusted("123") + "/data/a.bin,binary", randomBytes(3, 8)).then().statusCode(201);
        put(global() + "/data/a.bin,binary", randomBytes(3, 9)).then().statusCode(201);
        bare().urlEncodingEnabled(false).header("Authorization", "XBL3.0 x=abc;not.an.emulator.token.jwe")
                .delete(trusted("123") + "/data/a.bin,binary").then().statusCode(200);
    }

    @Test
    void globalStorageIsWrittenOnlyByDevelopers() {
        String url = global() + "/data/title.json,json";
        assertProblem(put(as("123"), url, utf8("{}")), 403, "Forbidden", "dev");
        get(url).then().statusCode(404);
        put(as("123", true), url, utf8("{}")).then().statusCode(201);
        assertProblem(as("123").delete(url), 403, "Forbidden");
        as("123").get(url).then().statusCode(200);
        as("123", true).delete(url).then().statusCode(200);
    }

    @Test
    void sessionStorageIsWrittenByAnyone() {
        String url = session("Lobby~7") + "/data/state.bin,binary";
        put(as("123"), url, randomBytes(3, 10)).then().statusCode(201);
        put(as("456"), url, randomBytes(4, 11)).then().statusCode(201);
        as("789").delete(url).then().statusCode(200);
    }
}
