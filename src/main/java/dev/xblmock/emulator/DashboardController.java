package dev.xblmock.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard ({@code GET /_emulator/ui/}): a fixed set of static files from the jar
 * ({@code src/main/resources/dev/xblmock/emulator/ui/}), read once at startup and served with a SHA-256 ETag.
 * Static resource mappings are off ({@code spring.web.resources.add-mappings=false}) so unknown routes stay
 * problem+json; this controller serves exactly the files it lists. The page talks only to its own origin
 * (a strict Content-Security-Policy says so) and may not be framed. Like every control-plane route but health,
 * it is 404 when the control plane is disabled ({@link ControlPlaneFilter}).
 */
@RestController
public class DashboardController {

    static final String PATH = "/_emulator/ui/";
    private static final String CSP = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private static final Map<String, MediaType> FILES = files();

    private final Map<String, Asset> assets = new LinkedHashMap<>();

    private record Asset(BundledFile file, MediaType type) {
    }

    public DashboardController() {
        FILES.forEach((name, type) -> assets.put(name, new Asset(BundledFile.load(DashboardController.class,
                "ui/" + name, ""), type)));
    }

    private static Map<String, MediaType> files() {
        MediaType js = MediaType.parseMediaType("text/javascript;charset=UTF-8");
        Map<String, MediaType> files = new LinkedHashMap<>();
        files.put("index.html", MediaType.parseMediaType("text/html;charset=UTF-8"));
        files.put("style.css", MediaType.parseMediaType("text/css;charset=UTF-8"));
        for (String module : new String[] {"app.js", "api.js", "dom.js", "overview.js", "storage.js", "stats.js",
                "requests.js", "faults.js", "admin.js"}) {
            files.put(module, js);
        }
        return files;
    }

    @GetMapping(PATH)
    public ResponseEntity<byte[]> page() {
        return serve("index.html");
    }

    @GetMapping(PATH + "{file}")
    public ResponseEntity<byte[]> file(@PathVariable String file) {
        if (file.equals("index.html") || !assets.containsKey(file)) {
            throw XblException.of(ErrorCode.NO_SUCH_ROUTE, "The dashboard has no file '%s'; it is served at %s.",
                    Identifiers.printable(file), PATH);
        }
        return serve(file);
    }

    private ResponseEntity<byte[]> serve(String name) {
        Asset asset = assets.get(name);
        // Spring answers If-None-Match itself (304 with the ETag) for a GET whose entity carries an ETag
        return ResponseEntity.ok().contentType(asset.type()).eTag(asset.file().etag()).cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .body(asset.file().bytes());
    }
}
