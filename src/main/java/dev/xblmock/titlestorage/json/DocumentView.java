package dev.xblmock.titlestorage.json;

import java.util.Optional;

import dev.xblmock.titlestorage.store.BlobContent;

/**
 * How a download presents a stored blob: as its stored bytes (empty), or as a computed JSON document
 * (a {@code select} result, or a config blob with its virtual nodes resolved).
 */
@FunctionalInterface
public interface DocumentView {

    DocumentView STORED_BYTES = blob -> Optional.empty();

    Optional<byte[]> render(BlobContent blob);
}
