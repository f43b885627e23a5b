package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import dev.xblmock.common.storage.DurableFiles;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.common.storage.StorageDirectoryException;
import dev.xblmock.common.web.StorageFailures;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.NamespaceUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filesystem store (SPEC 6, layout in docs/storage-layout.md). Each committed version is one immutable
 * file in {@code blobs/}, bytes followed by its metadata, that appears by an atomic rename of its fully
 * written, fsynced staging file: a crash leaves the old version or the new one, whole. Uploads stage in
 * {@code staging/}, which is emptied at startup. Metadata of every blob is indexed in memory (loaded at
 * startup from the version files' trailers, never their bytes), so listings and quota never touch the disk.
 */
public class FileBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileBlobStore.class);
    static final String BLOBS = "blobs";
    static final String STAGING = "staging";

    private final Path blobsDirectory;
    private final Path stagingDirectory;
    private final EtagSource etags;
    private final StagingBudget staging;
    private final ConcurrentHashMap<Namespace, NamespaceIndex> namespaces = new ConcurrentHashMap<>();
    /** Writes share it; reset takes it alone so no commit lands between its deletions. */
    private final ReadWriteLock resetLock = new ReentrantReadWriteLock();

    /** A committed version: its metadata and its file. */
    private record Version(BlobMetadata metadata, Path file) {
    }

    private static final class NamespaceIndex {
        final ConcurrentSkipListMap<String, Version> byFileName = new ConcurrentSkipListMap<>();
        long usedBytes; // guarded by this
    }

    /**
     * Opens the store in {@code directory}: deletes staging files left by a crash, loads the index and moves
     * {@code etags} past every ETag on disk. Unfinished uploads count against {@code staging}.
     *
     * @throws StorageDirectoryException when a file in the blob directory is not a valid version file
     */
    public FileBlobStore(StorageDirectory directory, EtagSource etags, StagingBudget staging) {
        this.blobsDirectory = directory.area(BLOBS);
        this.stagingDirectory = directory.area(STAGING);
        this.etags = etags;
        this.staging = staging;
        try {
            deleteAbandonedStaging();
            load();
        } catch (IOException e) {
            throw new StorageDirectoryException("Cannot read the blob store in " + directory.root() + ": " + e, e);
        }
    }

    private void deleteAbandonedStaging() throws IOException {
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(stagingDirectory)) {
            for (Path file : files) {
                Files.delete(file);
                deleted++;
            }
        }
        if (deleted > 0) {
            log.info("Deleted {} uncommitted upload(s) left in {}", deleted, stagingDirectory);
        }
    }

    private void load() throws IOException {
        long started = System.nanoTime();
        Map<BlobKey, Version> latest = new HashMap<>();
        List<Path> superseded = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(blobsDirectory)) {
            for (Path file : files) {
                Version version = new Version(readVersion(file), file);
                Version other = latest.putIfAbsent(version.metadata().key(), version);
                if (other != null) {
                    // a crash between renaming a new version in and deleting the old one: the newer wins
                    boolean newer = version.metadata().etag().compareTo(other.metadata().etag()) > 0;
                    superseded.add(newer ? other.file() : version.file());
                    if (newer) {
                        latest.put(version.metadata().key(), version);
                    }
                }
            }
        }
        for (Path file : superseded) {
            Files.delete(file);
        }
        if (!superseded.isEmpty()) {
            DurableFiles.forceDirectory(blobsDirectory);
        }
        long bytes = 0;
        Etag maxEtag = null;
        for (Version version : latest.values()) {
            BlobMetadata metadata = version.metadata();
            NamespaceIndex index = namespaces.computeIfAbsent(metadata.key().namespace(), ns -> new NamespaceIndex());
            index.byFileName.put(metadata.key().fileName(), version);
            index.usedBytes += metadata.size();
            bytes += metadata.size();
            if (maxEtag == null || metadata.etag().compareTo(maxEtag) > 0) {
                maxEtag = metadata.etag();
            }
        }
        if (maxEtag != null) {
            etags.advancePast(maxEtag);
        }
        log.info("Loaded {} blob(s), {} bytes, from {} in {} ms", latest.size(), bytes, blobsDirectory,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static BlobMetadata readVersion(Path file) throws IOException {
        try {
            return BlobVersionFile.read(file);
        } catch (BlobVersionFile.DamagedException e) {
            throw new StorageDirectoryException(file + " is not a valid blob version file: " + e.getMessage()
                    + ". Move it out of the directory to start without it.", e);
        }
    }

    @Override
    public Optional<BlobMetadata> metadata(BlobKey key) {
        return find(key).map(Version::metadata);
    }

    private Optional<Version> find(BlobKey key) {
        NamespaceIndex index = namespaces.get(key.namespace());
        return index == null ? Optional.empty() : Optional.ofNullable(index.byFileName.get(key.fileName()));
    }

    @Override
    public Optional<BlobContent> open(BlobKey key) {
        while (true) {
            Optional<Version> found = find(key);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Version version = found.get();
            try {
                FileChannel channel = FileChannel.open(version.file(), StandardOpenOption.READ);
                return Optional.of(new FileBlobContent(version.metadata(), version.file(), channel));
            } catch (NoSuchFileException replacedMeanwhile) {
                if (find(key).filter(version::equals).isPresent()) {
                    throw StorageFailures.unavailable("open " + version.file().getFileName()
                            + " (it vanished from the blob directory)", replacedMeanwhile);
                }
                // a writer replaced or deleted the version between the lookup and the open: look again
            } catch (IOException e) {
                throw StorageFailures.unavailable("open a blob version file", e);
            }
        }
    }

    @Override
    public StagedUpload stage() {
        return FileStagedUpload.create(this, staging, stagingDirectory);
    }

    @Override
    public BlobMetadata commit(BlobKey key, StagedUpload staged, BlobAttributes attributes, WriteGuard guard) {
        if (!(staged instanceof FileStagedUpload fileStaged) || fileStaged.owner() != this) {
            throw new IllegalArgumentException("not staged by this store");
        }
        fileStaged.forceContent();
        resetLock.readLock().lock();
        try {
            NamespaceIndex index = namespaces.computeIfAbsent(key.namespace(), ns -> new NamespaceIndex());
            synchronized (index) {
                Version current = index.byFileName.get(key.fileName());
                guard.check(Optional.ofNullable(current).map(Version::metadata), index.usedBytes);
                BlobMetadata metadata = new BlobMetadata(key, fileStaged.size(), etags.next(),
                        attributes.clientFileTime(), attributes.displayName());
                Path file = blobsDirectory.resolve(BlobVersionFile.fileName(key, metadata.etag()));
                fileStaged.moveInto(file, BlobVersionFile.trailer(metadata));
                index.byFileName.put(key.fileName(), new Version(metadata, file));
                index.usedBytes += metadata.size() - (current == null ? 0 : current.metadata().size());
                if (current != null) {
                    deleteSuperseded(current.file());
                }
                return metadata;
            }
        } finally {
            resetLock.readLock().unlock();
        }
    }

    /** Not forced: if the deletion is lost in a crash, the next start keeps the newer version and deletes this. */
    private static void deleteSuperseded(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete superseded version {} (it is deleted at the next start)", file, e);
        }
    }

    @Override
    public boolean delete(BlobKey key, WriteGuard guard) {
        resetLock.readLock().lock();
        try {
            NamespaceIndex index = namespaces.get(key.namespace());
            if (index == null) {
                guard.check(Optional.empty(), 0);
                return false;
            }
            synchronized (index) {
                Version current = index.byFileName.get(key.fileName());
                guard.check(Optional.ofNullable(current).map(Version::metadata), index.usedBytes);
                if (current == null) {
                    return false;
                }
                // out of the index first: a reader that still finds it must also still find its file
                index.byFileName.remove(key.fileName());
                index.usedBytes -= current.metadata().size();
                try {
                    Files.deleteIfExists(current.file());
                } catch (IOException e) {
                    index.byFileName.put(key.fileName(), current);
                    index.usedBytes += current.metadata().size();
                    throw StorageFailures.unavailable("delete the blob's file", e);
                }
                try {
                    DurableFiles.forceDirectory(blobsDirectory);
                } catch (IOException e) {
                    throw StorageFailures.unavailable("flush the blob directory after a delete", e);
                }
                return true;
            }
        } finally {
            resetLock.readLock().unlock();
        }
    }

    @Override
    public List<BlobMetadata> list(Namespace namespace, String directory) {
        NamespaceIndex index = namespaces.get(namespace);
        if (index == null) {
            return List.of();
        }
        var view = directory.isEmpty()
                ? index.byFileName
                : index.byFileName.subMap(directory + "/", directory + "/\uffff");
        List<BlobMetadata> result = new ArrayList<>(view.size());
        view.values().forEach(version -> result.add(version.metadata()));
        return result;
    }

    @Override
    public List<NamespaceUsage> namespaces() {
        List<NamespaceUsage> result = new ArrayList<>();
        namespaces.forEach((namespace, index) -> {
            synchronized (index) {
                if (!index.byFileName.isEmpty()) {
                    result.add(new NamespaceUsage(namespace, index.byFileName.size(), index.usedBytes));
                }
            }
        });
        return result;
    }

    @Override
    public long usedBytes(Namespace namespace) {
        NamespaceIndex index = namespaces.get(namespace);
        if (index == null) {
            return 0;
        }
        synchronized (index) {
            return index.usedBytes;
        }
    }

    /** Deletes every blob's file; each leaves the index just before its file goes, so the two agree throughout. */
    @Override
    public void reset() {
        resetLock.writeLock().lock();
        try {
            for (var namespace : namespaces.entrySet()) {
                NamespaceIndex index = namespace.getValue();
                synchronized (index) {
                    for (Version version : List.copyOf(index.byFileName.values())) {
                        index.byFileName.remove(version.metadata().key().fileName());
                        index.usedBytes -= version.metadata().size();
                        try {
                            Files.deleteIfExists(version.file());
                        } catch (IOException e) {
                            index.byFileName.put(version.metadata().key().fileName(), version);
                            index.usedBytes += version.metadata().size();
                            throw StorageFailures.unavailable("delete a blob's file during reset", e);
                        }
                    }
                }
            }
            namespaces.clear();
            DurableFiles.forceDirectory(blobsDirectory);
        } catch (IOException e) {
            throw StorageFailures.unavailable("flush the blob directory after reset", e);
        } finally {
            resetLock.writeLock().unlock();
        }
    }
}
