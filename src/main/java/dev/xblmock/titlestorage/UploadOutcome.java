package dev.xblmock.titlestorage;

import dev.xblmock.titlestorage.domain.Etag;

/** The answer to one PUT: a whole upload created, a multi-block upload committed, or a block accepted. */
public record UploadOutcome(Kind kind, Etag etag, String continuationToken) {

    public enum Kind { CREATED, COMMITTED, BLOCK_ACCEPTED }

    static UploadOutcome created(Etag etag) {
        return new UploadOutcome(Kind.CREATED, etag, null);
    }

    static UploadOutcome committed(Etag etag) {
        return new UploadOutcome(Kind.COMMITTED, etag, null);
    }

    static UploadOutcome blockAccepted(String continuationToken) {
        return new UploadOutcome(Kind.BLOCK_ACCEPTED, null, continuationToken);
    }
}
