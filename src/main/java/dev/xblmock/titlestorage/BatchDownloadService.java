package dev.xblmock.titlestorage;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.MultipartStream.Body;
import dev.xblmock.titlestorage.MultipartStream.Header;
import dev.xblmock.titlestorage.MultipartStream.Part;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.store.BlobContent;
import dev.xblmock.titlestorage.store.BlobStore;
import org.springframework.stereotype.Service;

/**
 * SPEC 3.9 batch download: one multipart part per requested xuid, in request order (duplicates repeated).
 * A part is 200 with the blob's bytes, 404 when the user has no such blob, or 403 when the caller may not
 * read that user's storage; a 403/404 part carries only {@code Content-Disposition} and
 * {@code HttpStatusCode}.
 *
 * <p>The part's {@code name} and {@code filename} are the xuid's canonical decimal form (no leading zeros),
 * whatever text the request used for it ({@code "0001"} gives {@code name="1"}) <b>(decision)</b>.
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
     * The parts, produced lazily: a part's blob is looked up (and its version pinned) only when the iterator
     * reaches it, and its bytes are opened only when the part is written.
     */
    public Iterator<Part> parts(StoragePath.BatchBlob blob, List<Xuid> xuids, Identity caller) {
        checkType(blob);
        Iterator<Xuid> requested = List.copyOf(xuids).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return requested.hasNext();
            }

            @Override
            public Part next() {
                return partFor(blob, requested.next(), caller);
            }
        };
    }

    private Part partFor(StoragePath.BatchBlob blob, Xuid xuid, Identity caller) {
        BlobKey key = blob.keyFor(xuid.toString());
        if (!accessRules.mayRead(caller, key.namespace())) {
            return statusOnly(xuid, 403);
        }
        Optional<BlobContent> content = store.open(key);
        if (content.isEmpty()) {
            return statusOnly(xuid, 404);
        }
        BlobContent found = content.get();
        return new Part(List.of(
                disposition(xuid),
                status(200),
                new Header("ETag", found.metadata().etag().toString()),
                new Header("Content-Type", blob.type().contentType())),
                new Body(found.metadata().size(), found::open));
    }

    private static Part statusOnly(Xuid xuid, int status) {
        return new Part(List.of(disposition(xuid), status(status)), null);
    }

    private static Header disposition(Xuid xuid) {
        return new Header("Content-Disposition", "binary; name=\"" + xuid + "\"; filename=\"" + xuid + "\"");
    }

    private static Header status(int status) {
        return new Header("HttpStatusCode", Integer.toString(status));
    }
}
