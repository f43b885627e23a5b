package dev.xblmock.titlestorage.domain;

import java.util.Objects;

/** A blob's identity: its namespace, its validated {@code pathAndFileName} and its type. */
public record BlobKey(Namespace namespace, String path, BlobType type) {

    public BlobKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
    }

    /** The listing's {@code fileName}: the path below {@code /data/} plus {@code ,type}. */
    public String fileName() {
        return path + "," + type.wireName();
    }

    /** The directory part of the path ("" for a file at the top of the namespace). */
    public String directory() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
