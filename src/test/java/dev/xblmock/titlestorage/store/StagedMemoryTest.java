package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Map;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.XblException;
import dev.xblmock.titlestorage.BlobKey;
import dev.xblmock.titlestorage.BlobType;
import dev.xblmock.titlestorage.Namespace;
import dev.xblmock.titlestorage.StorageRoot;
import org.junit.jupiter.api.Test;

/** Pending upload bytes of the memory backend are counted until committed or closed, and capped. */
class StagedMemoryTest {

    private static final int CHUNK = MemoryStagedUpload.CHUNK_SIZE;

    private final StagedMemory budget = new StagedMemory(300_000);
    private final MemoryBlobStore store = new MemoryBlobStore(new EtagSource(Clock.systemUTC()), budget);

    @Test
    void keptBytesAreCountedUntilClosed() throws Exception {
        StagedUpload staged = store.stage();
        staged.append(body(200_000));
        assertThat(budget.used()).isEqualTo(200_000);
        staged.truncate(150_000);
        assertThat(budget.used()).isEqualTo(150_000);
        staged.close();
        assertThat(budget.used()).isZero();
        staged.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void aBlockPastTheBudgetIs503AndLeavesNothingCounted() throws Exception {
        StagedUpload first = store.stage();
        first.append(body(200_000));
        StagedUpload second = store.stage();
        assertThatThrownBy(() -> second.append(body(150_000)))
                .isInstanceOfSatisfying(XblException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.headers()).isEqualTo(Map.of("Retry-After", "1"));
                    // 200,000 pending + the 65,536 of the second block's first chunk
                    assertThat(e.detail()).startsWith("Pending uploads hold 265536 bytes of memory and this block "
                            + "would take them past xblmock.storage.max-staged-memory-bytes (300000).");
                });
        assertThat(second.size()).isZero();
        assertThat(budget.used()).isEqualTo(200_000);
    }

    @Test
    void committedBytesBelongToTheBlobAndAreNoLongerPending() throws Exception {
        StagedUpload staged = store.stage();
        staged.append(body(200_000));
        BlobKey key = new BlobKey(new Namespace(StorageRoot.GLOBAL, "", "Scid"), "a", BlobType.BINARY);
        store.commit(key, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(budget.used()).isZero();
        staged.close();
        assertThat(store.open(key).orElseThrow().open(0, 200_000).readAllBytes()).hasSize(200_000);
        StagedUpload next = store.stage();
        next.append(body(230_000));
        assertThat(budget.used()).isEqualTo(230_000);
    }

    @Test
    void theBudgetHoldsAtLeastOneChunk() {
        assertThatThrownBy(() -> new StagedMemory(CHUNK - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("xblmock.storage.max-staged-memory-bytes must be at least 65536, not 65535");
    }

    private static ByteArrayInputStream body(int length) {
        return new ByteArrayInputStream(new byte[length]);
    }
}
