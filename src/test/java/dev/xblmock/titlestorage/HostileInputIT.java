package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import dev.xblmock.testsupport.RawHttp;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC 1.4, 2 and 7: hostile paths on Title Storage routes are answered with a 4xx problem+json naming the
 * fault (never a 500, never HTML, never a blob outside the namespace), and the server keeps serving.
 * Requests go over a raw socket so the path reaches the server exactly as written.
 */
class HostileInputIT extends TitleStorageApi {

    private static final String G = "/global/scids/MockScid";
    private static final String U = "/trustedplatform/users/xuid(1)/scids/MockScid";

    private RawHttp.Response send(String method, String target) {
        return RawHttp.send(port, method, target, "Authorization: " + PLACEHOLDER_AUTH);
    }

    /** The reply is a problem+json with this status, code and detail fragment, and the server still works. */
    private void assertRefused(RawHttp.Response reply, int status, String code, String detailFragment) {
        assertProblem(reply, status, code, detailFragment);
        assertStillServing();
    }

    private void assertStillServing() {
        RawHttp.Response normal = send("GET", G);
        assertThat(normal.status()).isEqualTo(200);
        assertThat(normal.text()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":0,\"quotaBytes\":268435456}}");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // traversal and dot segments
            "GET    | " + G + "/data/../x.bin,binary                  | 400 | InvalidPath | '.'",
            "PUT    | " + G + "/data/../x.bin,binary                  | 400 | InvalidPath | '.'",
            "DELETE | " + G + "/data/../x.bin,binary                  | 400 | InvalidPath | '.'",
            "GET    | " + G + "/data/a/./x.bin,binary                 | 400 | InvalidPath | '.'",
            "GET    | " + G + "/data/%2e%2e/x.bin,binary              | 400 | InvalidPath | '.'",
            "PUT    | " + G + "/data/a/%2E%2E/%2E%2E/x.bin,binary     | 400 | InvalidPath | '.'",
            "GET    | " + G + "/data/..,binary                        | 400 | InvalidPath | '..'",
            "GET    | " + G + "/data/a..b,binary                      | 400 | InvalidPath | '..'",
            "GET    | " + G + "/data/x.bin.,binary                    | 400 | InvalidPath | '.'",
            "GET    | " + G + "/data/a/..                             | 400 | InvalidPath | '.'",
            "GET    | " + G + "/data/../../../../etc/passwd           | 400 | InvalidPath | '.'",
            "GET    | " + U + "/data/../../../xuid(2)/scids/MockScid/data/a,binary | 400 | InvalidPath | '.'",
            "GET    | /global/scids/../scids/MockScid/data/a,binary  | 400 | InvalidPath | dot segment",
            "GET    | /global/../global/scids/MockScid/data/a,binary | 400 | InvalidPath | dot segment",
            // empty segments and leading slashes
            "GET    | " + G + "/data//a                               | 400 | InvalidPath | '/'",
            "GET    | " + G + "/data/a//b                             | 400 | InvalidPath | //",
            "PUT    | " + G + "/data//a.bin,binary                    | 400 | InvalidPath | '/'",
            "PUT    | " + G + "/data/a//b.bin,binary                  | 400 | InvalidPath | //",
            "PUT    | " + G + "/data/a/b//c.bin,binary                | 400 | InvalidPath | //",
            "GET    | " + G + "/data/a//                              | 400 | InvalidPath | //",
            "GET    | /global/scids/MockScid//data/a,binary          | 404 | NoSuchRoute | /data/",
            // characters outside the path alphabet
            "PUT    | " + G + "/data/a%20b.bin,binary                 | 400 | InvalidPath | U+0020",
            "PUT    | " + G + "/data/dir%3Bx/a.bin,binary             | 400 | InvalidPath | ';'",
            "PUT    | " + G + "/data/caf%C3%A9.bin,binary             | 400 | InvalidPath | 'é'",
            "PUT    | " + G + "/data/a%2Cb/c.bin,binary               | 400 | InvalidPath | ','",
            "PUT    | " + G + "/data/a%7F.bin,binary                  | 400 | InvalidPath | control",
            // xuids
            "GET    | /trustedplatform/users/xuid(-1)/scids/MockScid                      | 400 | InvalidXuid | -1",
            "GET    | /trustedplatform/users/xuid(18446744073709551616)/scids/MockScid    | 400 | InvalidXuid | 18446744073709551615",
            "GET    | /trustedplatform/users/xuid(abc)/scids/MockScid                     | 400 | InvalidXuid | abc",
            "GET    | /trustedplatform/users/xuid()/scids/MockScid                        | 400 | InvalidXuid | xuid",
            "GET    | /trustedplatform/users/xuid(123456789012345678901)/scids/MockScid   | 400 | InvalidXuid | 20 digits",
            "GET    | /trustedplatform/users/xuid(1%202)/scids/MockScid                   | 400 | InvalidXuid | xuid",
            "GET    | /trustedplatform/users/2533274790395904/scids/MockScid              | 400 | InvalidXuid | xuid(<digits>)",
            "PUT    | /json/users/xuid(0x10)/scids/MockScid/data/a,json                   | 400 | InvalidXuid | 0x10",
            // scids
            "GET    | /global/scids/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | 400 | InvalidScid | 65",
            "GET    | /global/scids/a%20b                            | 400 | InvalidScid | U+0020",
            "GET    | /global/scids/%C3%BC                           | 400 | InvalidScid | 'ü'",
            "PUT    | /global/scids/a.b/data/x,binary                | 400 | InvalidScid | '.'",
            // session ids
            "GET    | /sessions/a%20b/scids/MockScid                 | 400 | InvalidSessionId | U+0020",
            "GET    | /sessions/a%2Ab/scids/MockScid                 | 400 | InvalidSessionId | '*'",
            // type suffixes
            "PUT    | " + G + "/data/a,bin                            | 400 | InvalidPath | ,binary, ,json or ,config",
            "GET    | " + G + "/data/a,JSON                           | 400 | InvalidPath | ,binary, ,json or ,config",
            "GET    | " + G + "/data/a,Binary                         | 400 | InvalidPath | ,binary, ,json or ,config",
            "GET    | " + G + "/data/a,                               | 400 | InvalidPath | ,binary, ,json or ,config",
            "GET    | " + G + "/data/a,binary,json                    | 400 | InvalidPath | ','",
            "PUT    | " + G + "/data/a.bin                            | 400 | InvalidPath | ,binary",
            "GET    | " + G + "/data/saves/slot1.dat                  | 400 | InvalidPath | ,binary",
            // structure
            "GET    | /global/scid/x                                 | 404 | NoSuchRoute | /scids/",
            "GET    | /global                                        | 404 | NoSuchRoute | /scids/",
            "GET    | /global/scids                                  | 404 | NoSuchRoute | scid",
            "GET    | /global/scids/MockScid/Data/a,binary           | 404 | NoSuchRoute | /data/",
            "GET    | /global/scids/MockScid/files/a,binary          | 404 | NoSuchRoute | /data/",
            "GET    | /trustedplatform/user/xuid(1)/scids/MockScid   | 404 | NoSuchRoute | /users/",
            "GET    | /trustedplatform/users/xuid(1)/Scids/MockScid  | 404 | NoSuchRoute | /scids/",
            "GET    | /trustedplatform/users                         | 404 | NoSuchRoute | xuid(<xuid>)",
            "GET    | /sessions                                      | 404 | NoSuchRoute | sessionId",
            "GET    | /json/users/xuid(1)                            | 404 | NoSuchRoute | /scids/",
            "GET    | /globals/scids/MockScid                        | 404 | NoSuchRoute | No route",
            // methods
            "PATCH  | " + G + "/data/a.bin,binary                     | 405 | MethodNotAllowed | PATCH",
            "PUT    | " + G + "/data/dir                              | 405 | MethodNotAllowed | GET",
            "DELETE | " + G + "/data                                  | 405 | MethodNotAllowed | GET",
            "PUT    | " + G + "                                       | 405 | MethodNotAllowed | GET",
            "DELETE | " + U + "                                       | 405 | MethodNotAllowed | GET"})
    void aHostilePathIsAProblemNeverA500(String method, String target, int status, String code, String detail) {
        assertRefused(send(method, target), status, code, detail);
    }

    @Test
    void postOnABlobIs405WithAllow() {
        RawHttp.Response reply = send("POST", G + "/data/a.bin,binary");
        assertThat(reply.header("Allow").split(",\\s*")).containsExactlyInAnyOrder("GET", "PUT", "DELETE");
        assertRefused(reply, 405, "MethodNotAllowed", "POST");
    }

    /** Allow names what the path's shape allows, whichever method was refused (not every method of the controller). */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST   | " + G + "                                             | GET",
            "PATCH  | " + G + "/data                                        | GET",
            "POST   | " + U + "/data/saves/                                 | GET",
            "PATCH  | " + U + "/data/a,json                                 | GET, PUT, DELETE",
            "GET    | /json/users/batch/scids/MockScid/data/a,json          | POST",
            "PATCH  | /json/users/batch/scids/MockScid/data/a,json          | POST",
            "DELETE | /universalplatform/users/batch/scids/MockScid/data/a,binary | POST"})
    void aRefusedMethodIsAnsweredWithTheShapesMethods(String method, String target, String allow) {
        RawHttp.Response reply = send(method, target);
        assertThat(reply.header("Allow")).isEqualTo(allow);
        assertRefused(reply, 405, "MethodNotAllowed", method);
    }

    @Test
    void putOnAListingIs405WithAllowGet() {
        RawHttp.Response reply = send("PUT", G + "/data/dir");
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertRefused(reply, 405, "MethodNotAllowed", "PUT");
    }

    static Stream<Arguments> overLongNames() {
        String dirs256 = "d/".repeat(127) + "ab"; // 256 characters
        return Stream.of(
                Arguments.of("PUT", G + "/data/" + "a".repeat(253) + ".bin,binary", "257"),
                Arguments.of("GET", G + "/data/" + "d/".repeat(128) + "a,binary", "257"),
                Arguments.of("GET", G + "/data/" + dirs256 + "c", "257"),
                Arguments.of("GET", "/sessions/" + "s".repeat(257) + "/scids/MockScid", "257"));
    }

    @ParameterizedTest(name = "{0} ({2} characters)")
    @MethodSource("overLongNames")
    void overLongNamesAreRefused(String method, String target, String length) {
        RawHttp.Response reply = send(method, target);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).isEqualTo(PROBLEM_JSON);
        assertThat(JsonPath.from(reply.text()).getString("detail")).contains(length).contains("256");
        assertStillServing();
    }

    @Test
    void namesAtTheirLimitsAreAccepted() {
        String path256 = "a".repeat(252) + ".bin"; // 256 characters
        upload(G + "/data/" + path256 + ",binary", randomBytes(3, 1));
        assertThat(listing(G + "/data")).contains("\"fileName\":\"" + path256 + ",binary\"");
        upload("/global/scids/" + "s".repeat(64) + "/data/a,binary", randomBytes(3, 2));
        upload("/sessions/" + "s".repeat(256) + "/scids/MockScid/data/a,binary", randomBytes(3, 3));
        upload(user("json", "18446744073709551615") + "/data/a,json", utf8("{}"));
        upload("/sessions/Template~Session_1.2-x/scids/MockScid/data/a,binary", randomBytes(3, 4));
    }
}
