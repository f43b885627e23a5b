package dev.xblmock.titlestorage.store;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.XblException;

/**
 * The memory backend's budget for bytes of uploads not yet committed ({@code xblmock.storage.max-staged-memory-bytes}).
 * Without it, clients that start uploads and never finish them (each held until its idle timeout) could fill
 * the heap and stop the server; with it the block that would pass the budget gets 503 {@code ServiceUnavailable}
 * and {@code Retry-After}, which clients retry, and the server keeps serving.
 */
public final class StagedMemory {

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    public StagedMemory(long limit) {
        if (limit < MemoryStagedUpload.CHUNK_SIZE) {
            throw new IllegalArgumentException("xblmock.storage.max-staged-memory-bytes must be at least "
                    + MemoryStagedUpload.CHUNK_SIZE + ", not " + limit);
        }
        this.limit = limit;
    }

    /** Bytes held by pending uploads now. */
    public long used() {
        return used.get();
    }

    void reserve(long bytes) {
        long after = used.addAndGet(bytes);
        if (after > limit) {
            used.addAndGet(-bytes);
            throw new XblException(ErrorCode.SERVICE_UNAVAILABLE, 503, String.format("Pending uploads hold %d bytes "
                    + "of memory and this block would take them past xblmock.storage.max-staged-memory-bytes (%d). "
                    + "Retry later: pending uploads free their memory when committed or expired "
                    + "(xblmock.storage.upload-idle-timeout); or raise the limit, or use the filesystem backend.",
                    after - bytes, limit), Map.of("Retry-After", "1"));
        }
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }
}
