package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import java.util.List;
import java.util.Optional;

import dev.xblmock.common.storage.Resettable;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.NamespaceUsage;

/**
 * Blob bytes and metadata. Implementations: memory and filesystem; both pass the same contract test.
 * Writes are atomic: a reader sees the previous version or the new one, never a mix. {@link #reset()}
 * removes every blob.
 */
public interface BlobStore extends Resettable {

    Optional<BlobMetadata> metadata(BlobKey key);

    /** Opens the current version for reading, or empty when the blob does not exist. */
    Optional<BlobContent> open(BlobKey key);

    /** A new, empty staging area for an upload's bytes. */
    StagedUpload stage();

    /**
     * Makes the staged bytes the blob's new version with a new, greater ETag, after {@code guard} accepted the
     * current state. The staged upload is consumed (it must not be used afterwards).
     */
    BlobMetadata commit(BlobKey key, StagedUpload staged, BlobAttributes attributes, WriteGuard guard);

    /** Deletes the blob after {@code guard} accepted it; false when there was nothing to delete. */
    boolean delete(BlobKey key, WriteGuard guard);

    /**
     * Committed blobs of {@code namespace} whose directory is {@code directory} or below it (whole segments;
     * "" lists everything), ordered by {@link BlobKey#fileName()} (ordinal).
     */
    List<BlobMetadata> list(Namespace namespace, String directory);

    /** Sum of the sizes of the namespace's committed blobs. */
    long usedBytes(Namespace namespace);

    /** Every namespace holding at least one committed blob, in no particular order. */
    List<NamespaceUsage> namespaces();
}
