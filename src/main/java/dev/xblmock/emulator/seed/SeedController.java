package dev.xblmock.emulator.seed;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_emulator/seed}: a manifest in JSON, or YAML with {@code Content-Type: application/yaml},
 * merged into the current state all or nothing; answers the manifest's entry counts.
 */
@RestController
public class SeedController {

    private final SeedLoader loader;

    public SeedController(SeedLoader loader) {
        this.loader = loader;
    }

    @PostMapping(path = "/_emulator/seed", produces = MediaType.APPLICATION_JSON_VALUE)
    public SeedLoader.SeedCounts seed(HttpServletRequest request) throws IOException {
        SeedFormat format = SeedFormat.ofContentType(request.getContentType());
        return loader.apply(request.getInputStream(), format, request.getContentLengthLong());
    }
}
