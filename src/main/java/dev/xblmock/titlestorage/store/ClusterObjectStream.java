package dev.xblmock.titlestorage.store;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A range of a blob version read from the bucket: one ranged GET per object slice it covers, each opened when the
 * previous one is used up, so a download holds one response at a time and nothing is buffered beyond the caller's
 * array.
 */
final class ClusterObjectStream extends InputStream {

    private final S3Client s3;
    private final String bucket;
    private final Deque<ClusterSegment> pending;
    private ResponseInputStream<GetObjectResponse> current;
    private long currentRemaining;

    /** @param segments the version's segments; only bytes [offset, offset + length) of their concatenation are read */
    ClusterObjectStream(S3Client s3, String bucket, List<ClusterSegment> segments, long offset, long length) {
        this.s3 = s3;
        this.bucket = bucket;
        this.pending = new ArrayDeque<>();
        long start = 0;
        long end = offset + length;
        for (ClusterSegment segment : segments) {
            long segmentEnd = start + segment.length();
            long from = Math.max(start, offset);
            long to = Math.min(segmentEnd, end);
            if (from < to) {
                pending.add(new ClusterSegment(segment.objectKey(), segment.offset() + (from - start), to - from));
            }
            start = segmentEnd;
        }
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
        if (current == null && !openNext()) {
            return -1;
        }
        int n;
        try {
            n = current.read(buffer, off, (int) Math.min(len, currentRemaining));
        } catch (SdkException e) {
            throw new IOException("reading from the bucket failed", e);
        }
        if (n < 0) {
            throw new EOFException("an object of the bucket ended " + currentRemaining + " bytes early");
        }
        currentRemaining -= n;
        if (currentRemaining == 0) {
            current.close();
            current = null;
        }
        return n;
    }

    private boolean openNext() throws IOException {
        ClusterSegment next = pending.poll();
        if (next == null) {
            return false;
        }
        try {
            current = s3.getObject(request -> request.bucket(bucket).key(next.objectKey())
                    .range("bytes=" + next.offset() + "-" + (next.offset() + next.length() - 1)));
        } catch (SdkException e) {
            throw new IOException("reading " + next.objectKey() + " from the bucket failed", e);
        }
        currentRemaining = next.length();
        return true;
    }

    /** In 64 KiB reads and writes. */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = read(buffer, 0, buffer.length)) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public int available() {
        return current == null ? 0 : (int) Math.min(Integer.MAX_VALUE, currentRemaining);
    }

    /** A response not read to its end is aborted: draining it could take as long as the rest of the download. */
    @Override
    public void close() throws IOException {
        pending.clear();
        if (current != null) {
            current.abort();
            current.close();
            current = null;
        }
    }
}
