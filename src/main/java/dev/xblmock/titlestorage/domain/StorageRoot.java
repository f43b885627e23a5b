package dev.xblmock.titlestorage.domain;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The six storage roots of SPEC 3.1: who owns a namespace and which blob types it may hold. */
public enum StorageRoot {
    GLOBAL("global", OwnerKind.TITLE, EnumSet.of(BlobType.BINARY, BlobType.JSON, BlobType.CONFIG)),
    TRUSTED_PLATFORM("trustedplatform", OwnerKind.USER, EnumSet.of(BlobType.BINARY, BlobType.JSON)),
    UNIVERSAL_PLATFORM("universalplatform", OwnerKind.USER, EnumSet.of(BlobType.BINARY, BlobType.JSON)),
    UNTRUSTED_PLATFORM("untrustedplatform", OwnerKind.USER, EnumSet.of(BlobType.BINARY, BlobType.JSON)),
    JSON("json", OwnerKind.USER, EnumSet.of(BlobType.JSON)),
    SESSIONS("sessions", OwnerKind.SESSION, EnumSet.of(BlobType.BINARY, BlobType.JSON));

    /** Who a namespace of this root belongs to. */
    public enum OwnerKind { TITLE, USER, SESSION }

    private final String segment;
    private final OwnerKind ownerKind;
    private final Set<BlobType> types;

    StorageRoot(String segment, OwnerKind ownerKind, Set<BlobType> types) {
        this.segment = segment;
        this.ownerKind = ownerKind;
        this.types = types;
    }

    /** The first path segment, also the key of per-root properties ({@code xblmock.storage.quota-bytes.<root>}). */
    public String segment() {
        return segment;
    }

    public OwnerKind ownerKind() {
        return ownerKind;
    }

    public boolean allows(BlobType type) {
        return types.contains(type);
    }

    public String allowedTypes() {
        return String.join(", ", types.stream().map(BlobType::wireName).toList());
    }

    public static Optional<StorageRoot> fromSegment(String segment) {
        for (StorageRoot root : values()) {
            if (root.segment.equals(segment)) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }
}
