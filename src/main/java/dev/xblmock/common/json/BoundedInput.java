package dev.xblmock.common.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongFunction;

/**
 * Counts the bytes read through it and throws {@code overLimit}'s exception the moment the count passes
 * {@code max}: a body or a file that is longer than declared, or grows while it is read, still stops there.
 */
public class BoundedInput extends FilterInputStream {

    private final long max;
    private final LongFunction<? extends RuntimeException> overLimit;
    private long count;

    /** @param overLimit given the count so far (over {@code max}), the error to throw */
    public BoundedInput(InputStream in, long max, LongFunction<? extends RuntimeException> overLimit) {
        super(in);
        this.max = max;
        this.overLimit = overLimit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n > 0) {
            count += n;
            if (count > max) {
                throw overLimit.apply(count);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.min(Math.max(n, 0), 8192)]));
    }

    /** Reads on to the end or past the limit (which throws); for an answer that must put the size first. */
    public void drain() throws IOException {
        byte[] buffer = new byte[8192];
        while (read(buffer, 0, buffer.length) >= 0) {
            // counted by read
        }
    }
}
