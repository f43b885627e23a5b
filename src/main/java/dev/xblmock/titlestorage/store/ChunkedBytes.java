package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import dev.xblmock.common.io.InMemoryBody;

/**
 * Immutable bytes held as a list of chunks, so staging and committing a blob never concatenates (copies)
 * it into one array. Streams over any range without copying.
 */
final class ChunkedBytes {

    static final ChunkedBytes EMPTY = new ChunkedBytes(List.of(), 0);

    private final byte[][] chunks;
    private final long[] starts;
    private final long size;

    ChunkedBytes(List<byte[]> chunks, long size) {
        this.chunks = chunks.toArray(new byte[0][]);
        this.starts = new long[this.chunks.length];
        long position = 0;
        for (int i = 0; i < this.chunks.length; i++) {
            starts[i] = position;
            position += this.chunks[i].length;
        }
        if (position != size) {
            throw new IllegalArgumentException("chunk lengths add up to " + position + ", not " + size);
        }
        this.size = size;
    }

    long size() {
        return size;
    }

    InputStream open(long offset, long length) {
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + size);
        }
        return new RangeStream(offset, offset + length);
    }

    private int chunkIndexOf(long position) {
        int low = 0;
        int high = chunks.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= position) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    private final class RangeStream extends InputStream implements InMemoryBody {
        private long position;
        private final long end;
        private int chunk;

        RangeStream(long start, long end) {
            this.position = start;
            this.end = end;
            this.chunk = chunks.length == 0 ? 0 : chunkIndexOf(start);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int off, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= end) {
                return -1;
            }
            while (position >= starts[chunk] + chunks[chunk].length) {
                chunk++;
            }
            int within = (int) (position - starts[chunk]);
            int n = (int) Math.min(Math.min(len, chunks[chunk].length - within), end - position);
            System.arraycopy(chunks[chunk], within, buffer, off, n);
            position += n;
            return n;
        }

        /** Writes the chunks themselves: no copy into an intermediate buffer on the download path. */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            long start = position;
            while (writeNextPiece(out) >= 0) {
                // the next chunk
            }
            return position - start;
        }

        /** The rest of the current chunk, within the range. */
        @Override
        public int writeNextPiece(OutputStream out) throws IOException {
            if (position >= end) {
                return -1;
            }
            while (position >= starts[chunk] + chunks[chunk].length) {
                chunk++;
            }
            int within = (int) (position - starts[chunk]);
            int n = (int) Math.min(chunks[chunk].length - within, end - position);
            out.write(chunks[chunk], within, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, end - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, end - position);
        }
    }
}
