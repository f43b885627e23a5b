package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import dev.xblmock.cluster.ClusterDatabase;
import dev.xblmock.cluster.ClusterEngines;
import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.Test;

/**
 * Bytes stream on the cluster backend too: a 256 MiB blob goes up in 4 MiB blocks to the bucket and comes back
 * byte-exact, from a server whose heap is 64 MiB, so neither direction may hold
 * the blob in memory.
 */
class ClusterStoreStreamingIT {

    private static final int BLOCK = 4 * 1024 * 1024;
    private static final int BLOCKS = 64;
    private static final String SCID = "00000000-0000-0000-0000-000000051ea1";

    @Test
    void aBlobFourTimesTheHeapRoundTripsByteExact() throws Exception {
        ClusterDatabase.create().close(); // skips where the engines cannot run
        Path home = Files.createDirectories(Path.of("target", "cluster-streaming-it").toAbsolutePath());
        List<String> arguments = ClusterEngines.serverArguments(ClusterEngines.get().newClusterProperties());
        try (ChildServer server = ChildServer.start(List.of("-Xmx64m", "-XX:+UseSerialGC"), arguments,
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
