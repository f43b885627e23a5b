package dev.xblmock.emulator;

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

    private final BundledFile document = BundledFile.load(OpenApiController.class, RESOURCE,
            "; the build copies it there from docs/openapi.yaml");

    @GetMapping(PATH)
    public ResponseEntity<byte[]> document() {
        // Spring answers If-None-Match itself (304 with the ETag) for a GET whose entity carries an ETag
        return ResponseEntity.ok().contentType(YAML).eTag(document.etag()).cacheControl(CacheControl.noCache())
                .body(document.bytes());
    }
}
