package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.NamespaceUsage;

/**
 * The default store: everything in memory. Reads are lock-free; writes to one namespace are serialised,
 * and a commit only swaps references (the staged chunks become the blob without copying).
 */
public class MemoryBlobStore implements BlobStore {

    private final EtagSource etags;
    private final StagingBudget staging;
    private final ConcurrentHashMap<Namespace, NamespaceBlobs> namespaces = new ConcurrentHashMap<>();

    public MemoryBlobStore(EtagSource etags, StagingBudget staging) {
        this.etags = etags;
        this.staging = staging;
    }

    private record StoredBlob(BlobMetadata metadata, ChunkedBytes bytes) implements BlobContent {
        @Override
        public java.io.InputStream open(long offset, long length) {
            return bytes.open(offset, length);
        }
    }

    private static final class NamespaceBlobs {
        final ConcurrentSkipListMap<String, StoredBlob> byFileName = new ConcurrentSkipListMap<>();
        long usedBytes; // guarded by this
    }

    @Override
    public Optional<BlobMetadata> metadata(BlobKey key) {
        return find(key).map(StoredBlob::metadata);
    }

    @Override
    public Optional<BlobContent> open(BlobKey key) {
        return find(key).map(blob -> blob);
    }

    private Optional<StoredBlob> find(BlobKey key) {
        NamespaceBlobs blobs = namespaces.get(key.namespace());
        return blobs == null ? Optional.empty() : Optional.ofNullable(blobs.byFileName.get(key.fileName()));
    }

    @Override
    public StagedUpload stage() {
        return new MemoryStagedUpload(staging);
    }

    @Override
    public BlobMetadata commit(BlobKey key, StagedUpload staged, BlobAttributes attributes, WriteGuard guard) {
        if (!(staged instanceof MemoryStagedUpload memoryStaged)) {
            throw new IllegalArgumentException("not staged by this store");
        }
        ChunkedBytes bytes = memoryStaged.snapshot();
        NamespaceBlobs blobs = namespaces.computeIfAbsent(key.namespace(), ns -> new NamespaceBlobs());
        synchronized (blobs) {
            StoredBlob current = blobs.byFileName.get(key.fileName());
            guard.check(Optional.ofNullable(current).map(StoredBlob::metadata), blobs.usedBytes);
            BlobMetadata metadata = new BlobMetadata(key, bytes.size(), etags.next(),
                    attributes.clientFileTime(), attributes.displayName());
            blobs.byFileName.put(key.fileName(), new StoredBlob(metadata, bytes));
            blobs.usedBytes += bytes.size() - (current == null ? 0 : current.metadata().size());
            memoryStaged.committed();
            return metadata;
        }
    }

    @Override
    public boolean delete(BlobKey key, WriteGuard guard) {
        NamespaceBlobs blobs = namespaces.get(key.namespace());
        if (blobs == null) {
            guard.check(Optional.empty(), 0);
            return false;
        }
        synchronized (blobs) {
            StoredBlob current = blobs.byFileName.get(key.fileName());
            guard.check(Optional.ofNullable(current).map(StoredBlob::metadata), blobs.usedBytes);
            if (current == null) {
                return false;
            }
            blobs.byFileName.remove(key.fileName());
            blobs.usedBytes -= current.metadata().size();
            return true;
        }
    }

    @Override
    public List<BlobMetadata> list(Namespace namespace, String directory) {
        NamespaceBlobs blobs = namespaces.get(namespace);
        if (blobs == null) {
            return List.of();
        }
        var view = directory.isEmpty()
                ? blobs.byFileName
                : blobs.byFileName.subMap(directory + "/", directory + "/\uffff");
        List<BlobMetadata> result = new ArrayList<>(view.size());
        view.values().forEach(blob -> result.add(blob.metadata()));
        return result;
    }

    @Override
    public List<NamespaceUsage> namespaces() {
        List<NamespaceUsage> result = new ArrayList<>();
        namespaces.forEach((namespace, blobs) -> {
            synchronized (blobs) {
                if (!blobs.byFileName.isEmpty()) {
                    result.add(new NamespaceUsage(namespace, blobs.byFileName.size(), blobs.usedBytes));
                }
            }
        });
        return result;
    }

    @Override
    public long usedBytes(Namespace namespace) {
        NamespaceBlobs blobs = namespaces.get(namespace);
        if (blobs == null) {
            return 0;
        }
        synchronized (blobs) {
            return blobs.usedBytes;
        }
    }

    @Override
    public void reset() {
        namespaces.clear();
    }
}
