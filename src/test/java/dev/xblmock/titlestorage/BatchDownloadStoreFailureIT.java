package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.RawHttp;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.store.BlobContent;
import dev.xblmock.titlestorage.store.BlobMetadata;
import dev.xblmock.titlestorage.store.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A store that fails in the middle of a batch, after the 200 is committed: the response must not look
 * complete (no close delimiter, no problem JSON glued onto the multipart body) and the server keeps serving.
 */
class BatchDownloadStoreFailureIT extends ApiIT {

    private static final String PATH = "/trustedplatform/users/batch/scids/" + BatchDownloadIT.SCID + "/data/f.bin,binary";

    @MockitoSpyBean
    private BlobStore store;

    @Test
    void aFailureMidResponseLeavesTheBodyVisiblyTruncated() throws IOException {
        for (String xuid : new String[] {"1", "2", "3"}) {
            BatchDownloadIT.put(store, key(xuid), ("blob" + xuid).getBytes(StandardCharsets.US_ASCII));
        }
        doAnswer(call -> {
            @SuppressWarnings("unchecked")
            Optional<BlobContent> real = (Optional<BlobContent>) call.callRealMethod();
            return key("2").equals(call.getArgument(0)) ? real.map(Failing::new) : real;
        }).when(store).open(any());

        String raw = exchange("{\"xuids\":[1,2,3]}");

        assertThat(raw).startsWith("HTTP/1.1 200 ").contains("Transfer-Encoding: chunked");
        assertThat(raw).contains("blob1").doesNotContain("blob3").doesNotContain("--\r\n0\r\n")
                .doesNotContain("problem").doesNotContain("\"code\"");
        // the connection was aborted: no terminating zero-length chunk
        assertThat(raw).doesNotEndWith("\r\n0\r\n\r\n");

        // and the server keeps serving
        anonymous().body("{\"xuids\":[1,3]}").post(PATH).then().statusCode(200);
    }

    /** Sends the request on a raw socket and returns everything received until the server closes. */
    private String exchange(String body) throws IOException {
        try (RawHttp http = new RawHttp(port)) {
            http.send("POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + PLACEHOLDER_AUTH
                    + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            return http.readUntilClosed();
        }
    }

    private static BlobKey key(String xuid) {
        return new BlobKey(new Namespace(StorageRoot.TRUSTED_PLATFORM, xuid, BatchDownloadIT.SCID), "f.bin", BlobType.BINARY);
    }

    /** A blob whose bytes cannot be read. */
    private record Failing(BlobContent delegate) implements BlobContent {
        @Override
        public BlobMetadata metadata() {
            return delegate.metadata();
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
            throw new IOException("the disk went away");
        }
    }
}
