package dev.xblmock.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container behaviour every route relies on, shown on a test-only route that reads its body the way the
 * upload route does: {@code Expect: 100-continue} (SPEC 1.1), bodies that are never parsed as forms, and a
 * query string Tomcat cannot parse. The test route sits on an unknown Xbox path, so the whole pipeline runs.
 */
@Import(HttpLayerIT.EchoController.class)
class HttpLayerIT extends ApiIT {

    private static final String AUTH = "Authorization: " + PLACEHOLDER_AUTH;
    private static final String ECHO = "/pipeline-test/echo";

    @RestController
    static class EchoController {

        @PutMapping(ECHO)
        byte[] echo(HttpServletRequest request) throws IOException {
            try (InputStream body = request.getInputStream()) {
                return body.readAllBytes();
            }
        }

        @GetMapping("/pipeline-test/parameter")
        String parameter(@RequestParam(name = "x", required = false) String x) {
            return String.valueOf(x);
        }
    }

    private static String put(String contentType, int length, String... headerLines) {
        StringBuilder sb = new StringBuilder("PUT " + ECHO + " HTTP/1.1\r\nHost: localhost\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Length: ").append(length).append("\r\n");
        for (String line : headerLines) {
            sb.append(line).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    @Test
    void aPutWithExpectContinueGets100BeforeItsBodyIsReadThenTheFinalResponse() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(put("application/octet-stream", 5, AUTH, "Expect: 100-continue"));
            RawHttp.Response interim = http.read();
            assertThat(interim.status()).isEqualTo(100);
            http.send("hello");
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("hello");
            assertThat(response.header("X-Request-Id")).isNotNull();
            // the connection stays usable
            http.send(RawHttp.get("/_emulator/health"));
            assertThat(http.read().status()).isEqualTo(200);
        }
    }

    @Test
    void aGetWithExpectContinueGetsOnlyItsFinalResponse() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.get("/_emulator/health", "Expect: 100-continue"));
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo("{\"status\":\"UP\"}");
            http.send(RawHttp.get("/nothing/here", AUTH, "Expect: 100-continue"));
            RawHttp.Response notFound = http.read();
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.json().path("code").asString()).isEqualTo("NoSuchRoute");
        }
    }

    @Test
    void aPutRefusedBeforeItsBodyIsReadNeverAsksForTheBody() throws Exception {
        try (RawHttp http = new RawHttp(port)) {
            http.send(put("application/octet-stream", 5, "Expect: 100-continue")); // no Authorization
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
            // the unread body could still be on its way: the server closes rather than parse it as a request
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyIsNeverParsedAsAForm() throws Exception {
        String form = "a=1&b=%zz&c";
        try (RawHttp http = new RawHttp(port)) {
            http.send(put("application/x-www-form-urlencoded", form.length(), AUTH) + form);
            RawHttp.Response response = http.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.text()).isEqualTo(form);
        }
    }

    @Test
    void aQueryStringTomcatCannotParseIs400NotA500() throws Exception {
        RawHttp.Response good = RawHttp.exchange(port, RawHttp.get("/pipeline-test/parameter?x=a%20b", AUTH));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.text()).isEqualTo("a b");
        RawHttp.Response bad = RawHttp.exchange(port, RawHttp.get("/pipeline-test/parameter?x=%zz", AUTH));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(bad.json().path("code").asString()).isEqualTo("InvalidParameter");
        assertThat(bad.json().path("detail").asString())
                .isEqualTo("The query string could not be parsed into parameters; check its percent-encoding.");
    }
}
