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
import java.util.List;
import java.util.SplittableRandom;

import dev.xblmock.testsupport.ChildApplication;
import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6 durability across a normal restart, black-box: blobs (whole and multi-block) and stats written to
 * one server are all there, byte for byte and with the same ETags, on the next server started on the same
 * directory, and its next ETag is greater.
 */
class FileStoreRestartIT {

    private static final String SCID = "00000000-0000-0000-0000-00000000e5e7";
    private static final String STATS_SCID = "7492baca-c1b4-440d-a391-b7ef364a8d40";
    private static final String XUID = "2533274792693551";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void blobsAndStatsSurviveARestartWithTheirEtags() throws Exception {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null,
                "starts its own filesystem servers: not repeated in the filesystem-backend IT run");
        Path home = Path.of("target", "restart-it").toAbsolutePath();
        ChildApplication.deleteRecursively(home);
        List<String> arguments = List.of("--xblmock.storage.backend=filesystem",
                "--xblmock.storage.dir=" + Files.createDirectories(home.resolve("storage")));
        SplittableRandom random = new SplittableRandom(5);
        byte[] whole = new byte[70_000];
        random.nextBytes(whole);
        byte[] blockOne = new byte[300_000];
        byte[] blockTwo = new byte[12_345];
        random.nextBytes(blockOne);
        random.nextBytes(blockTwo);

        String listingBefore;
        String statsBefore;
        String quotaBefore;
        String multiEtag;
        try (ChildServer first = ChildServer.start(List.of(), arguments, home.resolve("first.log"))) {
            BlobHttpClient blobs = new BlobHttpClient(first.baseUrl(), SCID);
            blobs.putWhole("saves/whole", whole);
            multiEtag = blobs.putBlocks("saves/multi", List.of(blockOne, blockTwo).iterator());
            send(first, "PUT", "/_emulator/stats/users/" + XUID + "/scids/" + STATS_SCID,
                    "{\"gamertag\":\"Restarted\",\"stats\":{\"Kills\":{\"type\":\"Integer\",\"value\":\"66\"},"
                            + "\"Title\":{\"type\":\"String\",\"value\":\"Ace of ☃\"}}}", 200);
            listingBefore = send(first, "GET", "/global/scids/" + SCID + "/data", null, 200);
            quotaBefore = send(first, "GET", "/global/scids/" + SCID, null, 200);
            statsBefore = send(first, "GET", "/users/xuid(" + XUID + ")/scids/" + STATS_SCID + "/stats", null, 200);
        }

        try (ChildServer second = ChildServer.start(List.of(), arguments, home.resolve("second.log"))) {
            BlobHttpClient blobs = new BlobHttpClient(second.baseUrl(), SCID);
            assertThat(send(second, "GET", "/global/scids/" + SCID + "/data", null, 200)).isEqualTo(listingBefore);
            assertThat(send(second, "GET", "/global/scids/" + SCID, null, 200)).isEqualTo(quotaBefore);
            assertThat(send(second, "GET", "/users/xuid(" + XUID + ")/scids/" + STATS_SCID + "/stats", null, 200))
                    .isEqualTo(statsBefore).contains("Ace of ☃");
            assertThat(blobs.get("saves/whole").sha256()).isEqualTo(BlobHttpClient.sha256(whole));
            BlobHttpClient.Download multi = blobs.get("saves/multi");
            assertThat(multi.etag()).isEqualTo(multiEtag);
            assertThat(multi.size()).isEqualTo(blockOne.length + blockTwo.length);
            var digest = BlobHttpClient.sha256();
            digest.update(blockOne);
            digest.update(blockTwo);
            assertThat(multi.sha256()).isEqualTo(java.util.HexFormat.of().formatHex(digest.digest()));

            String next = blobs.putWhole("saves/whole", new byte[] {1});
            assertThat(next).isGreaterThan(multiEtag);
        }
    }

    private String send(ChildServer server, String method, String path, String json, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", BlobHttpClient.AUTH);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expectedStatus);
        return response.body();
    }
}
