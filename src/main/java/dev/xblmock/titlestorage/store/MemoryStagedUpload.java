package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.xblmock.common.io.ReceivedPieces;

/**
 * Staged bytes in memory, as a list of chunks of at most {@link #CHUNK_SIZE} bytes, counted against the
 * {@link StagingBudget} until committed (then they are the blob's) or closed.
 */
final class MemoryStagedUpload implements StagedUpload {

    static final int CHUNK_SIZE = 64 * 1024;

    private final StagingBudget budget;
    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private boolean committed;
    /** Counted as unfinished in the budget until committed or closed. */
    private boolean counted;

    /** Counts itself as an unfinished upload: 503 when the budget has no room for another. */
    MemoryStagedUpload(StagingBudget budget) {
        budget.startUpload();
        this.budget = budget;
        this.counted = true;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized long append(InputStream body) throws IOException {
        int chunksBefore = chunks.size();
        long sizeBefore = size;
        try {
            while (true) {
                budget.reserve(CHUNK_SIZE);
                byte[] chunk;
                int filled;
                try {
                    // a body received into memory in pieces of this size hands them over: kept, not copied
                    chunk = body instanceof ReceivedPieces pieces ? pieces.takePiece(CHUNK_SIZE) : null;
                    if (chunk == null) {
                        chunk = new byte[CHUNK_SIZE];
                        filled = body.readNBytes(chunk, 0, CHUNK_SIZE);
                    } else {
                        filled = CHUNK_SIZE;
                    }
                } catch (IOException | RuntimeException e) {
                    budget.release(CHUNK_SIZE);
                    throw e;
                }
                budget.release(CHUNK_SIZE - filled); // only the bytes kept stay counted
                if (filled == 0) {
                    break;
                }
                // a short last chunk is trimmed so small blobs do not pin 64 KiB each
                chunks.add(filled == CHUNK_SIZE ? chunk : Arrays.copyOf(chunk, filled));
                size += filled;
                if (filled < CHUNK_SIZE) {
                    break;
                }
            }
            return size - sizeBefore;
        } catch (IOException | RuntimeException e) {
            budget.release(size - sizeBefore);
            chunks.subList(chunksBefore, chunks.size()).clear();
            size = sizeBefore;
            throw e;
        }
    }

    @Override
    public synchronized void truncate(long newSize) {
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + newSize);
        }
        budget.release(size - newSize);
        while (size > newSize) {
            byte[] last = chunks.remove(chunks.size() - 1);
            size -= last.length;
            if (size < newSize) {
                chunks.add(Arrays.copyOf(last, (int) (newSize - size)));
                size = newSize;
            }
        }
    }

    @Override
    public synchronized InputStream open(long offset, long length) {
        return snapshot().open(offset, length);
    }

    synchronized ChunkedBytes snapshot() {
        return new ChunkedBytes(chunks, size);
    }

    /** The bytes are a blob's now: no longer counted as pending, and never cleared. */
    synchronized void committed() {
        if (!committed) {
            committed = true;
            budget.release(size);
            endCount();
        }
    }

    @Override
    public synchronized void close() {
        if (!committed) {
            budget.release(size);
            chunks.clear();
            size = 0;
            endCount();
        }
    }

    private void endCount() {
        if (counted) {
            counted = false;
            budget.endUpload();
        }
    }
}
