package dev.xblmock.titlestorage;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.store.BlobContent;
import dev.xblmock.titlestorage.store.BlobStore;
import org.springframework.stereotype.Service;

/**
 * SPEC 3.9 batch download: one {@link BatchItem} per requested xuid, in request order (duplicates repeated):
 * the blob, missing, or forbidden when the caller may not read that user's storage. The web layer writes
 * them as multipart parts.
 */
@Service
public class BatchDownloadService {

    private final BlobStore store;
    private final AccessRules accessRules;

    public BatchDownloadService(BlobStore store, AccessRules accessRules) {
        this.store = store;
        this.accessRules = accessRules;
    }

    /** SPEC 3.1 type rules of the root ({@code json}: json only); a route-level 400, checked before the body. */
    public void checkType(StoragePath.BatchBlob blob) {
        if (!blob.root().allows(blob.type())) {
            throw XblException.of(ErrorCode.TYPE_NOT_ALLOWED,
                    "Type '%s' is not allowed in %s storage; allowed: %s.",
                    blob.type().wireName(), blob.root().segment(), blob.root().allowedTypes());
        }
    }

    /**
     * The items, produced lazily: an item's blob is looked up (and its version pinned) only when the iterator
     * reaches it.
     */
    public Iterator<BatchItem> items(StoragePath.BatchBlob blob, List<Xuid> xuids, Identity caller) {
        checkType(blob);
        Iterator<Xuid> requested = List.copyOf(xuids).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return requested.hasNext();
            }

            @Override
            public BatchItem next() {
                return itemFor(blob, requested.next(), caller);
            }
        };
    }

    private BatchItem itemFor(StoragePath.BatchBlob blob, Xuid xuid, Identity caller) {
        BlobKey key = blob.keyFor(xuid.toString());
        if (!accessRules.mayRead(caller, key.namespace())) {
            return new BatchItem.Forbidden(xuid);
        }
        Optional<BlobContent> content = store.open(key);
        return content.<BatchItem>map(found -> new BatchItem.Found(xuid, found)).orElseGet(() -> new BatchItem.Missing(xuid));
    }
}
