package dev.xblmock.emulator;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * A hostile manifest on the unauthenticated {@code /_emulator/seed} is refused promptly and costs the server
 * nothing: a long YAML line (which SnakeYAML would parse in quadratic time) and a body over the size limit.
 */
class SeedLimitsIT extends ApiIT {

    @Test
    void aFourMegabyteOneLineYamlIsRefusedPromptlyAndTheServerStaysHealthy() {
        byte[] body = ("blobs: [{ storage: global, scid: S, path: a.txt, type: binary, text: "
                + "x".repeat(4 * 1024 * 1024) + " }]").getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();

        String answer = bare().contentType("application/yaml").body(body).post("/_emulator/seed")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        Json.assertJson(answer, Json.problem(400, "InvalidSeed", "Invalid seed manifest", "Line 1 of the YAML "
                + "manifest is longer than 65536 bytes; break long text or base64 over several lines (a block "
                + "scalar: 'base64: |'), or post the manifest as JSON.", "/_emulator/seed"));
        bare().get("/_emulator/health").then().statusCode(200);
        bare().get("/global/scids/S/data/a.txt,binary").then().statusCode(401);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST /_emulator/seed HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 67108865\r\n\r\nblobs: []\n");

            assertProblem(http.read(), 400, "BodyTooLarge").isEqualTo("The seed manifest is larger than 67108864 "
                    + "bytes (xblmock.control-plane.max-manifest-bytes); put big blobs in files beside a startup seed.");
        }
        bare().get("/_emulator/health").then().statusCode(200);
    }
}
