package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import dev.xblmock.testsupport.ChildApplication;
import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6 streaming: a 256 MiB blob goes up in 4 MiB blocks and comes back byte-exact from a server whose
 * heap is 64 MiB, so neither direction may hold the blob in memory. The test holds one block at a time.
 */
class FileStoreStreamingIT {

    private static final int BLOCK = 4 * 1024 * 1024;
    private static final int BLOCKS = 64;
    private static final String SCID = "00000000-0000-0000-0000-000000051ea0";

    @Test
    void aBlobFourTimesTheHeapRoundTripsByteExact() throws Exception {
        assumeTrue(System.getProperty("xblmock.storage.backend") == null,
                "starts its own filesystem servers: not repeated in the filesystem-backend IT run");
        Path home = Path.of("target", "streaming-it").toAbsolutePath();
        ChildApplication.deleteRecursively(home);
        Path storage = Files.createDirectories(home.resolve("storage"));
        try (ChildServer server = ChildServer.start(List.of("-Xmx64m", "-XX:+UseSerialGC"),
                List.of("--xblmock.storage.backend=filesystem", "--xblmock.storage.dir=" + storage),
                home.resolve("server.log"))) {
            BlobHttpClient client = new BlobHttpClient(server.baseUrl(), SCID);
            MessageDigest sent = BlobHttpClient.sha256();

            String etag = client.putBlocks("big/blob", new GeneratedBlocks(sent));
            BlobHttpClient.Download download = client.get("big/blob");

            assertThat(download.status()).isEqualTo(200);
            assertThat(download.etag()).isEqualTo(etag);
            assertThat(download.size()).isEqualTo((long) BLOCK * BLOCKS);
            assertThat(download.sha256()).isEqualTo(HexFormat.of().formatHex(sent.digest()));
            assertThat(client.usedBytes()).isEqualTo((long) BLOCK * BLOCKS);
            assertThat(Files.readString(server.log())).doesNotContain("OutOfMemoryError");
        }
    }

    /** Pseudo-random 4 MiB blocks made one at a time, digested as they are handed out. */
    private static final class GeneratedBlocks implements Iterator<byte[]> {
        private final SplittableRandom random = new SplittableRandom(256);
        private final MessageDigest digest;
        private final byte[] block = new byte[BLOCK];
        private int made;

        GeneratedBlocks(MessageDigest digest) {
            this.digest = digest;
        }

        @Override
        public boolean hasNext() {
            return made < BLOCKS;
        }

        @Override
        public byte[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            random.nextBytes(block);
            digest.update(block);
            made++;
            return block;
        }
    }
}
