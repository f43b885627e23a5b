package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.xblmock.testsupport.RawHttp;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 1.4 and 2: paths the servlet container itself rejects before any filter runs (encoded separators,
 * encoded NUL, raw backslash, malformed percent-encoding) must still be answered with a 400 problem+json,
 * not the container's HTML error page, with a Content-Length (SPEC 1.6), and the server keeps serving.
 */
class TomcatHostilePathIT extends TitleStorageApi {

    private static final String G = "/global/scids/MockScid";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            G + "/data/a%2Fb.bin,binary",
            G + "/data/a%2fb.bin,binary",
            G + "/data/a%00b.bin,binary",
            G + "/data/a\\b.bin,binary",
            G + "/data/..\\..\\x.bin,binary",
            G + "/data/a%5Cb.bin,binary",
            G + "/data/a%zzb.bin,binary",
            G + "/data/a%b.bin,binary",
            G + "/data/a.bin,binary%",
            G + "/data/a%FF.bin,binary",
            "/global/scids/Mock%2FScid"})
    void aContainerRejectedPathIsStillAProblem(String target) {
        RawHttp.Response reply = RawHttp.send(port, "GET", target, "Authorization: " + PLACEHOLDER_AUTH);

        assertThat(reply.status()).as("status of %s", reply.text()).isEqualTo(400);
        assertThat(reply.header("Content-Type")).as("Content-Type of %s", reply.text()).isEqualTo(PROBLEM_JSON);
        // SPEC 1.6: the valve's and the filters' problems alike carry their length, never chunked
        assertThat(reply.header("Transfer-Encoding")).isNull();
        assertThat(reply.header("Content-Length")).isEqualTo(Integer.toString(reply.body().length));
        JsonPath problem = JsonPath.from(reply.text());
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("code")).isNotBlank();
        assertThat(problem.getString("detail")).isNotBlank();

        RawHttp.Response normal = RawHttp.send(port, "GET", G, "Authorization: " + PLACEHOLDER_AUTH);
        assertThat(normal.status()).isEqualTo(200);
    }
}
