package dev.xblmock.titlestorage.store;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * How many uploads may be unfinished at once and how many bytes they may hold together
 * ({@code xblmock.storage.max-staged-uploads}, {@code xblmock.storage.max-staged-bytes}), on every backend.
 * Without it, clients that start uploads and never finish them (each held until its idle timeout) could fill
 * the heap or the disk; with it the upload or block that would pass a limit gets 503 {@code ServiceUnavailable}
 * and {@code Retry-After}, which clients retry, and the server keeps serving.
 */
public final class StagingBudget {

    /** The smallest byte limit: one chunk of the memory backend, so that any upload can make progress. */
    static final long MIN_BYTES = MemoryStagedUpload.CHUNK_SIZE;

    private final int maxUploads;
    private final long maxBytes;
    private final AtomicInteger uploads = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public StagingBudget(int maxUploads, long maxBytes) {
        if (maxUploads < 1) {
            throw new IllegalArgumentException("xblmock.storage.max-staged-uploads must be at least 1, not "
                    + maxUploads);
        }
        if (maxBytes < MIN_BYTES) {
            throw new IllegalArgumentException("xblmock.storage.max-staged-bytes must be at least " + MIN_BYTES
                    + ", not " + maxBytes);
        }
        this.maxUploads = maxUploads;
        this.maxBytes = maxBytes;
    }

    /** A budget nothing reaches, for stores used outside the server (tests, tools). */
    public static StagingBudget unlimited() {
        return new StagingBudget(Integer.MAX_VALUE, Long.MAX_VALUE);
    }

    /** Uploads unfinished now. */
    public int uploads() {
        return uploads.get();
    }

    /** Bytes held by unfinished uploads now. */
    public long bytes() {
        return bytes.get();
    }

    /** Counts a new upload; 503 when {@code maxUploads} are unfinished already. */
    void startUpload() {
        if (uploads.incrementAndGet() > maxUploads) {
            uploads.decrementAndGet();
            throw unavailable(String.format("%d uploads are unfinished, the most xblmock.storage.max-staged-uploads "
                    + "allows.", maxUploads));
        }
    }

    void endUpload() {
        uploads.decrementAndGet();
    }

    void reserve(long count) {
        long after = bytes.addAndGet(count);
        if (after > maxBytes) {
            bytes.addAndGet(-count);
            throw unavailable(String.format("Unfinished uploads hold %d bytes and this block would take them past "
                    + "xblmock.storage.max-staged-bytes (%d).", after - count, maxBytes));
        }
    }

    void release(long count) {
        bytes.addAndGet(-count);
    }

    private static XblException unavailable(String why) {
        return new XblException(ErrorCode.SERVICE_UNAVAILABLE, 503, why + " Retry later: unfinished uploads free "
                + "their share when committed or expired (xblmock.storage.upload-idle-timeout); or raise the limit.",
                Map.of("Retry-After", "1"));
    }
}
