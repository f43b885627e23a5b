package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import dev.xblmock.cluster.ClusterDatabase;
import dev.xblmock.cluster.ClusterEngines;
import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several instances on one database and one bucket answer as one server: two servers (child JVMs of the packaged
 * application) behind a round-robin balancer that picks the instance per request. Racing conditional writers:
 * exactly one wins; a multi-block upload whose blocks alternate between the instances completes; an instance
 * killed (SIGKILL) mid-upload loses no acknowledged block, and the upload finishes on another one.
 */
class ClusterInstancesIT {

    private static final String SCID = "00000000-0000-0000-0000-0000000c1057";
    private static final String AUTH = "XBL3.0 x=;";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path HOME = Path.of("target", "cluster-instances-it").toAbsolutePath();

    private static List<String> arguments;
    private static final List<ChildServer> servers = new ArrayList<>();
    private static final AtomicInteger turn = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        ClusterDatabase.create().close(); // skips where the engines cannot run
        Files.createDirectories(HOME);
        Map<String, Object> properties = ClusterEngines.get().newClusterProperties();
        arguments = ClusterEngines.serverArguments(properties);
        CompletableFuture<ChildServer> first = CompletableFuture.supplyAsync(() -> start("a"));
        CompletableFuture<ChildServer> second = CompletableFuture.supplyAsync(() -> start("b"));
        servers.add(first.get());
        servers.add(second.get());
    }

    private static ChildServer start(String name) {
        try {
            return ChildServer.start(List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), arguments,
                    HOME.resolve(name + ".log"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (ChildServer server : servers) {
            server.close();
        }
    }

    /** The balancer: each request goes to the next instance. */
    private static String next() {
        return servers.get(Math.floorMod(turn.getAndIncrement(), servers.size())).baseUrl();
    }

    private static URI blob(String base, String name, String query) {
        return URI.create(base + "/global/scids/" + SCID + "/data/" + name + ",binary" + (query.isEmpty() ? "" : "?" + query));
    }

    private HttpResponse<String> put(String base, String name, String query, byte[] body, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(blob(base, name, query)).header("Authorization", AUTH)
                .header("Content-Type", "application/octet-stream").timeout(Duration.ofMinutes(1))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> get(String base, String name) throws Exception {
        return http.send(HttpRequest.newBuilder(blob(base, name, "")).header("Authorization", AUTH)
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    private static String token(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("continuationToken").asString();
    }

    @Test
    void ofTwoRacingConditionalWritersOnTwoInstancesExactlyOneWins() throws Exception {
        String etag = etag(put(next(), "race", "", "v0".getBytes()));
        for (int round = 1; round <= 8; round++) {
            String expected = etag;
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> writers = new ArrayList<>();
            for (ChildServer server : servers) {
                byte[] body = ("round " + round + " by " + server.port()).getBytes();
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return put(server.baseUrl(), "race", "", body, "If-Match", expected);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = writers.stream().map(CompletableFuture::join).toList();
            assertThat(answers).extracting(HttpResponse::statusCode).as("round %d", round)
                    .containsExactlyInAnyOrder(201, 412);
            HttpResponse<String> winner = answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow();
            assertThat(Long.decode(etag(winner))).isGreaterThan(Long.decode(etag));
            etag = etag(winner);
            for (ChildServer server : servers) { // every instance serves the winner's version at once
                HttpResponse<byte[]> read = get(server.baseUrl(), "race");
                assertThat(etag(read)).isEqualTo(etag);
            }
        }
    }

    @Test
    void aMultiBlockUploadWhoseBlocksAlternateBetweenInstancesCompletes() throws Exception {
        byte[][] blocks = new byte[6][];
        String token = null;
        HttpResponse<String> last = null;
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = BlobStoreContractTest.pattern(100_000 + i, i);
            boolean finalBlock = i == blocks.length - 1;
            String query = (token == null ? "" : "continuationToken=" + token + "&") + "finalBlock=" + finalBlock;
            HttpResponse<String> answer = put(next(), "alternating", query, blocks[i]);
            if (finalBlock) {
                last = answer;
            } else {
                if (token != null) { // a first block sent again would start another upload
                    HttpResponse<String> retransmitted = put(next(), "alternating", query, blocks[i]);
                    assertThat(token(retransmitted)).as("a retransmission on the other instance")
                            .isEqualTo(token(answer));
                }
                token = token(answer);
            }
        }
        assertThat(last.statusCode()).as(last.body()).isEqualTo(200);
        String etag = etag(last);
        HttpResponse<String> finalAgain = put(next(), "alternating", "continuationToken=" + token + "&finalBlock=true",
                blocks[blocks.length - 1]);
        assertThat(finalAgain.statusCode()).isEqualTo(200);
        assertThat(etag(finalAgain)).as("the retransmitted final block gets the same ETag").isEqualTo(etag);
        byte[] whole = concat(blocks);
        for (ChildServer server : servers) {
            HttpResponse<byte[]> read = get(server.baseUrl(), "alternating");
            assertThat(etag(read)).isEqualTo(etag);
            assertThat(Arrays.equals(read.body(), whole)).as("bytes read from " + server.port()).isTrue();
        }
    }

    @Test
    void anInstanceKilledMidUploadLosesNothingAcknowledged() throws Exception {
        ChildServer doomed = start("killed");
        try {
            byte[][] blocks = {BlobStoreContractTest.pattern(200_000, 1), BlobStoreContractTest.pattern(150_000, 2),
                    BlobStoreContractTest.pattern(1_300_000, 3), BlobStoreContractTest.pattern(7_777, 4)};
            String token = token(put(doomed.baseUrl(), "survivor", "finalBlock=false", blocks[0]));
            token = token(put(doomed.baseUrl(), "survivor", "continuationToken=" + token + "&finalBlock=false", blocks[1]));
            token = token(put(doomed.baseUrl(), "survivor", "continuationToken=" + token + "&finalBlock=false", blocks[2]));
            doomed.kill();

            HttpResponse<String> committed = put(next(), "survivor", "continuationToken=" + token + "&finalBlock=true",
                    blocks[3]);

            assertThat(committed.statusCode()).as(committed.body()).isEqualTo(200);
            HttpResponse<byte[]> read = get(next(), "survivor");
            assertThat(etag(read)).isEqualTo(etag(committed));
            assertThat(Arrays.equals(read.body(), concat(blocks))).isTrue();
        } finally {
            doomed.close();
        }
    }

    private static byte[] concat(byte[][] parts) {
        int size = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] whole = new byte[size];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, whole, at, part.length);
            at += part.length;
        }
        return whole;
    }
}
