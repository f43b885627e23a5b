package dev.xblmock.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body received in full (or up to the spool's cap) before its request was handled, as chunks.
 * Read by the handler through {@link #stream}; past the cap the stream fails, so a route whose own limit is
 * larger never mistakes a cut body for a whole one.
 */
final class SpooledBody {

    private final List<byte[]> chunks = new ArrayList<>();
    private long size;
    private boolean cut;

    void add(byte[] chunk) {
        chunks.add(chunk);
        size += chunk.length;
    }

    long size() {
        return size;
    }

    /** Reading stopped at the cap: the body goes on beyond what is here. */
    void cut() {
        cut = true;
    }

    ServletInputStream stream() {
        return new ServletInputStream() {
            private int chunk;
            private int position;

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
                while (chunk < chunks.size() && position == chunks.get(chunk).length) {
                    chunk++;
                    position = 0;
                }
                if (chunk == chunks.size()) {
                    if (cut) {
                        throw new IOException("the request body was not read past its first " + size + " bytes");
                    }
                    return -1;
                }
                byte[] current = chunks.get(chunk);
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, buffer, off, n);
                position += n;
                return n;
            }

            @Override
            public boolean isFinished() {
                return !cut && chunk == chunks.size();
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new IllegalStateException("a spooled body is read with blocking reads");
            }

            @Override
            public int available() {
                return chunk < chunks.size() ? chunks.get(chunk).length - position : 0;
            }
        };
    }
}
