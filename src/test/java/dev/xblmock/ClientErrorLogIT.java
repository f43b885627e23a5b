package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.xblmock.testsupport.ChildApplication;
import dev.xblmock.testsupport.ChildServer;
import dev.xblmock.testsupport.RawHttp;
import org.junit.jupiter.api.Test;

/**
 * A client's malformed request is answered (problem+json 4xx) and leaves nothing in the server's log at the
 * default level: Tomcat logs the first one of a process at INFO with a stack trace, so this runs in a fresh
 * process.
 */
class ClientErrorLogIT {

    private static final Path HOME = Path.of("target", "client-error-log-it").toAbsolutePath();

    @Test
    void oversizedHeadersAndABadRequestLineAreNotLogged() throws Exception {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null,
                "starts its own server: not repeated in the filesystem-backend IT run");
        Files.createDirectories(HOME);
        List<String> lines;
        try (ChildServer server = ChildServer.start(List.of(), List.of("--server.address=127.0.0.1"),
                HOME.resolve("server.log"))) {
            assertThat(RawHttp.exchange(server.port(), "GET /_emulator/health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                    + "a".repeat(20 * 1024) + "\r\n\r\n").statusLine()).startsWith("HTTP/1.1 431 ");
            assertThat(RawHttp.exchange(server.port(), "GET /a b HTTP/1.1\r\nHost: localhost\r\n\r\n").statusLine())
                    .startsWith("HTTP/1.1 400 ");
            lines = Files.readAllLines(server.log(), StandardCharsets.UTF_8);
        }
        assertThat(lines).filteredOn(line -> !line.isBlank()).singleElement().asString().contains(" ready in ");
    }
}
