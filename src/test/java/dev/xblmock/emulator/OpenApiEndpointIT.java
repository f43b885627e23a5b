package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.OpenApiDocument;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** {@code GET /_emulator/openapi.yaml} serves docs/openapi.yaml byte for byte, with an ETag to revalidate. */
class OpenApiEndpointIT extends ApiIT {

    @Test
    void servesTheDocumentExactly() throws Exception {
        byte[] expected = Files.readAllBytes(OpenApiDocument.FILE);
        Response response = bare().get("/_emulator/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/yaml");
        assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(expected.length));
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("ETag"))
                .isEqualTo("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)) + "\"");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        assertThat(response.asByteArray()).isEqualTo(expected);
    }

    @Test
    void aCurrentCopyIsNotModified() {
        String etag = bare().get("/_emulator/openapi.yaml").header("ETag");
        Response response = bare().header("If-None-Match", etag).get("/_emulator/openapi.yaml");

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.header("ETag")).isEqualTo(etag);
        assertThat(response.asByteArray()).isEmpty();
        assertThat(bare().header("If-None-Match", "\"other\"").get("/_emulator/openapi.yaml").statusCode()).isEqualTo(200);
    }

    @Test
    void needsNoAuthorizationAndIsNotJournaled() {
        bare().get("/_emulator/openapi.yaml").then().statusCode(200);
        bare().get("/_emulator/requests").then().statusCode(200).body(org.hamcrest.Matchers.equalTo("{\"requests\":[]}"));
    }
}
