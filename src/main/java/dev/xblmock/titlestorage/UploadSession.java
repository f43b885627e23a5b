package dev.xblmock.titlestorage;

import java.time.Instant;
import java.util.Arrays;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.store.StagedUpload;

/**
 * A multi-block upload in progress (or just committed, kept so a retransmitted final block gets the same
 * answer). Tokens are {@code <id>-<n>} where n counts the blocks received. Callers synchronise on it.
 */
final class UploadSession {

    final String id;
    final BlobKey key;
    /** The bytes so far; null once committed (they are the blob's then, and may be replaced at any time). */
    StagedUpload staged;
    final BlobAttributes firstBlockAttributes;
    int blocks;
    /** The token the last accepted block was sent with (null for the first block). */
    String lastBlockToken;
    byte[] lastBlockDigest;
    /** Set once the final block committed: the answer a retransmission of it gets again. */
    Etag committedEtag;
    Instant lastActivity;

    UploadSession(String id, BlobKey key, StagedUpload staged, BlobAttributes firstBlockAttributes, Instant now) {
        this.id = id;
        this.key = key;
        this.staged = staged;
        this.firstBlockAttributes = firstBlockAttributes;
        this.lastActivity = now;
    }

    String currentToken() {
        return id + "-" + blocks;
    }

    boolean committed() {
        return committedEtag != null;
    }

    /**
     * The final block committed the upload as {@code etag}. The session stays until it idles out, to answer a
     * retransmitted final block, but lets go of the bytes: kept, they pinned every replaced version of a blob
     * in memory until then, and a client re-uploading one blob filled the heap.
     */
    void committed(Etag etag) {
        committedEtag = etag;
        staged = null;
    }

    void accepted(String token, byte[] digest, Instant now) {
        blocks++;
        lastBlockToken = token;
        lastBlockDigest = digest;
        lastActivity = now;
    }

    boolean isRetransmission(String token, byte[] digest) {
        return token.equals(lastBlockToken) && Arrays.equals(digest, lastBlockDigest);
    }
}
