package dev.xblmock.emulator;

import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code xblmock.control-plane.enabled=false}: only health is left of {@code /_emulator}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "xblmock.control-plane.enabled=false")
class ControlPlaneDisabledIT extends ApiIT {

    @Test
    void healthStillAnswers() {
        bare().get("/_emulator/health").then().statusCode(200).body(equalTo("{\"status\":\"UP\"}"));
    }

    @Test
    void everyOtherControlPlaneRouteIsNoSuchRoute() {
        String[][] routes = {
                {"POST", "/_emulator/reset"}, {"POST", "/_emulator/seed"}, {"POST", "/_emulator/tokens"},
                {"GET", "/_emulator/requests"}, {"DELETE", "/_emulator/requests"}, {"POST", "/_emulator/faults"},
                {"GET", "/_emulator/faults"}, {"DELETE", "/_emulator/faults"}, {"DELETE", "/_emulator/faults/1"},
                {"PUT", "/_emulator/stats/users/1/scids/S"}, {"DELETE", "/_emulator/stats/users/1"},
                {"GET", "/_emulator/ca.pem"}, {"GET", "/_emulator/openapi.yaml"}, {"GET", "/_emulator"},
                {"GET", "/_emulator/ui/"}, {"GET", "/_emulator/ui/app.js"}, {"GET", "/_emulator/overview"},
                {"GET", "/_emulator/storage/namespaces"}, {"GET", "/_emulator/storage/blobs"},
                {"GET", "/_emulator/storage/blob"}, {"PUT", "/_emulator/storage/blob"}, {"DELETE", "/_emulator/storage/blob"},
                {"GET", "/_emulator/stats/users"}, {"GET", "/_emulator/stats/users/1"}, {"GET", "/_emulator/stats/catalog"},
                {"GET", "/_emulator/requests/stream"},
        };
        for (String[] route : routes) {
            String body = bare().contentType("application/json").body("{}").request(route[0], route[1])
                    .then().statusCode(404).contentType("application/problem+json").extract().asString();
            Json.assertJson(body, Json.problem(404, "NoSuchRoute", "No such route", "No route matches " + route[0] + " "
                    + route[1] + ". The control plane is disabled (xblmock.control-plane.enabled=false); only GET "
                    + "/_emulator/health answers.", route[1]));
        }
    }

    /** The guard once compared text while the router decoded: these minted tokens with the control plane off. */
    @Test
    void noSpellingOfThePrefixReachesAControlPlaneHandler() {
        String[] paths = {"/_emulator;x/tokens", "/_emulator;/reset", "/%5Femulator/tokens", "/%5F%65mulator/tokens",
                "/_emulator/tokens;x", "/_emulator/health;x/../tokens"};
        for (String path : paths) {
            bare().urlEncodingEnabled(false).header("Authorization", "XBL3.0 x=;").contentType("application/json")
                    .body("{\"xuid\":\"1\"}").post(path).then().statusCode(400).body("code", equalTo("InvalidPath"));
        }
        bare().urlEncodingEnabled(false).post("/_emulator/%68ealth").then().statusCode(404)
                .body("code", equalTo("NoSuchRoute"));
    }

    @Test
    void xboxRoutesAreUnaffected() {
        anonymous().body("x").put("/global/scids/S/data/a.bin,binary").then().statusCode(201);
        anonymous().get("/global/scids/S/data/a.bin,binary").then().statusCode(200).body(equalTo("x"));
    }
}
