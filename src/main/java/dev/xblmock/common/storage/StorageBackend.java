package dev.xblmock.common.storage;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code xblmock.storage.backend}: where every store keeps its state (SPEC 6). Read by name, with Boot's
 * relaxed binding, so a context (like User Statistics) can choose its store without Title Storage's properties.
 */
public enum StorageBackend {
    MEMORY,
    FILESYSTEM,
    /** PostgreSQL and an S3 bucket shared by any number of instances ({@code xblmock.cluster.*}). */
    CLUSTER;

    public static StorageBackend configured(Environment environment) {
        return Binder.get(environment).bind("xblmock.storage.backend", StorageBackend.class).orElse(MEMORY);
    }
}
