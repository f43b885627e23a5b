package dev.xblmock.titlestorage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.io.ReceivedPieces;

/**
 * Wraps a request body while it is read: refuses it the moment it passes the per-request or per-blob limit
 * (so an oversize chunked body is never buffered), refuses a non-final block shorter than the minimum at
 * its end, and digests the bytes so a retransmitted block can be recognised.
 */
final class BodyLimits extends FilterInputStream implements ReceivedPieces {

    private final long maxRequestBytes;
    private final long maxBlobRemaining;
    private final long maxBlobBytes;
    private final long minBytes;
    private final MessageDigest digest;
    private long count;

    BodyLimits(InputStream body, long maxRequestBytes, long maxBlobRemaining, long maxBlobBytes, long minBytes) {
        super(body);
        this.maxRequestBytes = maxRequestBytes;
        this.maxBlobRemaining = maxBlobRemaining;
        this.maxBlobBytes = maxBlobBytes;
        this.minBytes = minBytes;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0) {
            if (count < minBytes) {
                throw XblException.of(ErrorCode.BLOCK_TOO_SMALL,
                        "This non-final block is %d bytes; every block but the last must be at least %d bytes.",
                        count, minBytes);
            }
            return n;
        }
        passed(buffer, off, n);
        return n;
    }

    /** A piece the body hands over passes the same checks as bytes read. */
    @Override
    public byte[] takePiece(int length) throws IOException {
        byte[] piece = in instanceof ReceivedPieces pieces ? pieces.takePiece(length) : null;
        if (piece != null) {
            passed(piece, 0, piece.length);
        }
        return piece;
    }

    private void passed(byte[] bytes, int off, int n) {
        count += n;
        if (count > maxRequestBytes) {
            throw tooLarge(maxRequestBytes);
        }
        if (count > maxBlobRemaining) {
            throw XblException.of(ErrorCode.BLOB_TOO_LARGE,
                    "The blob would exceed xblmock.storage.max-blob-bytes (%d bytes).", maxBlobBytes);
        }
        digest.update(bytes, off, n);
    }

    /** Skipped bytes still count and are digested. */
    @Override
    public long skip(long n) throws IOException {
        byte[] discard = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        return Math.max(read(discard, 0, discard.length), 0);
    }

    static XblException tooLarge(long maxRequestBytes) {
        return XblException.of(ErrorCode.BODY_TOO_LARGE,
                "The request body exceeds %d bytes; send larger blobs as a multi-block upload "
                        + "(finalBlock=false, then continuationToken).", maxRequestBytes);
    }

    long count() {
        return count;
    }

    byte[] sha256() {
        return digest.digest();
    }
}
