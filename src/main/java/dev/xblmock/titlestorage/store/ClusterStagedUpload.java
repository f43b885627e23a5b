package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Staged bytes of the cluster backend: objects in the bucket, each at most {@link #OBJECT_BYTES}, written as the
 * body is read (never more than one object's bytes in memory) and recorded in the database before they are
 * written, so an instance that dies leaves nothing the sweeper does not know of. The upload's segments (slices
 * of those objects, in order) are kept here until the commit writes them with the blob. Counted against the
 * {@link StagingBudget} like the other backends, in 64 KiB steps.
 */
final class ClusterStagedUpload implements StagedUpload {

    static final int CHUNK_SIZE = 64 * 1024;
    /** One object per MiB of a body: few objects per blob, and a bounded buffer per upload being received. */
    static final int OBJECT_BYTES = 1 << 20;

    private final ClusterBlobStore store;
    private final StagingBudget budget;
    final UUID id;
    private final List<ClusterSegment> segments = new ArrayList<>();
    /** Segments already recorded in the database (the accepted blocks of a multi-block upload). */
    private int recorded;
    /** The multi-block upload whose final block this commit accepts, decided in the commit's transaction. */
    private SessionClaim claim;
    /** Every object this upload wrote, including those a truncate or a failed append no longer uses. */
    private final List<String> objects = new ArrayList<>();
    private long size;
    private boolean committed;
    private boolean counted;

    record SessionClaim(String sessionId, int blocksBefore, String token, byte[] digest) {
    }

    ClusterStagedUpload(ClusterBlobStore store, StagingBudget budget) {
        this(store, budget, UUID.randomUUID(), List.of());
    }

    /** The accepted blocks of a multi-block upload, resumed on this instance from the database. */
    ClusterStagedUpload(ClusterBlobStore store, StagingBudget budget, UUID id, List<ClusterSegment> recordedSegments) {
        budget.startUpload();
        long bytes = recordedSegments.stream().mapToLong(ClusterSegment::length).sum();
        try {
            budget.reserve(bytes);
        } catch (RuntimeException e) {
            budget.endUpload();
            throw e;
        }
        this.store = store;
        this.budget = budget;
        this.id = id;
        this.segments.addAll(recordedSegments);
        this.recorded = recordedSegments.size();
        this.size = bytes;
        this.counted = true;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized long append(InputStream body) throws IOException {
        List<ClusterSegment> added = new ArrayList<>();
        long appended = 0;
        try {
            byte[] buffer = null;
            int filled = 0;
            while (true) {
                budget.reserve(CHUNK_SIZE);
                int wanted = Math.min(CHUNK_SIZE, OBJECT_BYTES - filled);
                int read;
                try {
                    if (buffer == null) {
                        buffer = new byte[OBJECT_BYTES];
                    }
                    read = body.readNBytes(buffer, filled, wanted);
                } catch (IOException | RuntimeException e) {
                    budget.release(CHUNK_SIZE);
                    throw e;
                }
                budget.release(CHUNK_SIZE - read);
                filled += read;
                appended += read;
                boolean end = read < wanted;
                if (filled == OBJECT_BYTES || (end && filled > 0)) {
                    String key = store.objectKey(id);
                    objects.add(key);
                    store.writeObject(id, key, buffer, filled);
                    added.add(new ClusterSegment(key, 0, filled));
                    filled = 0;
                }
                if (end) {
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the objects written stay recorded as this upload's: removed with it
            budget.release(appended);
            throw e;
        }
        segments.addAll(added);
        size += appended;
        return appended;
    }

    @Override
    public synchronized void truncate(long newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + newSize);
        }
        budget.release(size - newSize);
        while (size > newSize) {
            ClusterSegment last = segments.remove(segments.size() - 1);
            size -= last.length();
            if (size < newSize) {
                segments.add(new ClusterSegment(last.objectKey(), last.offset(), newSize - size));
                size = newSize;
            }
        }
        recorded = Math.min(recorded, segments.size());
    }

    @Override
    public synchronized InputStream open(long offset, long length) {
        return store.stream(List.copyOf(segments), offset, length);
    }

    synchronized List<ClusterSegment> segments() {
        return List.copyOf(segments);
    }

    /** The segments not recorded yet, from index {@link #recorded()}. */
    synchronized List<ClusterSegment> unrecorded() {
        return List.copyOf(segments.subList(recorded, segments.size()));
    }

    synchronized int recorded() {
        return recorded;
    }

    synchronized void allRecorded() {
        recorded = segments.size();
    }

    synchronized void claim(SessionClaim claim) {
        this.claim = claim;
    }

    synchronized SessionClaim claim() {
        return claim;
    }

    /**
     * This instance lets go of a multi-block upload another instance carries on: no longer counted here, its
     * bytes kept (they are the session's). Closing it afterwards discards nothing.
     */
    synchronized void release() {
        if (!committed && counted) {
            committed = true;
            budget.release(size);
            endCount();
        }
    }

    /** The bytes are a blob version's now: no longer counted as pending, never discarded. */
    synchronized void committed() {
        if (!committed) {
            committed = true;
            budget.release(size);
            endCount();
        }
    }

    @Override
    public synchronized void close() {
        if (!committed && counted) {
            budget.release(size);
            segments.clear();
            size = 0;
            endCount();
            store.discard(id, List.copyOf(objects));
        }
    }

    private void endCount() {
        if (counted) {
            counted = false;
            budget.endUpload();
        }
    }
}
