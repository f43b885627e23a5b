package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.MultipartBody;
import dev.xblmock.testsupport.RawHttp;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.store.BlobContent;
import dev.xblmock.titlestorage.store.BlobMetadata;
import dev.xblmock.titlestorage.store.BlobStore;
import dev.xblmock.titlestorage.web.BatchDownloadController;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A client that reads a few KiB of a large batch (100 x 1 MiB) and closes its socket: no request thread
 * waits for it, every blob stream opened for it is closed promptly, nothing is logged as an error, and the
 * server keeps serving. The ITs run in the server's JVM, so the request threads are inspected directly.
 */
@ExtendWith(OutputCaptureExtension.class)
class BatchDownloadDisconnectIT extends ApiIT {

    private static final int USERS = 100;
    private static final int BLOB_BYTES = 1024 * 1024;
    private static final String PATH = "/trustedplatform/users/batch/scids/" + BatchDownloadIT.SCID + "/data/big.bin,binary";
    private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);
    private static final int RECEIVE_BUFFER = 16 * 1024;

    /** A spy whose blobs count how many of their streams were opened and closed. */
    @MockitoSpyBean
    private BlobStore store;

    private final AtomicInteger streamsOpened = new AtomicInteger();
    private final AtomicInteger streamsClosed = new AtomicInteger();

    @BeforeEach
    @SuppressWarnings("unchecked")
    void trackStreamsAndSeed() {
        doAnswer(call -> ((Optional<BlobContent>) call.callRealMethod()).map(TrackedContent::new))
                .when(store).open(any());
        byte[] bytes = new byte[BLOB_BYTES];
        Arrays.fill(bytes, (byte) 'x');
        for (int xuid = 1; xuid <= USERS; xuid++) {
            BatchDownloadIT.put(store, new BlobKey(new Namespace(StorageRoot.TRUSTED_PLATFORM, Integer.toString(xuid),
                    BatchDownloadIT.SCID), "big.bin", BlobType.BINARY), bytes);
        }
    }

    @Test
    void aClientLeavingMidResponseReleasesEverythingAndTheServerKeepsServing(CapturedOutput output) throws Exception {
        int mostPerRound = mostStreamsOpenedBeforeTheResetIsSeen();
        for (int round = 0; round < 3; round++) {
            int before = streamsOpened.get();
            readAFewKibAndClose();
            awaitNoBatchRequestThread();
            awaitEveryStreamClosed();
            assertThat(streamsOpened.get() - before).as("parts after the disconnect are never opened")
                    .isBetween(1, mostPerRound);
        }

        // the server answers whole batches promptly afterwards
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 5; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PATH))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", PLACEHOLDER_AUTH)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"xuids\":[1,2,100]}"))
                    .build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            List<MultipartBody.Part> parts = MultipartBody.parse(
                    response.headers().firstValue("Content-Type").orElseThrow(), response.body()).parts();
            assertThat(parts).hasSize(3).allSatisfy(part -> assertThat(part.body()).hasSize(BLOB_BYTES));
        }
        awaitNoBatchRequestThread();
        awaitEveryStreamClosed();

        assertThat(output.getAll())
                .doesNotContain("ERROR")
                .doesNotContain("ClientAbortException")
                .doesNotContain("Broken pipe")
                .doesNotContain("Connection reset");
    }

    /**
     * Parts are opened one at a time as the body is written, and the server notices the client's reset at its
     * next write: before that it can have written at most what the connection holds, the client's small
     * receive buffer plus the server's socket send buffer (at most the kernel's {@code tcp_wmem} maximum;
     * 4 MiB, Linux's default, elsewhere), so at most that many whole parts, one part partly written and one
     * just opened.
     */
    private static int mostStreamsOpenedBeforeTheResetIsSeen() throws IOException {
        Path wmem = Path.of("/proc/sys/net/ipv4/tcp_wmem");
        long sendBuffer = 4L * 1024 * 1024;
        if (Files.isReadable(wmem)) {
            try (InputStream in = Files.newInputStream(wmem)) { // a /proc file: its size reads as 0
                String[] minDefaultMax = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
                sendBuffer = Long.parseLong(minDefaultMax[minDefaultMax.length - 1]);
            }
        }
        return (int) ((sendBuffer + RECEIVE_BUFFER) / BLOB_BYTES) + 2;
    }

    private void readAFewKibAndClose() throws IOException {
        String body = BatchDownloadIT.xuidsBody(USERS);
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER); // before connecting, so the window stays small
        socket.connect(new InetSocketAddress("localhost", port), 5_000);
        try (RawHttp http = RawHttp.over(socket)) {
            http.send("POST " + PATH + " HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Authorization: " + PLACEHOLDER_AUTH + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n"
                    + "\r\n"
                    + body);
            byte[] received = http.readBytes(4096);
            assertThat(new String(received, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 ");
        } // closing with unread data makes the kernel reset the connection
    }

    /** The body is written with non-blocking I/O: its source is closed when the container reports the reset. */
    private void awaitEveryStreamClosed() throws InterruptedException {
        long deadline = System.nanoTime() + RELEASE_TIMEOUT.toNanos();
        while (streamsClosed.get() != streamsOpened.get() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(streamsClosed.get()).as("every opened blob stream is closed").isEqualTo(streamsOpened.get());
    }

    /** Waits until no thread is inside the batch controller (none waits for a slow client). */
    private static void awaitNoBatchRequestThread() throws InterruptedException {
        long deadline = System.nanoTime() + RELEASE_TIMEOUT.toNanos();
        List<String> busy = busyBatchThreads();
        while (!busy.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            busy = busyBatchThreads();
        }
        assertThat(busy).as("request threads still in BatchDownloadController").isEmpty();
    }

    private static List<String> busyBatchThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> Arrays.stream(entry.getValue())
                        .anyMatch(frame -> frame.getClassName().equals(BatchDownloadController.class.getName())))
                .map(entry -> entry.getKey().getName())
                .toList();
    }

    /** Counts opens and (first) closes of the blob's streams. */
    private final class TrackedContent implements BlobContent {
        private final BlobContent delegate;

        TrackedContent(BlobContent delegate) {
            this.delegate = delegate;
        }

        @Override
        public BlobMetadata metadata() {
            return delegate.metadata();
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            streamsOpened.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            return new FilterInputStream(delegate.open(offset, length)) {
                @Override
                public void close() throws IOException {
                    if (closed.compareAndSet(false, true)) {
                        streamsClosed.incrementAndGet();
                    }
                    super.close();
                }
            };
        }
    }
}
