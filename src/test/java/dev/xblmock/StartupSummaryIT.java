package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import dev.xblmock.testsupport.ChildApplication;
import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged server, started as users start it, prints one line when ready: its URL, storage backend (and
 * directory), what the startup seed loaded and the startup time; no other line of Spring Boot's or Tomcat's.
 */
class StartupSummaryIT {

    private static final Path HOME = Path.of("target", "startup-summary-it").toAbsolutePath();
    private static final String TIMES = "ready in \\d+\\.\\d\\d s: ";

    @BeforeAll
    static void onlyInTheMemoryRun() throws Exception {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null,
                "starts its own servers: not repeated in the filesystem-backend IT run");
        ChildApplication.deleteRecursively(HOME);
        Files.createDirectories(HOME);
    }

    @Test
    void memoryBackendWithASeedPrintsExactlyOneLine() throws Exception {
        Path seed = Path.of("target", "test-classes", "seed", "startup").toAbsolutePath();
        List<String> lines;
        int port;
        try (ChildServer server = ChildServer.start(List.of(), List.of("--xblmock.seed=" + seed),
                HOME.resolve("memory.log"))) {
            port = server.port();
            lines = Files.readAllLines(server.log(), StandardCharsets.UTF_8);
        }
        assertThat(lines).filteredOn(line -> !line.isBlank()).singleElement().asString()
                .contains(" INFO ")
                .containsPattern(Pattern.compile("dev\\.xblmock\\.StartupSummary +: xblmock \\S+ " + TIMES
                        + Pattern.quote("http://127.0.0.1:" + port + "; storage memory; seed "
                        + seed.resolve("seed.yaml") + ": 1 users, 1 titles, 0 groups, 3 blobs, 1 stats; dashboard "
                        + "http://127.0.0.1:" + port + "/_emulator/ui/") + "$"));
    }

    @Test
    void filesystemBackendWithoutSeedNamesTheDirectory() throws Exception {
        Path storage = Files.createDirectories(HOME.resolve("storage"));
        String log;
        int port;
        try (ChildServer server = ChildServer.start(List.of(), List.of("--xblmock.storage.backend=filesystem",
                "--xblmock.storage.dir=" + storage, "--server.address=127.0.0.1"), HOME.resolve("filesystem.log"))) {
            port = server.port();
            log = Files.readString(server.log(), StandardCharsets.UTF_8);
        }
        assertThat(log).containsPattern(Pattern.compile(": xblmock \\S+ " + TIMES + Pattern.quote("http://127.0.0.1:"
                + port + "; storage filesystem " + storage + "; no seed; dashboard http://127.0.0.1:" + port
                + "/_emulator/ui/") + "$", Pattern.MULTILINE));
    }
}
