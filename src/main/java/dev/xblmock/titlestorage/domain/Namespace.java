package dev.xblmock.titlestorage.domain;

import java.util.Objects;

/**
 * An isolated blob namespace: (root, owner, scid). {@code owner} is "" for global storage, the canonical
 * (no leading zeros) xuid for per-user roots and the session id for sessions.
 */
public record Namespace(StorageRoot root, String owner, String scid) {

    public Namespace {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(scid, "scid");
    }

    /** The request path of this namespace's root, e.g. {@code /trustedplatform/users/xuid(1)/scids/S}. */
    public String rootPath() {
        return switch (root.ownerKind()) {
            case TITLE -> "/" + root.segment() + "/scids/" + scid;
            case USER -> "/" + root.segment() + "/users/xuid(" + owner + ")/scids/" + scid;
            case SESSION -> "/" + root.segment() + "/" + owner + "/scids/" + scid;
        };
    }
}
