package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.MultipartBody;
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
        for (int round = 0; round < 3; round++) {
            readAFewKibAndClose();
            awaitNoBatchRequestThread();
            awaitEveryStreamClosed();
        }
        assertThat(streamsOpened.get()).as("parts after the disconnect are never opened").isLessThan(3 * USERS);

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

    private void readAFewKibAndClose() throws IOException {
        String body = BatchDownloadIT.xuidsBody(USERS);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + PATH + " HTTP/1.1\r\n"
                    + "Host: localhost\r\n"
                    + "Authorization: " + PLACEHOLDER_AUTH + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\n"
                    + "\r\n"
                    + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] received = in.readNBytes(4096);
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
