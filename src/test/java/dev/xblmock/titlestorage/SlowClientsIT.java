package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.store.BlobStore;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * 100 clients that ask for a large download (or a batch of it) and never read, and 100 that trickle an
 * upload body a byte a second, are connected at once: health, downloads and uploads of other clients are
 * still answered (the server has 64 worker threads, and each such client used to hold one), the stalled
 * downloads are cut off after the response stall timeout, and the trickled uploads get 408 RequestTimeout
 * after the request body timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xblmock.http.response-stall-timeout=10s", "xblmock.http.request-body-timeout=12s"})
class SlowClientsIT extends ApiIT {

    private static final int STALLED = 100;
    private static final int TRICKLING = 100;
    private static final int BIG = 16 * 1024 * 1024;
    private static final String SCID = BatchDownloadIT.SCID;
    private static final String BIG_PATH = "/trustedplatform/users/xuid(1)/scids/" + SCID + "/data/big.bin,binary";
    private static final Duration PROMPT = Duration.ofSeconds(5);
    /**
     * When every slow client must be cut off: the 10 s stall timeout and 12 s body timeout, plus a generous margin
     * (the container checks timeouts each second and then closes 200 connections).
     */
    private static final Duration CUT_OFF_DEADLINE = Duration.ofSeconds(12 + 20);
    /** The keep-alive connections of this test's own HTTP client, which stay open. */
    private static final int CLIENT_CONNECTIONS = 2;

    @Autowired
    private BlobStore store;
    @Autowired
    private WebServerApplicationContext context;

    private final List<Socket> sockets = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPT).build();

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    @Test
    void silentAndTricklingClientsTakeNoThreadAndAreCutOff() throws Exception {
        byte[] big = new byte[BIG];
        Arrays.fill(big, (byte) 'b');
        BatchDownloadIT.put(store, new BlobKey(new Namespace(StorageRoot.TRUSTED_PLATFORM, "1", SCID), "big.bin",
                BlobType.BINARY), big);
        BatchDownloadIT.put(store, new BlobKey(new Namespace(StorageRoot.TRUSTED_PLATFORM, "1", SCID), "small.bin",
                BlobType.BINARY), "small".getBytes(StandardCharsets.US_ASCII));

        long started = System.nanoTime();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < STALLED; i++) {
            String request = i % 5 == 0
                    ? post("/trustedplatform/users/batch/scids/" + SCID + "/data/big.bin,binary", "{\"xuids\":[1]}")
                    : "GET " + BIG_PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + PLACEHOLDER_AUTH + "\r\n\r\n";
            Socket socket = connect();
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            stalled.add(socket);
        }
        List<Socket> trickling = new ArrayList<>();
        for (int i = 0; i < TRICKLING; i++) {
            Socket socket = connect();
            socket.getOutputStream().write(("PUT /trustedplatform/users/xuid(2)/scids/" + SCID + "/data/t" + i
                    + ".bin,binary HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + PLACEHOLDER_AUTH
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000\r\n\r\nx")
                    .getBytes(StandardCharsets.US_ASCII));
            trickling.add(socket);
        }
        Thread trickler = new Thread(() -> trickle(trickling), "trickler");
        trickler.setDaemon(true);
        trickler.start();
        try {
            Thread.sleep(1_000); // every slow client's request is in the server now

            HttpResponse<String> health = send(HttpRequest.newBuilder(uri("/_emulator/health")));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            HttpResponse<String> small = send(HttpRequest.newBuilder(uri(
                    "/trustedplatform/users/xuid(1)/scids/" + SCID + "/data/small.bin,binary")));
            assertThat(small.statusCode()).isEqualTo(200);
            assertThat(small.body()).isEqualTo("small");
            HttpResponse<String> upload = send(HttpRequest.newBuilder(uri(
                    "/trustedplatform/users/xuid(3)/scids/" + SCID + "/data/other.bin,binary"))
                    .PUT(HttpRequest.BodyPublishers.ofString("other")));
            assertThat(upload.statusCode()).isEqualTo(201);
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(uri(BIG_PATH))
                    .header("Authorization", PLACEHOLDER_AUTH).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(big);

            // reading before the cut-off would let a stalled client go on: wait until the server closed them
            long deadline = started + CUT_OFF_DEADLINE.toNanos();
            while (openConnections() > CLIENT_CONNECTIONS && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(openConnections()).as("connections left open %d ms after the start",
                    (System.nanoTime() - started) / 1_000_000).isLessThanOrEqualTo(CLIENT_CONNECTIONS);
            for (int i = 0; i < stalled.size(); i++) {
                String received = drain(stalled.get(i));
                assertThat(received).startsWith("HTTP/1.1 200 ");
                assertThat(received.length()).as("client %d cut off before the whole body (%d ms after the start)", i,
                        (System.nanoTime() - started) / 1_000_000).isLessThan(BIG);
            }
            for (Socket socket : trickling) {
                assertThat(drain(socket)).startsWith("HTTP/1.1 408 ").contains("\"code\":\"RequestTimeout\"");
            }
        } finally {
            trickler.interrupt();
        }
        anonymous().get("/trustedplatform/users/xuid(2)/scids/" + SCID + "/data").then().statusCode(200)
                .body("blobs", org.hamcrest.Matchers.empty());
    }

    private long openConnections() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        return ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler()).getConnectionCount();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024); // so the server's writes fill the socket soon
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        sockets.add(socket);
        return socket;
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + PLACEHOLDER_AUTH
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
    }

    /** One byte a second to each socket, far slower than a body of 1,000 bytes needs within the timeout. */
    private static void trickle(List<Socket> sockets) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1_000);
                for (Socket socket : sockets) {
                    try {
                        socket.getOutputStream().write('y');
                    } catch (IOException closedByServer) {
                        // expected once its time is up
                    }
                }
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the server sends until it closes the connection (at most 30 s of waiting). */
    private static String drain(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            // the server may reset a connection it gave up on
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close a slow client's connection; received "
                    + received.size() + " bytes", e);
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", PLACEHOLDER_AUTH).timeout(PROMPT).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
