package dev.xblmock.titlestorage;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;

/** What a Title Storage request path addresses, as parsed by {@link StoragePaths}. */
public sealed interface StoragePath {

    /** {@code GET {root}}: the namespace's quota. */
    record Quota(Namespace namespace) implements StoragePath {
    }

    /** {@code GET {root}/data[/{path}]}: a listing of {@code directory} ("" for the whole namespace). */
    record Listing(Namespace namespace, String directory) implements StoragePath {
    }

    /** {@code {root}/data/{pathAndFileName},{type}}: one blob. */
    record Blob(BlobKey key) implements StoragePath {
    }

    /** {@code POST /{root}/users/batch/scids/{scid}/data/{pathAndFileName},{type}}: one blob of many users. */
    record BatchBlob(StorageRoot root, String scid, String path, BlobType type) implements StoragePath {

        public BlobKey keyFor(String owner) {
            return new BlobKey(new Namespace(root, owner, scid), path, type);
        }
    }
}
