package dev.xblmock.emulator;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.Test;

class HealthIT extends ApiIT {

    @Test
    void healthIsUpWithoutAuthorization() {
        bare().get("/_emulator/health")
                .then().statusCode(200)
                .contentType("application/json")
                .header("X-Request-Id", matchesPattern("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"))
                .body(equalTo("{\"status\":\"UP\"}"));
    }
}
