package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Staged bytes in memory, as a list of chunks of at most {@link #CHUNK_SIZE} bytes. */
final class MemoryStagedUpload implements StagedUpload {

    static final int CHUNK_SIZE = 64 * 1024;

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;

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
                byte[] chunk = new byte[CHUNK_SIZE];
                int filled = body.readNBytes(chunk, 0, CHUNK_SIZE);
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

    @Override
    public synchronized void close() {
        chunks.clear();
        size = 0;
    }
}
