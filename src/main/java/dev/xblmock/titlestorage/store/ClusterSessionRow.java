package dev.xblmock.titlestorage.store;

import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Etag;

/**
 * A multi-block upload as the cluster's database holds it.
 *
 * @param stagingId      the staging area holding the accepted blocks' bytes ({@link ClusterBlobStore#resume})
 * @param committedEtag  null until the final block committed
 * @param expired        idle for longer than the timeout, by the database's clock
 */
public record ClusterSessionRow(String id, BlobKey key, java.util.UUID stagingId, BlobAttributes firstAttributes, int blocks,
                                String lastBlockToken, byte[] lastBlockDigest, Etag committedEtag, boolean expired) {
}
