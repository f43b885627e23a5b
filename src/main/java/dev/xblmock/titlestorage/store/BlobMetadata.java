package dev.xblmock.titlestorage.store;

import java.time.Instant;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Etag;

/** What a listing shows of a committed blob. {@code clientFileTime} and {@code displayName} may be null (unset). */
public record BlobMetadata(BlobKey key, long size, Etag etag, Instant clientFileTime, String displayName) {
}
