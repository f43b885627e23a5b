package dev.xblmock.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.xblmock.common.web.ContractVersion;
import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 1 and 7 on the routes that exist in every build (the control plane's health, unknown routes):
 * authentication before contract version before routing, problem bodies everywhere, request ids.
 */
class PipelineIT extends ApiIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String MISSING_AUTH = "{\"detail\":\"The Authorization header is missing; send "
            + "'XBL3.0 x=<userhash>;<token>'.\",\"instance\":\"%s\",\"status\":401,\"title\":\"Unauthorized\","
            + "\"type\":\"urn:xblmock:error:Unauthorized\",\"code\":\"Unauthorized\"}";

    @ParameterizedTest
    @ValueSource(strings = {"/global/scids/x/data/a,json", "/users/xuid(1)/scids/x/stats", "/nothing/here", "/"})
    void aMissingAuthorizationHeaderIs401EvenOnAnUnknownRoute(String path) {
        bare().urlEncodingEnabled(false).get(path)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "XBL3.0")
                .header("X-Request-Id", matchesPattern(UUID))
                .body(equalTo(MISSING_AUTH.formatted(path)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer eyJhbGciOiJIUzI1NiJ9.e30.x", "Basic dXNlcjpwYXNz", "XBL2.0 x=;", "XBL3.0"})
    void anotherSchemeIs401(String authorization) {
        bare().header("Authorization", authorization).get("/nothing/here")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "XBL3.0")
                .body(equalTo("{\"detail\":\"The Authorization header must use the scheme 'XBL3.0 x=<userhash>;<token>'.\","
                        + "\"instance\":\"/nothing/here\",\"status\":401,\"title\":\"Unauthorized\","
                        + "\"type\":\"urn:xblmock:error:Unauthorized\",\"code\":\"Unauthorized\"}"));
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        bare().header("Authorization", "xbl3.0 X=-;token").get("/nothing/here").then().statusCode(404);
    }

    @Test
    void theControlPlaneNeedsNoAuthorization() {
        bare().get("/_emulator/health").then().statusCode(200);
    }

    @Test
    void anUnknownRouteWithValidAuthorizationIsNoSuchRoute() {
        anonymous().get("/nothing/here")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID))
                .body(equalTo("{\"detail\":\"No route matches GET /nothing/here.\",\"instance\":\"/nothing/here\","
                        + "\"status\":404,\"title\":\"No such route\",\"type\":\"urn:xblmock:error:NoSuchRoute\","
                        + "\"code\":\"NoSuchRoute\"}"));
    }

    @Test
    void aWrongMethodOnAnExistingRouteIs405() {
        bare().post("/_emulator/health")
                .then().statusCode(405)
                .contentType("application/problem+json")
                .header("Allow", "GET")
                .body("code", equalTo("MethodNotAllowed"))
                .body("detail", equalTo("Method POST is not allowed on this route; allowed: GET."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "", "2147483648", "1.5"})
    void aContractVersionThatIsNotAPositive32BitIntegerIs400(String version) {
        anonymous().header(ContractVersion.HEADER, version).get("/global/scids/x")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .header("X-Request-Id", matchesPattern(UUID))
                .body("code", equalTo("InvalidContractVersion"))
                .body("detail", equalTo("Header x-xbl-contract-version '" + version + "' must be a positive 32-bit integer."));
    }

    @Test
    void aContractVersionTheServiceLacksIs406() {
        anonymous().header(ContractVersion.HEADER, "3").get("/global/scids/x")
                .then().statusCode(406)
                .contentType("application/problem+json")
                .body(equalTo("{\"detail\":\"Header x-xbl-contract-version 3 is not supported by titlestorage; "
                        + "supported: 1, 2.\",\"instance\":\"/global/scids/x\",\"status\":406,\"title\":"
                        + "\"Unsupported contract version\",\"type\":\"urn:xblmock:error:UnsupportedContractVersion\","
                        + "\"code\":\"UnsupportedContractVersion\"}"));
        anonymous().header(ContractVersion.HEADER, "4").get("/users/xuid(1)/scids/x/stats")
                .then().statusCode(406)
                .body("detail", equalTo("Header x-xbl-contract-version 4 is not supported by userstats; supported: 1, 2, 3."));
        anonymous().header(ContractVersion.HEADER, "2147483647").get("/batch")
                .then().statusCode(406).body("code", equalTo("UnsupportedContractVersion"));
    }

    @Test
    void theOrderIsAuthenticationThenContractVersionThenPath() {
        bare().header(ContractVersion.HEADER, "abc").get("/global/scids/x")
                .then().statusCode(401).body("code", equalTo("Unauthorized"));
        bare().header(ContractVersion.HEADER, "3").urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb,json")
                .then().statusCode(401);
        anonymous().header(ContractVersion.HEADER, "abc").urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb,json")
                .then().statusCode(400).body("code", equalTo("InvalidContractVersion"));
        anonymous().header(ContractVersion.HEADER, "3").urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb,json")
                .then().statusCode(406);
        anonymous().header(ContractVersion.HEADER, "2").urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb,json")
                .then().statusCode(400).body("code", equalTo("InvalidPath"));
    }

    @Test
    void anyContractVersionIsAcceptedOnAnUnknownRouteWhichIsThenNoSuchRoute() {
        anonymous().header(ContractVersion.HEADER, "999").get("/nothing/here")
                .then().statusCode(404).body("code", equalTo("NoSuchRoute"));
    }

    @Test
    void theControlPlaneIgnoresTheContractVersion() {
        bare().header(ContractVersion.HEADER, "abc").get("/_emulator/health").then().statusCode(200);
    }

    @Test
    void everyResponseCarriesItsOwnRequestId() {
        List<Response> responses = List.of(
                bare().get("/_emulator/health"),
                bare().get("/nothing/here"),
                anonymous().get("/nothing/here"),
                anonymous().header(ContractVersion.HEADER, "x").get("/global/scids/x"),
                anonymous().header(ContractVersion.HEADER, "9").get("/global/scids/x"),
                bare().post("/_emulator/health"),
                anonymous().urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb,json"),
                anonymous().urlEncodingEnabled(false).get("/global/scids/x/data/a%00b"));
        Set<String> ids = new HashSet<>();
        for (Response response : responses) {
            String id = response.header("X-Request-Id");
            assertThat(id).as("X-Request-Id of a %d", response.statusCode()).matches(UUID);
            ids.add(id);
        }
        assertThat(ids).hasSize(responses.size());
    }

    @Test
    void anIncomingCorrelationVectorIsEchoedUnchanged() {
        String cv = "kZ3X1b0uIkGZKiLR.1.2.3";
        bare().header("MS-CV", cv).get("/_emulator/health").then().statusCode(200).header("MS-CV", cv);
        bare().header("MS-CV", cv).get("/nothing/here").then().statusCode(401).header("MS-CV", cv);
        anonymous().header("MS-CV", cv).get("/nothing/here").then().statusCode(404).header("MS-CV", cv);
        anonymous().header("MS-CV", "odd value; with=stuff").get("/nothing/here")
                .then().header("MS-CV", "odd value; with=stuff");
        anonymous().get("/nothing/here").then().header("MS-CV", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/octet-stream", "text/html", "application/xml", "image/png"})
    void errorsAreProblemJsonWhateverTheClientAccepts(String accept) {
        bare().accept(accept).get("/nothing/here")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("Unauthorized"));
        anonymous().accept(accept).get("/nothing/here")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NoSuchRoute"));
        anonymous().accept(accept).header(ContractVersion.HEADER, "x").get("/global/scids/x")
                .then().statusCode(400).contentType("application/problem+json");
        anonymous().accept(accept).urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("InvalidPath"));
    }

    @Test
    void noErrorBodyLeaksAStackTraceOrAFilesystemPath() {
        List<Response> errors = List.of(
                bare().get("/nothing/here"),
                anonymous().get("/nothing/here"),
                anonymous().header(ContractVersion.HEADER, "x").get("/global/scids/x"),
                bare().post("/_emulator/health"),
                anonymous().urlEncodingEnabled(false).get("/global/scids/x/data/a%2Fb,json"),
                anonymous().urlEncodingEnabled(false).get("/global/scids/x/data/a%00b"),
                anonymous().header("X-Big", "a".repeat(20_000)).get("/nothing/here"));
        String workingDirectory = System.getProperty("user.dir");
        for (Response response : errors) {
            String body = response.asString();
            assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(body).doesNotContain("Exception", "\tat ", ".java", "org.apache", "org.springframework",
                    "Tomcat", "<html", workingDirectory, System.getProperty("java.io.tmpdir"), System.getProperty("user.home"));
        }
    }

    @Test
    void theEmulatorTellsNothingAboutItsServerSoftware() {
        anonymous().urlEncodingEnabled(false).get("/global/scids/x/data/a%00b")
                .then().header("Server", nullValue()).header("X-Powered-By", nullValue())
                .body(not(org.hamcrest.Matchers.containsString("Tomcat")));
    }
}
