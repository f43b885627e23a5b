package dev.xblmock.titlestorage;

import dev.xblmock.common.RequestBodyLimit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code xblmock.storage.*}: the storage backend and every Title Storage limit, with the SPEC's defaults.
 * Per-root maps are keyed by the root's path segment ({@code global}, {@code trustedplatform}, …).
 */
@ConfigurationProperties("xblmock.storage")
public record StorageProperties(
        @DefaultValue("memory") Backend backend,
        Path dir,
        @DefaultValue("268435456") long maxBlobBytes,
        @DefaultValue("4194304") long maxRequestBytes,
        @DefaultValue("1024") long minBlockBytes,
        @DefaultValue("15m") Duration uploadIdleTimeout,
        @DefaultValue("soft") QuotaEnforcement quotaEnforcement,
        Map<String, Long> quotaBytes,
        Map<String, ReadAccess> readAccess,
        @DefaultValue("4096") int maxStagedUploads,
        Long maxStagedBytes,
        Long maxStagedMemoryBytes) implements RequestBodyLimit {

    public enum Backend { MEMORY, FILESYSTEM }

    public enum QuotaEnforcement { SOFT, HARD }

    /** Who may read another user's per-user storage (SPEC 1.2). */
    public enum ReadAccess { EVERYONE, OWNER }

    private static final Map<StorageRoot, Long> DEFAULT_QUOTAS = Map.of(
            StorageRoot.GLOBAL, 268_435_456L,
            StorageRoot.TRUSTED_PLATFORM, 268_435_456L,
            StorageRoot.UNIVERSAL_PLATFORM, 268_435_456L,
            StorageRoot.UNTRUSTED_PLATFORM, 67_108_864L,
            StorageRoot.JSON, 67_108_864L,
            StorageRoot.SESSIONS, 67_108_864L);

    public StorageProperties {
        quotaBytes = quotaBytes == null ? Map.of() : Map.copyOf(quotaBytes);
        readAccess = readAccess == null ? Map.of() : Map.copyOf(readAccess);
    }

    @Override
    public long maxRequestBodyBytes() {
        return maxRequestBytes;
    }

    public long quotaBytesFor(StorageRoot root) {
        return quotaBytes.getOrDefault(root.segment(), DEFAULT_QUOTAS.get(root));
    }

    /** The filesystem backend's default for {@link #stagedBytesLimit()}: 4 GiB of disk. */
    static final long DEFAULT_STAGED_DISK_BYTES = 4L << 30;

    /**
     * Bytes all unfinished uploads may hold: as configured ({@code max-staged-bytes}, or its former name
     * {@code max-staged-memory-bytes}), else a quarter of the maximum heap for the memory backend and 4 GiB of
     * disk for the filesystem backend.
     */
    public long stagedBytesLimit() {
        if (maxStagedBytes != null) {
            return maxStagedBytes;
        }
        if (maxStagedMemoryBytes != null) {
            return maxStagedMemoryBytes;
        }
        return backend == Backend.MEMORY ? Runtime.getRuntime().maxMemory() / 4 : DEFAULT_STAGED_DISK_BYTES;
    }

    public ReadAccess readAccessFor(StorageRoot root) {
        return readAccess.getOrDefault(root.segment(), ReadAccess.EVERYONE);
    }
}
