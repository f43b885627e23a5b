package dev.xblmock.emulator;

import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 5 browser safety: a page of another site cannot change the emulator's state, a rebound DNS name cannot
 * reach the control plane, and no spelling of the prefix slips past the control plane's gate.
 */
class ControlPlaneBrowserSafetyIT extends ApiIT {

    private static final String BLOB = "/global/scids/S/data/keep.bin,binary";

    @Test
    void aCrossSiteFormPostCannotResetTheEmulator() {
        anonymous().body("kept").put(BLOB).then().statusCode(201);

        String body = bare().header("Origin", "http://evil.example").contentType("text/plain").body("x")
                .post("/_emulator/reset").then().statusCode(403).contentType("application/problem+json")
                .extract().asString();

        Json.assertJson(body, Json.problem(403, "CrossSiteRequest", "Cross-site request refused", "A page of another "
                + "site (Origin 'http://evil.example') may not change the emulator's state; control-plane POST, PUT "
                + "and DELETE requests are accepted from curl, scripts, the test fixture and pages served by the "
                + "emulator itself.", "/_emulator/reset"));
        anonymous().get(BLOB).then().statusCode(200).body(equalTo("kept"));
    }

    @Test
    void secFetchSiteCrossSiteIsRefusedWhateverTheOrigin() {
        String body = bare().header("Sec-Fetch-Site", "cross-site").contentType("application/json")
                .body("{\"xuid\":\"1\"}").post("/_emulator/tokens").then().statusCode(403).extract().asString();

        Json.assertJson(body, Json.problem(403, "CrossSiteRequest", "Cross-site request refused", "The browser "
                + "marked this request cross-site (Sec-Fetch-Site: cross-site); pages of other sites may not change "
                + "the emulator's state.", "/_emulator/tokens"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "http://localhost.evil.example", "file:///tmp/page.html", "::not a uri"})
    void anOpaqueOrForeignOriginIsCrossSite(String origin) {
        bare().header("Origin", origin).delete("/_emulator/faults").then().statusCode(403)
                .body("code", equalTo("CrossSiteRequest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost", "https://localhost:8443", "http://LOCALHOST:3000"})
    void aPageOfTheSameSiteMayChangeState(String origin) {
        bare().header("Origin", origin).header("Sec-Fetch-Site", "same-site").post("/_emulator/reset")
                .then().statusCode(204);
    }

    @Test
    void readsAreNotRefusedForTheirOrigin() {
        bare().header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site")
                .get("/_emulator/requests").then().statusCode(200);
    }

    @Test
    void xboxRoutesIgnoreOriginAndHost() {
        anonymous().header("Origin", "http://evil.example").header("Sec-Fetch-Site", "cross-site").body("x")
                .put(BLOB).then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8080", "rebound.attacker.test"})
    void aForeignHostCannotReachTheControlPlane(String host) {
        String body = withHost(host).get("/_emulator/health").then().statusCode(403)
                .contentType("application/problem+json").extract().asString();

        String name = host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
        Json.assertJson(body, Json.problem(403, "ForeignHost", "Foreign host refused", "The control plane answers "
                + "requests addressed to a loopback name, an IP address or a name listed in "
                + "xblmock.control-plane.allowed-hosts; this one was addressed to '" + name + "'.", "/_emulator/health"));
    }

    @Test
    void aForeignHostCannotResetEither() {
        anonymous().body("kept").put(BLOB).then().statusCode(201);

        withHost("evil.example").post("/_emulator/reset").then().statusCode(403).body("code", equalTo("ForeignHost"));

        anonymous().get(BLOB).then().statusCode(200).body(equalTo("kept"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "LOCALHOST.", "game.localhost", "127.0.0.1", "10.1.2.3", "[::1]"})
    void loopbackNamesAndIpAddressesAreTheEmulatorsOwn(String host) {
        withHost(host).get("/_emulator/health").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/_emulator;x/tokens", "/_emulator;/tokens", "/%5Femulator/tokens", "/%5F%65mulator/tokens",
            "/_emulator/tokens;x", "/_emulator/tokens;jsessionid=1"})
    void everyOtherSpellingOfTheControlPlaneIsRefused(String path) {
        String body = rawPath().header("Authorization", PLACEHOLDER_AUTH).contentType("application/json")
                .body("{\"xuid\":\"1\"}").post(path).then().statusCode(400).contentType("application/problem+json")
                .extract().asString();

        Json.assertJson(body, Json.problem(400, "InvalidPath", "Invalid path", "The control-plane path '" + path
                + "' is not accepted: it must start with exactly '/_emulator/', without percent-encoding, and carry "
                + "no path parameters (';').", path));
    }

    private RequestSpecification withHost(String host) {
        return bare().header("Host", host);
    }

    private RequestSpecification rawPath() {
        return bare().urlEncodingEnabled(false);
    }
}
