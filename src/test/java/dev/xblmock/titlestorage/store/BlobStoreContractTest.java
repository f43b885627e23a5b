package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlobStore} must have, whatever keeps the bytes. One subclass per backend
 * supplies the store; nothing here knows which one it is testing.
 */
abstract class BlobStoreContractTest {

    static final Namespace GLOBAL = new Namespace(StorageRoot.GLOBAL, "", "00000000-0000-0000-0000-000000000001");
    static final Namespace USER = new Namespace(StorageRoot.TRUSTED_PLATFORM, "2814", "00000000-0000-0000-0000-000000000001");
    static final BlobKey KEY = new BlobKey(GLOBAL, "saves/slot1", BlobType.BINARY);
    static final Instant FILE_TIME = Instant.parse("2024-05-01T10:15:30.1234567Z");

    /** The store's budget for unfinished uploads: room for every other test, small enough to reach. */
    static final int BUDGET_UPLOADS = 8;
    static final long BUDGET_BYTES = 2 << 20;

    protected EtagSource etags;
    protected StagingBudget staging;
    protected BlobStore store;

    /** A new store with nothing in it, using {@code etags} and counting unfinished uploads in {@code staging}. */
    protected abstract BlobStore newStore(EtagSource etags, StagingBudget staging) throws Exception;

    @BeforeEach
    void createStore() throws Exception {
        // a frozen clock: ETags then only increase because the source counts, which is what is under test
        etags = new EtagSource(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC));
        staging = new StagingBudget(BUDGET_UPLOADS, BUDGET_BYTES);
        store = newStore(etags, staging);
    }

    // ---- staging and commit ---------------------------------------------------------------------------------

    @Test
    void committedBytesAndMetadataAreWhatWasStaged() throws IOException {
        StagedUpload staged = store.stage();
        assertThat(staged.append(stream("hello, "))).isEqualTo(7);
        assertThat(staged.append(stream("world"))).isEqualTo(5);
        assertThat(staged.size()).isEqualTo(12);

        BlobMetadata committed = store.commit(KEY, staged, new BlobAttributes(FILE_TIME, "Slot 1"), WriteGuard.NONE);

        assertThat(committed.key()).isEqualTo(KEY);
        assertThat(committed.size()).isEqualTo(12);
        assertThat(committed.clientFileTime()).isEqualTo(FILE_TIME);
        assertThat(committed.displayName()).isEqualTo("Slot 1");
        assertThat(store.metadata(KEY)).contains(committed);
        BlobContent content = store.open(KEY).orElseThrow();
        assertThat(content.metadata()).isEqualTo(committed);
        assertThat(read(content.open())).isEqualTo("hello, world");
        assertThat(read(content.open(3, 6))).isEqualTo("lo, wo");
        assertThat(read(content.open(12, 0))).isEmpty();
    }

    @Test
    void unsetAttributesStayUnset() throws IOException {
        BlobMetadata committed = put(KEY, "x", BlobAttributes.NONE);
        assertThat(committed.clientFileTime()).isNull();
        assertThat(committed.displayName()).isNull();
        assertThat(store.metadata(KEY).orElseThrow().displayName()).isNull();
    }

    @Test
    void emptyBlobIsABlob() throws IOException {
        StagedUpload staged = store.stage();
        assertThat(staged.append(InputStream.nullInputStream())).isZero();
        BlobMetadata committed = store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(committed.size()).isZero();
        assertThat(read(store.open(KEY).orElseThrow().open())).isEmpty();
        assertThat(store.list(GLOBAL, "")).containsExactly(committed);
    }

    @Test
    void largeBlobSpanningManyBuffersRoundTrips() throws IOException {
        byte[] bytes = pattern(1_000_003, 7);
        BlobContent content = commitInTwoAppends(bytes, 300_001);
        assertThat(content.open().readAllBytes()).isEqualTo(bytes);
        assertThat(content.open(65_530, 200_000).readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 65_530, 265_530));
    }

    /** transferTo is the download path: every range, across chunk and buffer boundaries, exactly its bytes. */
    @Test
    void transferToWritesExactlyTheRange() throws IOException {
        byte[] bytes = pattern(300_001, 11);
        BlobContent content = commitInTwoAppends(bytes, 70_000);

        long[][] ranges = {{0, 300_001}, {0, 0}, {0, 1}, {65_535, 2}, {65_536, 65_536}, {69_999, 2},
                {1, 300_000}, {131_000, 100_000}, {300_000, 1}, {300_001, 0}};
        for (long[] range : ranges) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream in = content.open(range[0], range[1])) {
                assertThat(in.transferTo(out)).as("bytes transferred of %s", Arrays.toString(range)).isEqualTo(range[1]);
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(out.toByteArray()).as("range %s", Arrays.toString(range))
                    .isEqualTo(Arrays.copyOfRange(bytes, (int) range[0], (int) (range[0] + range[1])));
        }
    }

    @Test
    void stagedBytesAreInvisibleUntilCommitted() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("pending"));

        assertThat(store.metadata(KEY)).isEmpty();
        assertThat(store.open(KEY)).isEmpty();
        assertThat(store.list(GLOBAL, "")).isEmpty();
        assertThat(store.usedBytes(GLOBAL)).isZero();
        staged.close();
    }

    @Test
    void stagedBytesCanBeReadBeforeCommit() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("{\"a\":1}"));
        assertThat(read(staged.open(0, staged.size()))).isEqualTo("{\"a\":1}");
        assertThat(read(staged.open(1, 3))).isEqualTo("\"a\"");
        staged.close();
    }

    @Test
    void truncateDropsTheTail() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("block-one|"));
        staged.append(stream("block-two|"));
        staged.truncate(10);
        assertThat(staged.size()).isEqualTo(10);
        staged.append(stream("block-2b"));
        staged.truncate(14);

        store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("block-one|bloc");
    }

    @Test
    void truncateRefusesToGrow() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("abc"));
        assertThatThrownBy(() -> staged.truncate(4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> staged.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(staged.size()).isEqualTo(3);
        staged.close();
    }

    @Test
    void appendThatFailsMidwayLeavesNothingOfThatCall() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("kept"));
        InputStream failing = new FailingStream(pattern(200_000, 3), new IOException("client went away"));

        assertThatThrownBy(() -> staged.append(failing)).isInstanceOf(IOException.class).hasMessage("client went away");

        assertThat(staged.size()).isEqualTo(4);
        assertThat(read(staged.open(0, 4))).isEqualTo("kept");
        staged.append(stream("+more"));
        store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("kept+more");
    }

    @Test
    void appendRefusedByALimitLeavesNothingOfThatCall() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("kept"));
        XblException limit = XblException.of(ErrorCode.BODY_TOO_LARGE, "too large");
        InputStream refused = new FailingStream(pattern(100_000, 5), limit);

        assertThatThrownBy(() -> staged.append(refused)).isSameAs(limit);

        assertThat(staged.size()).isEqualTo(4);
        store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(store.metadata(KEY).orElseThrow().size()).isEqualTo(4);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("kept");
    }

    @Test
    void closingAStagedUploadIsIdempotentAndChangesNothingVisible() throws IOException {
        put(KEY, "committed", BlobAttributes.NONE);
        StagedUpload staged = store.stage();
        staged.append(stream("dropped"));
        staged.close();
        staged.close();
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("committed");
    }

    // ---- guards ---------------------------------------------------------------------------------------------

    @Test
    void guardSeesTheCurrentVersionAndTheNamespaceUsage() throws IOException {
        BlobMetadata first = put(KEY, "12345", BlobAttributes.NONE);
        put(new BlobKey(GLOBAL, "other", BlobType.JSON), "{}", BlobAttributes.NONE);
        List<Object> seen = new ArrayList<>();

        StagedUpload staged = store.stage();
        staged.append(stream("replacement"));
        store.commit(KEY, staged, BlobAttributes.NONE, (current, used) -> {
            seen.add(current);
            seen.add(used);
        });
        store.delete(new BlobKey(GLOBAL, "missing", BlobType.BINARY), (current, used) -> {
            seen.add(current);
            seen.add(used);
        });

        assertThat(seen).containsExactly(Optional.of(first), 7L, Optional.empty(), 13L);
    }

    @Test
    void refusedCommitChangesNothingAndLeavesTheStagedBytesUsable() throws IOException {
        BlobMetadata first = put(KEY, "version one", BlobAttributes.NONE);
        StagedUpload staged = store.stage();
        staged.append(stream("version two"));
        XblException refusal = XblException.of(ErrorCode.PRECONDITION_FAILED, "If-Match does not match");

        assertThatThrownBy(() -> store.commit(KEY, staged, new BlobAttributes(FILE_TIME, "x"), (current, used) -> {
            throw refusal;
        })).isSameAs(refusal);

        assertThat(store.metadata(KEY)).contains(first);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("version one");
        assertThat(store.usedBytes(GLOBAL)).isEqualTo(11);
        assertThat(staged.size()).isEqualTo(11);
        assertThat(read(staged.open(0, 11))).isEqualTo("version two");

        BlobMetadata second = store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(second.etag()).isGreaterThan(first.etag());
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("version two");
    }

    @Test
    void refusedCommitOfANewBlobCreatesNothing() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream("new"));
        assertThatThrownBy(() -> store.commit(KEY, staged, BlobAttributes.NONE, (current, used) -> {
            throw XblException.of(ErrorCode.QUOTA_EXCEEDED, "quota");
        })).isInstanceOf(XblException.class);
        assertThat(store.metadata(KEY)).isEmpty();
        assertThat(store.list(GLOBAL, "")).isEmpty();
        assertThat(store.usedBytes(GLOBAL)).isZero();
        staged.close();
    }

    // ---- delete ---------------------------------------------------------------------------------------------

    @Test
    void deleteRemovesTheBlobOnce() throws IOException {
        put(KEY, "bytes", BlobAttributes.NONE);
        assertThat(store.delete(KEY, WriteGuard.NONE)).isTrue();
        assertThat(store.metadata(KEY)).isEmpty();
        assertThat(store.open(KEY)).isEmpty();
        assertThat(store.list(GLOBAL, "")).isEmpty();
        assertThat(store.usedBytes(GLOBAL)).isZero();
        assertThat(store.delete(KEY, WriteGuard.NONE)).isFalse();
        assertThat(store.delete(new BlobKey(USER, "never", BlobType.JSON), WriteGuard.NONE)).isFalse();
    }

    @Test
    void refusedDeleteKeepsTheBlob() throws IOException {
        BlobMetadata kept = put(KEY, "bytes", BlobAttributes.NONE);
        assertThatThrownBy(() -> store.delete(KEY, (current, used) -> {
            throw XblException.of(ErrorCode.PRECONDITION_FAILED, "no");
        })).isInstanceOf(XblException.class);
        assertThat(store.metadata(KEY)).contains(kept);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("bytes");
    }

    @Test
    void aVersionBeingReadSurvivesReplacementAndDeletion() throws IOException {
        put(KEY, "old bytes", BlobAttributes.NONE);
        BlobContent old = store.open(KEY).orElseThrow();
        put(KEY, "new bytes!", BlobAttributes.NONE);
        assertThat(read(old.open())).isEqualTo("old bytes");

        BlobContent current = store.open(KEY).orElseThrow();
        InputStream streaming = current.open();
        assertThat(streaming.read()).isEqualTo('n');
        store.delete(KEY, WriteGuard.NONE);
        assertThat(new String(streaming.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ew bytes!");
        streaming.close();
    }

    // ---- list and quota -------------------------------------------------------------------------------------

    @Test
    void listIsOrdinallySortedAndFiltersByWholeDirectorySegments() throws IOException {
        for (String path : List.of("b", "a/c", "a/b/deep", "ab/x", "A/z", "a", "a/bc", "a/b")) {
            put(new BlobKey(GLOBAL, path, BlobType.BINARY), path, BlobAttributes.NONE);
        }
        put(new BlobKey(GLOBAL, "a/b", BlobType.JSON), "{}", BlobAttributes.NONE);
        put(new BlobKey(USER, "a/other-namespace", BlobType.BINARY), "x", BlobAttributes.NONE);

        assertThat(fileNames(store.list(GLOBAL, ""))).containsExactly(
                "A/z,binary", "a,binary", "a/b,binary", "a/b,json", "a/b/deep,binary", "a/bc,binary", "a/c,binary",
                "ab/x,binary", "b,binary");
        assertThat(fileNames(store.list(GLOBAL, "a"))).containsExactly(
                "a/b,binary", "a/b,json", "a/b/deep,binary", "a/bc,binary", "a/c,binary");
        assertThat(fileNames(store.list(GLOBAL, "a/b"))).containsExactly("a/b/deep,binary");
        assertThat(fileNames(store.list(GLOBAL, "missing"))).isEmpty();
        assertThat(fileNames(store.list(USER, ""))).containsExactly("a/other-namespace,binary");
        assertThat(store.list(new Namespace(StorageRoot.JSON, "2814", USER.scid()), "")).isEmpty();
    }

    @Test
    void listingShowsTheCurrentMetadata() throws IOException {
        put(KEY, "one", BlobAttributes.NONE);
        BlobMetadata second = put(KEY, "second", new BlobAttributes(FILE_TIME, "Second"));
        assertThat(store.list(GLOBAL, "saves")).containsExactly(second);
    }

    @Test
    void usedBytesFollowsCommitsReplacementsAndDeletesPerNamespace() throws IOException {
        put(KEY, "12345", BlobAttributes.NONE);
        put(new BlobKey(GLOBAL, "two", BlobType.JSON), "{\"k\":2}", BlobAttributes.NONE);
        put(new BlobKey(USER, "elsewhere", BlobType.BINARY), "123", BlobAttributes.NONE);
        assertThat(store.usedBytes(GLOBAL)).isEqualTo(12);
        put(KEY, "12", BlobAttributes.NONE);
        assertThat(store.usedBytes(GLOBAL)).isEqualTo(9);
        store.delete(new BlobKey(GLOBAL, "two", BlobType.JSON), WriteGuard.NONE);
        assertThat(store.usedBytes(GLOBAL)).isEqualTo(2);
        assertThat(store.usedBytes(USER)).isEqualTo(3);
        assertThat(store.usedBytes(new Namespace(StorageRoot.SESSIONS, "s1", USER.scid()))).isZero();
    }

    // ---- reset and ETags ------------------------------------------------------------------------------------

    @Test
    void resetRemovesEveryBlob() throws IOException {
        put(KEY, "a", BlobAttributes.NONE);
        put(new BlobKey(USER, "b", BlobType.JSON), "{}", BlobAttributes.NONE);

        store.reset();

        assertThat(store.metadata(KEY)).isEmpty();
        assertThat(store.open(KEY)).isEmpty();
        assertThat(store.list(GLOBAL, "")).isEmpty();
        assertThat(store.list(USER, "")).isEmpty();
        assertThat(store.usedBytes(GLOBAL)).isZero();
        assertThat(store.usedBytes(USER)).isZero();
        BlobMetadata after = put(KEY, "again", BlobAttributes.NONE);
        assertThat(store.list(GLOBAL, "")).containsExactly(after);
    }

    @Test
    void etagsStrictlyIncreaseAcrossKeysDeletesAndRecreation() throws IOException {
        List<Etag> seen = new ArrayList<>();
        seen.add(put(KEY, "1", BlobAttributes.NONE).etag());
        seen.add(put(new BlobKey(USER, "x", BlobType.BINARY), "2", BlobAttributes.NONE).etag());
        seen.add(put(KEY, "3", BlobAttributes.NONE).etag());
        store.delete(KEY, WriteGuard.NONE);
        seen.add(put(KEY, "4", BlobAttributes.NONE).etag());
        store.reset();
        seen.add(put(KEY, "5", BlobAttributes.NONE).etag());

        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)).isGreaterThan(seen.get(i - 1));
        }
    }

    // ---- concurrency ----------------------------------------------------------------------------------------

    @Test
    void readersDuringOverwritesSeeOneWholeVersion() throws Exception {
        int versions = 60;
        put(KEY, new String(versionBytes(0), StandardCharsets.ISO_8859_1), BlobAttributes.NONE);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        CountDownLatch readersDone = new CountDownLatch(3);
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                try {
                    while (writing.get() || reads.get() < 30) {
                        BlobContent content = store.open(KEY).orElseThrow();
                        byte[] bytes = content.open().readAllBytes();
                        String problem = wholeVersionProblem(bytes, content.metadata());
                        if (problem != null) {
                            failures.add(problem);
                        }
                        reads.incrementAndGet();
                    }
                } catch (Throwable t) {
                    failures.add(t.toString());
                } finally {
                    readersDone.countDown();
                }
            });
            reader.start();
        }
        for (int v = 1; v <= versions; v++) {
            StagedUpload staged = store.stage();
            staged.append(new ByteArrayInputStream(versionBytes(v)));
            store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        }
        writing.set(false);
        assertThat(readersDone.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(30);
    }

    /** Version v: (v % 7 + 1) * 40,000 bytes, every byte equal to v. */
    /** Stages {@code bytes} as two appends split at {@code split}, commits them as {@code KEY} and opens it. */
    private BlobContent commitInTwoAppends(byte[] bytes, int split) throws IOException {
        StagedUpload staged = store.stage();
        staged.append(new ByteArrayInputStream(bytes, 0, split));
        staged.append(new ByteArrayInputStream(bytes, split, bytes.length - split));
        store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        return store.open(KEY).orElseThrow();
    }

    private static byte[] versionBytes(int v) {
        byte[] bytes = new byte[(v % 7 + 1) * 40_000];
        Arrays.fill(bytes, (byte) v);
        return bytes;
    }

    private static String wholeVersionProblem(byte[] bytes, BlobMetadata metadata) {
        if (bytes.length != metadata.size()) {
            return "read " + bytes.length + " bytes, metadata says " + metadata.size();
        }
        int v = bytes[0] & 0xFF;
        if (bytes.length != versionBytes(v).length) {
            return "version " + v + " has the wrong length " + bytes.length;
        }
        for (byte b : bytes) {
            if ((b & 0xFF) != v) {
                return "mixed bytes of version " + v + " and " + (b & 0xFF);
            }
        }
        return null;
    }

    // ---- the staging budget ---------------------------------------------------------------------------------

    @Test
    void unfinishedUploadsAndTheirBytesAreCountedUntilCommittedOrClosed() throws IOException {
        StagedUpload committed = store.stage();
        committed.append(new ByteArrayInputStream(pattern(200_000, 1)));
        StagedUpload closed = store.stage();
        closed.append(new ByteArrayInputStream(pattern(100_000, 2)));
        closed.truncate(30_000);
        assertThat(staging.uploads()).isEqualTo(2);
        assertThat(staging.bytes()).isEqualTo(230_000);

        store.commit(KEY, committed, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(staging.uploads()).isEqualTo(1);
        assertThat(staging.bytes()).isEqualTo(30_000);
        closed.close();
        closed.close();
        assertThat(staging.uploads()).isZero();
        assertThat(staging.bytes()).isZero();
    }

    @Test
    void aFailedAppendAndARefusedCommitKeepTheCountRight() throws IOException {
        StagedUpload staged = store.stage();
        staged.append(new ByteArrayInputStream(pattern(100_000, 1)));
        assertThatThrownBy(() -> staged.append(new FailingStream(pattern(200_000, 3), new IOException("gone"))))
                .isInstanceOf(IOException.class);
        assertThat(staging.bytes()).isEqualTo(100_000);
        XblException refusal = XblException.of(ErrorCode.PRECONDITION_FAILED, "no");
        assertThatThrownBy(() -> store.commit(KEY, staged, BlobAttributes.NONE, (current, used) -> {
            throw refusal;
        })).isSameAs(refusal);
        assertThat(staging.uploads()).isEqualTo(1);
        assertThat(staging.bytes()).isEqualTo(100_000);
        staged.close();
        assertThat(staging.bytes()).isZero();
        assertThat(staging.uploads()).isZero();
    }

    @Test
    void anUploadPastTheCountIs503UntilOneFinishes() throws IOException {
        List<StagedUpload> pending = new ArrayList<>();
        for (int i = 0; i < BUDGET_UPLOADS; i++) {
            pending.add(store.stage());
        }
        assertThatThrownBy(() -> store.stage()).isInstanceOfSatisfying(XblException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.headers()).isEqualTo(Map.of("Retry-After", "1"));
            assertThat(e.detail()).isEqualTo("8 uploads are unfinished, the most xblmock.storage.max-staged-uploads "
                    + "allows. Retry later: unfinished uploads free their share when committed or expired "
                    + "(xblmock.storage.upload-idle-timeout); or raise the limit.");
        });
        assertThat(staging.uploads()).isEqualTo(BUDGET_UPLOADS);

        pending.get(0).close();
        StagedUpload next = store.stage();
        next.append(stream("next"));
        store.commit(KEY, next, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(store.stage()).isNotNull();
    }

    @Test
    void aBlockPastTheBytesIs503AndNothingOfItIsKept() throws IOException {
        StagedUpload first = store.stage();
        first.append(new ByteArrayInputStream(pattern(1_572_864, 1)));
        StagedUpload second = store.stage();
        second.append(stream("kept"));
        assertThatThrownBy(() -> second.append(new ByteArrayInputStream(pattern(700_000, 2))))
                .isInstanceOfSatisfying(XblException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                    assertThat(e.headers()).isEqualTo(Map.of("Retry-After", "1"));
                    // 1,572,868 pending + the seven 64 KiB chunks of the block that fitted
                    assertThat(e.detail()).startsWith("Unfinished uploads hold 2031620 bytes and this block would "
                            + "take them past xblmock.storage.max-staged-bytes (2097152).");
                });
        assertThat(second.size()).isEqualTo(4);
        assertThat(read(second.open(0, 4))).isEqualTo("kept");
        assertThat(staging.bytes()).isEqualTo(1_572_868);

        first.close();
        second.append(new ByteArrayInputStream(pattern(700_000, 2)));
        assertThat(staging.bytes()).isEqualTo(700_004);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    protected BlobMetadata put(BlobKey key, String content, BlobAttributes attributes) throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream(content));
        return store.commit(key, staged, attributes, WriteGuard.NONE);
    }

    static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + seed + (i >>> 9));
        }
        return bytes;
    }

    private static List<String> fileNames(List<BlobMetadata> listing) {
        return listing.stream().map(m -> m.key().fileName()).toList();
    }

    /** Yields its bytes, then fails the way a client disconnect or a body limit does. */
    static final class FailingStream extends InputStream {
        private final ByteArrayInputStream bytes;
        private final Exception failure;

        FailingStream(byte[] bytes, Exception failure) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.failure = failure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = bytes.read(buffer, off, len);
            if (n > 0) {
                return n;
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        }
    }
}
