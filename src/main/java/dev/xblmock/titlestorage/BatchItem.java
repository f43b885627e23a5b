package dev.xblmock.titlestorage;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.store.BlobContent;

/** What a batch download found for one requested xuid (SPEC 3.9), in request order. */
public sealed interface BatchItem {

    Xuid xuid();

    /** The user's blob, pinned at the version found; its bytes are opened only when they are written. */
    record Found(Xuid xuid, BlobContent content) implements BatchItem {
    }

    /** The caller may not read that user's storage. */
    record Forbidden(Xuid xuid) implements BatchItem {
    }

    /** The user has no such blob. */
    record Missing(Xuid xuid) implements BatchItem {
    }
}
