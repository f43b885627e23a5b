package dev.xblmock.titlestorage.domain;

import java.time.Instant;

/** The client-supplied attributes stored with a blob version; either may be null (unset). */
public record BlobAttributes(Instant clientFileTime, String displayName) {

    public static final BlobAttributes NONE = new BlobAttributes(null, null);
}
