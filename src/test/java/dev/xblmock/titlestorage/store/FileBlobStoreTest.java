package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract against the filesystem backend, plus what only a directory on disk can get wrong. */
class FileBlobStoreTest extends BlobStoreContractTest {

    @TempDir
    Path dir;
    private StorageDirectory directory;

    @Override
    protected BlobStore newStore(EtagSource etags, StagingBudget staging) {
        directory = StorageDirectory.open(dir);
        return new FileBlobStore(directory, etags, staging);
    }

    @AfterEach
    void closeDirectory() {
        directory.close();
    }

    @Test
    void fileNamesOnDiskCarryNoClientText() throws IOException {
        put(new BlobKey(new Namespace(StorageRoot.SESSIONS, "..", "scid"), "..%2F..%2Fescape/name", BlobType.BINARY),
                "x", BlobAttributes.NONE);
        put(KEY, "y", BlobAttributes.NONE);

        List<String> names = fileNames(dir.resolve("blobs"));
        assertThat(names).hasSize(2).allMatch(BlobVersionFile::isVersionFileName);
        assertThat(fileNames(dir)).containsExactlyInAnyOrder("FORMAT", "LOCK", "blobs", "staging");
    }

    @Test
    void stagingFilesGoAwayWhenClosedOrCommitted() throws IOException {
        StagedUpload dropped = store.stage();
        dropped.append(stream("dropped"));
        StagedUpload kept = store.stage();
        kept.append(stream("kept"));
        assertThat(fileNames(dir.resolve("staging"))).hasSize(2);

        dropped.close();
        store.commit(KEY, kept, BlobAttributes.NONE, WriteGuard.NONE);

        assertThat(fileNames(dir.resolve("staging"))).isEmpty();
        assertThat(fileNames(dir.resolve("blobs"))).hasSize(1);
    }

    /** Each abandoned upload held its staging file open until it expired: 1,000 exhausted a 1,024 limit. */
    @Test
    void anUnfinishedUploadHoldsNoFileDescriptorBetweenBlocks() throws IOException {
        Path descriptors = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(descriptors), "needs /proc (Linux)");
        List<StagedUpload> abandoned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            StagedUpload staged = store.stage();
            staged.append(stream("first block " + i));
            staged.append(stream(", second block"));
            abandoned.add(staged);
        }
        try (InputStream reading = abandoned.get(0).open(0, 5)) {
            assertThat(openFilesIn(descriptors, dir.resolve("staging"))).isEqualTo(1);
        }

        assertThat(fileNames(dir.resolve("staging"))).hasSize(5);
        assertThat(openFilesIn(descriptors, dir.resolve("staging"))).isZero();
        assertThat(read(abandoned.get(4).open(0, 27))).isEqualTo("first block 4, second block");
        store.commit(KEY, abandoned.get(4), BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(openFilesIn(descriptors, dir.resolve("staging"))).isZero();
    }

    private static long openFilesIn(Path descriptors, Path directory) throws IOException {
        Path real = directory.toRealPath();
        try (Stream<Path> fds = Files.list(descriptors)) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd);
                } catch (IOException closedMeanwhile) {
                    return Path.of("");
                }
            }).filter(target -> target.startsWith(real)).count();
        }
    }

    @Test
    void replacedAndDeletedVersionsLeaveNoFiles() throws IOException {
        put(KEY, "one", BlobAttributes.NONE);
        put(KEY, "two", BlobAttributes.NONE);
        assertThat(fileNames(dir.resolve("blobs"))).hasSize(1);
        store.delete(KEY, WriteGuard.NONE);
        assertThat(fileNames(dir.resolve("blobs"))).isEmpty();
    }

    @Test
    void resetDeletesTheFiles() throws IOException {
        put(KEY, "one", BlobAttributes.NONE);
        put(new BlobKey(USER, "two", BlobType.BINARY), "two", BlobAttributes.NONE);
        store.reset();
        assertThat(fileNames(dir.resolve("blobs"))).isEmpty();
    }

    @Test
    void anUnwritableBlobDirectoryFailsTheCommitWithStorageUnavailableAndKeepsEverything() throws IOException {
        put(KEY, "old", BlobAttributes.NONE);
        StagedUpload staged = store.stage();
        staged.append(stream("new version"));
        Path blobs = dir.resolve("blobs");
        Path aside = dir.resolve("blobs-aside");
        Files.move(blobs, aside);
        Files.writeString(blobs, "a file where the directory was");

        assertThatThrownBy(() -> store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE))
                .isInstanceOfSatisfying(XblException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));

        Files.delete(blobs);
        Files.move(aside, blobs);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("old");
        assertThat(staged.size()).isEqualTo(11);
        assertThat(read(staged.open(0, 11))).isEqualTo("new version");
        store.commit(KEY, staged, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(read(store.open(KEY).orElseThrow().open())).isEqualTo("new version");
        assertThat(store.usedBytes(GLOBAL)).isEqualTo(11);
    }

    @Test
    void anUnusableStagingDirectoryFailsTheUploadWithStorageUnavailable() throws IOException {
        Path staging = dir.resolve("staging");
        Files.delete(staging);
        Files.writeString(staging, "not a directory");

        assertThatThrownBy(() -> store.stage()).isInstanceOfSatisfying(XblException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORAGE_UNAVAILABLE));
    }

    static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
