package dev.xblmock.titlestorage.store;

import java.util.Optional;

/**
 * A check the store runs atomically with a write or delete, under the blob's lock: preconditions
 * ({@code If-Match}) and quota. Throws to refuse the write; nothing changes then.
 */
@FunctionalInterface
public interface WriteGuard {

    WriteGuard NONE = (current, namespaceUsedBytes) -> { };

    /**
     * @param current            the committed version now, if any
     * @param namespaceUsedBytes committed bytes of the blob's namespace now (including {@code current})
     */
    void check(Optional<BlobMetadata> current, long namespaceUsedBytes);
}
