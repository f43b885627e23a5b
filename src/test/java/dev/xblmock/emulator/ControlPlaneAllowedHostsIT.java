package dev.xblmock.emulator;

import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code xblmock.control-plane.allowed-hosts}: a team's own names for the emulator reach the control plane. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.control-plane.allowed-hosts=xblmock.studio.test,Emulator")
class ControlPlaneAllowedHostsIT extends ApiIT {

    @Test
    void listedNamesAnswerCaseInsensitively() {
        bare().header("Host", "XBLMOCK.studio.test:8080").get("/_emulator/health").then().statusCode(200);
        bare().header("Host", "emulator").post("/_emulator/reset").then().statusCode(204);
    }

    @Test
    void aListedNameCoversNeitherItsSubdomainsNorOtherNames() {
        bare().header("Host", "evil.xblmock.studio.test").get("/_emulator/health").then().statusCode(403)
                .body("code", equalTo("ForeignHost"));
        bare().header("Host", "other.test").get("/_emulator/health").then().statusCode(403)
                .body("code", equalTo("ForeignHost"));
    }

    @Test
    void aPageServedUnderAListedNameIsStillOnlyItsOwnSite() {
        bare().header("Host", "emulator").header("Origin", "http://xblmock.studio.test").post("/_emulator/reset")
                .then().statusCode(403).body("code", equalTo("CrossSiteRequest"));
    }
}
