package dev.xblmock.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.Problems;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC 2: hostile request targets get the problem+json 400 {@code InvalidPath} naming the character and
 * its position (1-based in the raw path), whether our filter or Tomcat itself refuses them, and the server
 * keeps serving. Requests go over a raw socket so nothing re-encodes the target.
 */
class HostilePathIT extends ApiIT {

    private static final String AUTH = "Authorization: " + PLACEHOLDER_AUTH;
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    private RawHttp.Response send(String request) throws Exception {
        return RawHttp.exchange(port, request);
    }

    /** A problem+json refusal that carries a request id. */
    private static void assertRefused(RawHttp.Response response, int status, String code) {
        Problems.assertProblem(response, status, code);
        assertThat(response.header("X-Request-Id")).matches(UUID);
    }

    /** After every hostile request the server still answers a normal one. */
    @AfterEach
    void serverStillServes() throws Exception {
        RawHttp.Response health = send(RawHttp.get("/_emulator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).isEqualTo("{\"status\":\"UP\"}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // passed through by the connector, refused by RawPathFilter
            "/global/scids/x/data/a%2Fb,json | The request path contains an encoded separator '%2F' at position 23; separators may not be percent-encoded.",
            "/global/scids/x/data/a%2fb,json | The request path contains an encoded separator '%2f' at position 23; separators may not be percent-encoded.",
            "/global/scids/x/data/a%5Cb,json | The request path contains an encoded separator '%5C' at position 23; separators may not be percent-encoded.",
            "/global/scids/x/data/a\\b,json | The request path contains a backslash at position 23; use '/' between segments.",
            "/global/scids/x/data/a%09b,json | The request path contains an encoded control character '%09' at position 23.",
            "/global/scids/x/data/../a,json | The request path contains the dot segment '..' at position 22; '.' and '..' segments are not allowed.",
            "/global/scids/x/data/%2e%2E/a,json | The request path contains the dot segment '%2e%2E' at position 22; '.' and '..' segments are not allowed.",
            "/global/scids/x/./data/a,json | The request path contains the dot segment '.' at position 17; '.' and '..' segments are not allowed.",
            "/global/scids/x/data/a%2Fb,json?x=1 | The request path contains an encoded separator '%2F' at position 23; separators may not be percent-encoded.",
            "/_emulator/a%2Fb | The request path contains an encoded separator '%2F' at position 13; separators may not be percent-encoded.",
            // refused by Tomcat before any filter, reported by ProblemErrorReportValve
            "/global/scids/x/data/a%00b | The request path contains an encoded control character '%00' at position 23.",
            "/global/scids/x/data/a%zz | The request path has an invalid percent-encoding '%zz' at position 23; '%' must be followed by two hex digits.",
            "/global/scids/x/data/a%4 | The request path has an incomplete percent-encoding '%4' at position 23.",
            "/global/scids/x/data/a%4/b | The request path has an invalid percent-encoding '%4/' at position 23; '%' must be followed by two hex digits.",
            "/global/scids/x/data/%C3%28,json | The request path is not valid UTF-8 after percent-decoding: the bytes at position 22 do not form a character.",
            "/../global/scids/x | The request path contains the dot segment '..' at position 2; '.' and '..' segments are not allowed.",
    })
    void hostilePathsAreInvalidPathNamingThePosition(String target, String detail) throws Exception {
        RawHttp.Response response = send(RawHttp.get(target, AUTH));
        assertRefused(response, 400, "InvalidPath");
        assertThat(response.json().path("detail").asString()).isEqualTo(detail);
        assertThat(response.json().path("title").asString()).isEqualTo("Invalid path");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:xblmock:error:InvalidPath");
    }

    @Test
    void theFilterAndTheContainerWriteTheSameBody() throws Exception {
        assertThat(send(RawHttp.get("/global/scids/x/data/a%2Fb,json", AUTH)).text()).isEqualTo(
                "{\"detail\":\"The request path contains an encoded separator '%2F' at position 23; separators may not be "
                        + "percent-encoded.\",\"instance\":\"/global/scids/x/data/a%2Fb,json\",\"status\":400,\"title\":"
                        + "\"Invalid path\",\"type\":\"urn:xblmock:error:InvalidPath\",\"code\":\"InvalidPath\"}");
        // '%zz' is not a valid URI escape: the instance carries it encoded as '%25zz'
        assertThat(send(RawHttp.get("/global/scids/x/data/a%zz", AUTH)).text()).isEqualTo(
                "{\"detail\":\"The request path has an invalid percent-encoding '%zz' at position 23; '%' must be followed "
                        + "by two hex digits.\",\"instance\":\"/global/scids/x/data/a%25zz\",\"status\":400,\"title\":"
                        + "\"Invalid path\",\"type\":\"urn:xblmock:error:InvalidPath\",\"code\":\"InvalidPath\"}");
    }

    @Test
    void authenticationComesBeforeThePathCheckWhereverOurCodeDecides() throws Exception {
        assertRefused(send(RawHttp.get("/global/scids/x/data/a%2Fb,json")), 401, "Unauthorized");
        // Tomcat refuses %00 before any filter runs, so there the path error wins (documented limitation)
        assertRefused(send(RawHttp.get("/global/scids/x/data/a%00b")), 400, "InvalidPath");
    }

    @Test
    void theCorrelationVectorIsEchoedEvenWhenTomcatRefusesTheRequest() throws Exception {
        RawHttp.Response response = send(RawHttp.get("/global/scids/x/data/a%00b", AUTH, "MS-CV: kZ3X1b0uIkGZKiLR.1.2"));
        assertRefused(response, 400, "InvalidPath");
        assertThat(response.header("MS-CV")).isEqualTo("kZ3X1b0uIkGZKiLR.1.2");
    }

    @Test
    void rawNonAsciiInTheRequestTargetIsAnInvalidPathProblem() throws Exception {
        byte[] request = "GET /global/scids/x/data/\u00c3\u00a9,json HTTP/1.1\r\nHost: localhost\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        try (RawHttp http = new RawHttp(port)) {
            http.send(request);
            RawHttp.Response response = http.read();
            assertRefused(response, 400, "InvalidPath");
            assertThat(response.json().path("detail").asString())
                    .startsWith("The request target could not be parsed: Invalid character found in the request target");
        }
    }

    @Test
    void aMalformedRequestLineIsAMalformedRequestProblem() throws Exception {
        RawHttp.Response response = send("GET /a b HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertRefused(response, 400, "MalformedRequest");
        assertThat(response.json().path("detail").asString()).startsWith("The HTTP layer could not parse the request: ");
    }

    @Test
    void oversizedHeadersAre431() throws Exception {
        RawHttp.Response response = send(RawHttp.get("/_emulator/health", "X-Big: " + "a".repeat(20 * 1024)));
        assertRefused(response, 431, "HeaderTooLarge");
        assertThat(response.json().path("detail").asString()).isEqualTo(
                "The request line and headers together exceed the limit of 8192 bytes (server.max-http-request-header-size).");
    }

    @Test
    void anOversizedRequestLineIs414() throws Exception {
        RawHttp.Response response = send(RawHttp.get("/global/scids/x/data/" + "a".repeat(20 * 1024) + ",json", AUTH));
        assertRefused(response, 414, "UriTooLong");
        assertThat(response.json().path("detail").asString()).isEqualTo(
                "The request line exceeds the limit of 8192 bytes (server.max-http-request-header-size); shorten the path or query.");
    }

    @Test
    void charactersTomcatWouldRefuseUnencodedReachTheRoutes() throws Exception {
        // e.g. ?select=level[3].quest as clients send it; on an unknown route this is a plain 404
        RawHttp.Response query = send(RawHttp.get("/nothing/here?select=level[3].quest&x={a|b}^`<>\\", AUTH));
        assertRefused(query, 404, "NoSuchRoute");
        RawHttp.Response path = send(RawHttp.get("/nothing/a<b>{c}|^`[]", AUTH));
        assertRefused(path, 404, "NoSuchRoute");
        assertThat(path.text()).isEqualTo("{\"detail\":\"No route matches GET /nothing/a<b>{c}|^`[].\",\"instance\":"
                + "\"/nothing/a%3Cb%3E%7Bc%7D%7C%5E%60%5B%5D\",\"status\":404,\"title\":\"No such route\","
                + "\"type\":\"urn:xblmock:error:NoSuchRoute\",\"code\":\"NoSuchRoute\"}");
    }

    @Test
    void aRejectedRequestDoesNotPoisonItsConnection() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.get("/global/scids/x/data/a%2Fb,json", AUTH));
            assertRefused(http.read(), 400, "InvalidPath");
            // Tomcat closes the connection after a 400; a client that keeps it must see the close, not garbage
            assertThat(http.closedByServer()).isTrue();
        }
    }
}
