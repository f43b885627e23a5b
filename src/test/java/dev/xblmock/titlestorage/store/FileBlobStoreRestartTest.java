package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import static dev.xblmock.titlestorage.store.BlobStoreContractTest.read;
import static dev.xblmock.titlestorage.store.BlobStoreContractTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.common.storage.StorageDirectoryException;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a stop (or a crash) of the filesystem store, and what a start refuses. */
class FileBlobStoreRestartTest {

    private static final Namespace GLOBAL = BlobStoreContractTest.GLOBAL;
    private static final Namespace USER = BlobStoreContractTest.USER;
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    Path dir;
    private final List<StorageDirectory> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(StorageDirectory::close);
    }

    private FileBlobStore start(Instant clockTime) {
        StorageDirectory directory = StorageDirectory.open(dir);
        opened.add(directory);
        return new FileBlobStore(directory, new EtagSource(Clock.fixed(clockTime, ZoneOffset.UTC)),
                StagingBudget.unlimited());
    }

    /** Like a process exit: the directory lock goes, nothing else is cleaned up. */
    private void stop() {
        opened.remove(opened.size() - 1).close();
    }

    private static BlobMetadata put(BlobStore store, BlobKey key, String content, BlobAttributes attributes)
            throws IOException {
        StagedUpload staged = store.stage();
        staged.append(stream(content));
        return store.commit(key, staged, attributes, WriteGuard.NONE);
    }

    @Test
    void blobsMetadataAndEtagsSurviveARestart() throws IOException {
        FileBlobStore first = start(NOW);
        BlobKey saves = new BlobKey(USER, "saves/slot 1", BlobType.BINARY);
        BlobKey settings = new BlobKey(GLOBAL, "config/settings", BlobType.JSON);
        put(first, saves, "v1", BlobAttributes.NONE);
        BlobMetadata savesV2 = put(first, saves, "version two",
                new BlobAttributes(Instant.parse("2024-02-29T23:59:59.9999999Z"), "Ünïcødé slot ☃"));
        BlobMetadata settingsV1 = put(first, settings, "{\"difficulty\":3}", BlobAttributes.NONE);
        put(first, new BlobKey(GLOBAL, "deleted", BlobType.BINARY), "gone", BlobAttributes.NONE);
        first.delete(new BlobKey(GLOBAL, "deleted", BlobType.BINARY), WriteGuard.NONE);
        stop();

        // a clock far behind: only the loaded ETags can keep the next one greater
        FileBlobStore second = start(NOW.minusSeconds(86_400 * 365));

        assertThat(second.list(USER, "")).containsExactly(savesV2);
        assertThat(second.list(GLOBAL, "")).containsExactly(settingsV1);
        assertThat(second.metadata(saves)).contains(savesV2);
        assertThat(second.usedBytes(USER)).isEqualTo(11);
        assertThat(second.usedBytes(GLOBAL)).isEqualTo(16);
        assertThat(read(second.open(saves).orElseThrow().open())).isEqualTo("version two");
        assertThat(read(second.open(settings).orElseThrow().open())).isEqualTo("{\"difficulty\":3}");
        Etag next = put(second, saves, "v3", BlobAttributes.NONE).etag();
        assertThat(next).isGreaterThan(savesV2.etag()).isGreaterThan(settingsV1.etag());
    }

    @Test
    void uncommittedUploadsAreDroppedAtStart() throws IOException {
        FileBlobStore first = start(NOW);
        BlobMetadata committed = put(first, BlobStoreContractTest.KEY, "committed", BlobAttributes.NONE);
        StagedUpload abandoned = first.stage();
        abandoned.append(stream("never committed"));
        assertThat(FileBlobStoreTest.fileNames(dir.resolve("staging"))).hasSize(1);
        stop();

        FileBlobStore second = start(NOW);

        assertThat(FileBlobStoreTest.fileNames(dir.resolve("staging"))).isEmpty();
        assertThat(second.list(GLOBAL, "")).containsExactly(committed);
    }

    @Test
    void anOlderVersionLeftByACrashIsDeletedAndTheNewerKept() throws IOException {
        FileBlobStore first = start(NOW);
        BlobKey key = BlobStoreContractTest.KEY;
        put(first, key, "old", BlobAttributes.NONE);
        Path oldFile = single(dir.resolve("blobs"));
        Path copy = dir.resolve("old-copy");
        Files.copy(oldFile, copy);
        BlobMetadata newer = put(first, key, "newer", BlobAttributes.NONE);
        Files.move(copy, oldFile); // as if the crash came before the old version's deletion reached the disk
        stop();

        FileBlobStore second = start(NOW);

        assertThat(second.list(GLOBAL, "")).containsExactly(newer);
        assertThat(read(second.open(key).orElseThrow().open())).isEqualTo("newer");
        assertThat(FileBlobStoreTest.fileNames(dir.resolve("blobs"))).hasSize(1);
        assertThat(Files.exists(oldFile)).isFalse();
    }

    @Test
    void aDamagedVersionFileStopsTheStartNamingTheFile() throws IOException {
        FileBlobStore first = start(NOW);
        put(first, BlobStoreContractTest.KEY, "bytes", BlobAttributes.NONE);
        stop();
        Path file = single(dir.resolve("blobs"));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - BlobVersionFile.FOOTER_BYTES - 3] ^= 1; // inside the metadata record
        Files.write(file, bytes);

        assertThatThrownBy(() -> start(NOW)).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("checksum");
    }

    @Test
    void aNewDirectoryGetsAFormatFile() throws IOException {
        start(NOW);
        assertThat(Files.readString(dir.resolve("FORMAT"))).isEqualTo("xblmock-storage 1\n");
    }

    @Test
    void anUnknownFormatVersionIsRefused() throws IOException {
        start(NOW);
        stop();
        Files.writeString(dir.resolve("FORMAT"), "xblmock-storage 2\n");
        assertThatThrownBy(() -> start(NOW)).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining("format version 2").hasMessageContaining("reads format version 1")
                .hasMessageContaining("newer xblmock");

        Files.writeString(dir.resolve("FORMAT"), "something else");
        assertThatThrownBy(() -> start(NOW)).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining("does not name an xblmock storage format");
    }

    @Test
    void aDirectoryXblmockDidNotCreateIsRefused() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "someone else's file");
        assertThatThrownBy(() -> start(NOW)).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining("not empty and has no FORMAT file");
    }

    @Test
    void aFileIsNotADirectory() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> StorageDirectory.open(file)).isInstanceOf(StorageDirectoryException.class)
                .hasMessage("xblmock.storage.dir " + file + " is not a directory.");
        assertThatThrownBy(() -> StorageDirectory.open(null)).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining("set xblmock.storage.dir");
    }

    @Test
    void aDirectoryInUseIsRefused() {
        start(NOW);
        assertThatThrownBy(() -> StorageDirectory.open(dir)).isInstanceOf(StorageDirectoryException.class)
                .hasMessageContaining("in use by another xblmock server");
        stop();
        start(NOW); // the lock went with the first user
    }

    /** A restart loads 10,000 blobs written by an earlier server (how long it takes is a benchmark's job). */
    @Test
    void startsOnTenThousandBlobs() throws IOException {
        start(NOW);
        stop();
        Path blobs = dir.resolve("blobs");
        Etag etag = new Etag(0x8DD0000_0000_0000L);
        for (int i = 0; i < 10_000; i++) {
            BlobKey key = new BlobKey(i % 2 == 0 ? GLOBAL : USER, "dir" + (i % 100) + "/blob" + i, BlobType.BINARY);
            byte[] content = ("content of blob " + i).getBytes(StandardCharsets.US_ASCII);
            BlobMetadata metadata = new BlobMetadata(key, content.length, new Etag(etag.value() + i), null, "n" + i);
            byte[] trailer = BlobVersionFile.trailer(metadata);
            byte[] file = new byte[content.length + trailer.length];
            System.arraycopy(content, 0, file, 0, content.length);
            System.arraycopy(trailer, 0, file, content.length, trailer.length);
            Files.write(blobs.resolve(BlobVersionFile.fileName(key, metadata.etag())), file);
        }

        FileBlobStore loaded = start(NOW);

        assertThat(loaded.list(GLOBAL, "").size() + loaded.list(USER, "").size()).isEqualTo(10_000);
        assertThat(read(loaded.open(new BlobKey(USER, "dir99/blob9999", BlobType.BINARY)).orElseThrow().open()))
                .isEqualTo("content of blob 9999");
    }

    private static Path single(Path directory) throws IOException {
        List<String> names = FileBlobStoreTest.fileNames(directory);
        assertThat(names).hasSize(1);
        return directory.resolve(names.get(0));
    }
}
