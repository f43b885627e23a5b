package dev.xblmock.titlestorage.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A stream over bytes [start, end) of a file, read with positional reads, so several streams can share a
 * channel and nothing is buffered beyond the caller's array.
 */
final class ChannelRangeStream extends InputStream {

    private final FileChannel channel;
    private final boolean closesChannel;
    private long position;
    private final long end;

    ChannelRangeStream(FileChannel channel, long start, long end, boolean closesChannel) {
        this.channel = channel;
        this.position = start;
        this.end = end;
        this.closesChannel = closesChannel;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= end) {
            return -1;
        }
        int wanted = (int) Math.min(len, end - position);
        int n = channel.read(ByteBuffer.wrap(buffer, off, wanted), position);
        if (n < 0) {
            throw new EOFException("the file ends at " + position + ", before " + end);
        }
        position += n;
        return n;
    }

    /** In 64 KiB reads and writes (InputStream's default uses 8 KiB: eight times the system calls). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long start = position;
        byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(end - position, 1))];
        for (int n; (n = read(buffer, 0, buffer.length)) > 0; ) {
            out.write(buffer, 0, n);
        }
        return position - start;
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

    @Override
    public void close() throws IOException {
        if (closesChannel) {
            channel.close();
        }
    }
}
