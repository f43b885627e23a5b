package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import dev.xblmock.testsupport.ApiIT;
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
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /_emulator/seed HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/yaml\r\n"
                    + "Content-Length: 67108865\r\n\r\nblobs: []\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            String response = readResponse(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 400 ");
            assertThat(response).contains("\"code\":\"BodyTooLarge\"").contains("\"detail\":\"The seed manifest is "
                    + "larger than 67108864 bytes (xblmock.control-plane.max-manifest-bytes); put big blobs in files "
                    + "beside a startup seed.\"");
        }
        bare().get("/_emulator/health").then().statusCode(200);
    }

    /** The head and whatever body arrives before the server closes or pauses (the answer is small). */
    private static String readResponse(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        int length = 0;
        while (length < buffer.length) {
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
            String text = new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
            if (text.contains("}")) {
                break;
            }
        }
        return new String(Arrays.copyOf(buffer, length), StandardCharsets.ISO_8859_1);
    }
}
