package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.xblmock.testsupport.ChildApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the packaged jar says to the common mistakes of a start: each is a short report naming the mistake
 * (Spring Boot's failure analysis), never a stack trace; {@code --help} prints the usage and exits 0.
 */
class StartupMistakesIT {

    private static final Path HOME = Path.of("target", "startup-mistakes-it").toAbsolutePath();

    private record Outcome(int exitCode, String output) {
    }

    @BeforeAll
    static void onlyInTheMemoryRun() throws IOException {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null,
                "starts its own servers: not repeated in the filesystem-backend IT run");
        ChildApplication.deleteRecursively(HOME);
        Files.createDirectories(HOME);
    }

    private static Outcome run(Map<String, String> environment, String... arguments) throws Exception {
        Path log = Files.createTempFile(HOME, "run", ".log");
        ProcessBuilder builder = new ProcessBuilder(ChildApplication.get().command(List.of(), List.of(arguments)))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the process exits by itself").isTrue();
            return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static void assertReport(Outcome outcome, String description, String action) {
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output())
                .contains("APPLICATION FAILED TO START")
                .contains("Description:" + System.lineSeparator() + System.lineSeparator() + description
                        + System.lineSeparator())
                .contains("Action:" + System.lineSeparator() + System.lineSeparator() + action + System.lineSeparator())
                .doesNotContain("\tat ")
                .doesNotContain("ready in");
    }

    @Test
    void helpPrintsTheUsageAndExitsWithoutStarting() throws Exception {
        Outcome outcome = run(Map.of(), "--help");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).isEqualTo(XblMockApplication.usage());
        assertThat(outcome.output()).startsWith("Usage: java -jar xblmock-<version>-exec.jar [--<property>=<value> ...]")
                .contains("  --xblmock.auth.mode=off|loose|strict      how Authorization headers are checked (loose)");
    }

    @Test
    void aMisspeltPropertyArgumentStopsTheStartNamingTheNearestProperty() throws Exception {
        assertReport(run(Map.of(), "--server.port=0", "--xblmock.auth.mod=strict"),
                "Unknown property --xblmock.auth.mod (command line); did you mean xblmock.auth.mode?",
                "Correct or remove it: the properties are listed in the README (Configuration) and by --help.");
    }

    @Test
    void aMisspeltEnvironmentVariableStopsTheStartToo() throws Exception {
        assertReport(run(Map.of("XBLMOCK_STORAGE_MAXBLOBBYTE", "10"), "--server.port=0"),
                "Unknown property environment variable XBLMOCK_STORAGE_MAXBLOBBYTE; did you mean "
                        + "xblmock.storage.max-blob-bytes?",
                "Correct or remove it: the properties are listed in the README (Configuration) and by --help.");
    }

    @Test
    void theClusterBackendWithoutItsDatabaseAndBucketNamesTheMissingProperties() throws Exception {
        assertReport(run(Map.of("XBLMOCK_STORAGE_BACKEND", "cluster"), "--server.port=0"),
                "xblmock.storage.backend=cluster needs xblmock.cluster.jdbc-url and xblmock.cluster.s3.bucket.",
                "Set them (environment variables work too, e.g. XBLMOCK_CLUSTER_JDBCURL), or use "
                        + "xblmock.storage.backend=memory or filesystem.");
    }

    @Test
    void aBusyHttpsPortIsReportedAsTheHttpsPort() throws Exception {
        try (ServerSocket busy = occupiedPort()) {
            int port = busy.getLocalPort();
            assertReport(run(Map.of(), "--server.port=0", "--xblmock.tls.enabled=true", "--xblmock.tls.port=" + port,
                            "--xblmock.tls.dir=" + HOME.resolve("tls")),
                    "The HTTPS listener cannot listen on port " + port + " (xblmock.tls.port): another process is "
                            + "using it.",
                    "Stop the process listening on port " + port + ", or choose another port with "
                            + "--xblmock.tls.port=<port> (0: any free port).");
        }
    }

    @Test
    void aBusyProxyPortIsAShortReportNotAStackTrace() throws Exception {
        try (ServerSocket busy = occupiedPort()) {
            int port = busy.getLocalPort();
            assertReport(run(Map.of(), "--server.port=0", "--xblmock.proxy.enabled=true",
                            "--xblmock.proxy.port=" + port, "--xblmock.tls.dir=" + HOME.resolve("tls")),
                    "The proxy listener cannot listen on port " + port + " (xblmock.proxy.port): another process is "
                            + "using it.",
                    "Stop the process listening on port " + port + ", or choose another port with "
                            + "--xblmock.proxy.port=<port> (0: any free port).");
        }
    }

    @Test
    void aBusyHttpPortNamesServerPort() throws Exception {
        try (ServerSocket busy = occupiedPort()) {
            int port = busy.getLocalPort();
            assertReport(run(Map.of(), "--server.port=" + port),
                    "The HTTP listener cannot listen on port " + port + " (server.port): another process is using it.",
                    "Stop the process listening on port " + port + ", or choose another port with "
                            + "--server.port=<port> (0: any free port).");
        }
    }

    /** A port held by this test, on every interface as the server would bind it. */
    private static ServerSocket occupiedPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(0));
        return socket;
    }
}
