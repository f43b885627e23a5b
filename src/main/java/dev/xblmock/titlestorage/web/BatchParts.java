package dev.xblmock.titlestorage.web;

import java.util.Iterator;
import java.util.List;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.BatchItem;
import dev.xblmock.titlestorage.MultipartStream.Body;
import dev.xblmock.titlestorage.MultipartStream.Header;
import dev.xblmock.titlestorage.MultipartStream.Part;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.store.BlobContent;
import org.springframework.http.HttpHeaders;

/**
 * A batch download's items as SPEC 3.9's multipart parts: 200 with the blob's bytes, or a 403/404 part that
 * carries only {@code Content-Disposition} and {@code HttpStatusCode}. Mapped one by one as the body is
 * written, so each blob is still looked up only when its part is reached.
 *
 * <p>The part's {@code name} and {@code filename} are the xuid's canonical decimal form (no leading zeros),
 * whatever text the request used for it ({@code "0001"} gives {@code name="1"}) <b>(decision)</b>.
 */
public final class BatchParts {

    private BatchParts() {
    }

    public static Iterator<Part> of(Iterator<BatchItem> items, BlobType type) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public Part next() {
                return part(items.next(), type);
            }
        };
    }

    static Part part(BatchItem item, BlobType type) {
        if (item instanceof BatchItem.Found found) {
            return found(found.xuid(), found.content(), type);
        }
        return statusOnly(item.xuid(), item instanceof BatchItem.Forbidden ? 403 : 404);
    }

    private static Part found(Xuid xuid, BlobContent content, BlobType type) {
        return new Part(List.of(
                disposition(xuid),
                status(200),
                new Header(HttpHeaders.ETAG, content.metadata().etag().toString()),
                new Header(HttpHeaders.CONTENT_TYPE, type.contentType())),
                new Body(content.metadata().size(), content::open));
    }

    private static Part statusOnly(Xuid xuid, int status) {
        return new Part(List.of(disposition(xuid), status(status)), null);
    }

    private static Header disposition(Xuid xuid) {
        return new Header(HttpHeaders.CONTENT_DISPOSITION, "binary; name=\"" + xuid + "\"; filename=\"" + xuid + "\"");
    }

    private static Header status(int status) {
        return new Header("HttpStatusCode", Integer.toString(status));
    }
}
