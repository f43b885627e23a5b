package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import dev.xblmock.testsupport.ChildApplication;
import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.Test;

/**
 * Abandoned uploads cannot exhaust file descriptors: a server limited to {@link #DESCRIPTOR_LIMIT} open files
 * keeps answering health, uploads and downloads after more abandoned multi-block uploads than that. Each one
 * used to keep its staging file open until it expired (15 minutes): uploads then failed with 500, new
 * connections with "Too many open files", and health timed out.
 */
class FileStoreDescriptorLimitIT {

    private static final int DESCRIPTOR_LIMIT = 400;
    private static final int ABANDONED = 500;
    private static final String SCID = "00000000-0000-0000-0000-0000000fd11e";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void moreAbandonedUploadsThanDescriptorsLeaveTheServerServing() throws Exception {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null,
                "starts its own filesystem server: not repeated in the filesystem-backend IT run");
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "counts descriptors in /proc (Linux)");
        Path home = Path.of("target", "descriptor-limit-it").toAbsolutePath();
        ChildApplication.deleteRecursively(home);
        Path storage = Files.createDirectories(home.resolve("storage"));
        List<String> arguments = List.of("--xblmock.storage.backend=filesystem", "--xblmock.storage.dir=" + storage);
        try (ChildServer server = ChildServer.startWithDescriptorLimit(DESCRIPTOR_LIMIT, List.of(), arguments,
                home.resolve("server.log"))) {
            BlobHttpClient blobs = new BlobHttpClient(server.baseUrl(), SCID);
            SplittableRandom random = new SplittableRandom(18);
            for (int i = 0; i < ABANDONED; i++) {
                byte[] block = new byte[1024];
                random.nextBytes(block);
                blobs.startBlocks("abandoned/" + i, block);
            }
            try (Stream<Path> staged = Files.list(storage.resolve("staging"))) {
                assertThat(staged.count()).isEqualTo(ABANDONED);
            }
            assertThat(openFilesIn(server.pid(), storage.resolve("staging"))).isZero();

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                    + "/_emulator/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            byte[] whole = new byte[200_000];
            random.nextBytes(whole);
            String etag = blobs.putWhole("after/whole", whole);
            BlobHttpClient.Download download = blobs.get("after/whole");
            assertThat(download.status()).isEqualTo(200);
            assertThat(download.etag()).isEqualTo(etag);
            assertThat(download.sha256()).isEqualTo(BlobHttpClient.sha256(whole));
        }
    }

    /** Descriptors of process {@code pid} open on files in {@code directory}. */
    private static long openFilesIn(long pid, Path directory) throws IOException {
        Path real = directory.toRealPath();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd);
                } catch (IOException closedMeanwhile) {
                    return Path.of("");
                }
            }).filter(target -> target.startsWith(real)).count();
        }
    }
}
