package dev.xblmock.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /_emulator/openapi.yaml}: the OpenAPI 3.1 description of every route, the bytes of
 * {@code docs/openapi.yaml} (the build copies that one file beside this class). A strong ETag (SHA-256 of the
 * bytes) with {@code Cache-Control: no-cache} lets clients revalidate cheaply; {@code If-None-Match} gets 304.
 * Like every control-plane route but health, it is 404 when the control plane is disabled ({@link ControlPlaneFilter}).
 */
@RestController
public class OpenApiController {

    static final String PATH = "/_emulator/openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final String RESOURCE = "openapi.yaml";

    private final byte[] document;
    private final String etag;

    public OpenApiController() {
        this.document = load();
        this.etag = "\"" + HexFormat.of().formatHex(sha256(document)) + "\"";
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> document() {
        // Spring answers If-None-Match itself (304 with the ETag) for a GET whose entity carries an ETag
        return ResponseEntity.ok().contentType(YAML).eTag(etag).cacheControl(CacheControl.noCache()).body(document);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiController.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + OpenApiController.class.getName()
                        + "; the build copies it there from docs/openapi.yaml");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
