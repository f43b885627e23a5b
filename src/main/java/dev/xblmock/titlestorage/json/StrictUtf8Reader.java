package dev.xblmock.titlestorage.json;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream as strict UTF-8 (no overlong forms, no encoded surrogates, no truncated sequences)
 * and reports the byte offset of the first malformed sequence. Unlike {@link java.io.InputStreamReader}, it
 * hands out every character decoded before the bad bytes first, so a parser reading through it fails exactly
 * there. A leading byte order mark (EF BB BF) is skipped, as RFC 8259 allows and as Jackson's byte parser
 * does when the stored document is read back.
 */
final class StrictUtf8Reader extends Reader {

    /** The bytes at {@link #byteOffset()} are not UTF-8. An IOException so that it can travel through a parser. */
    static final class MalformedUtf8Exception extends CharConversionException {
        private final long byteOffset;

        MalformedUtf8Exception(long byteOffset) {
            super("malformed UTF-8 at byte offset " + byteOffset);
            this.byteOffset = byteOffset;
        }

        long byteOffset() {
            return byteOffset;
        }
    }

    private static final int BUFFER_SIZE = 8192;
    private static final int NONE = -1;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER_SIZE).flip();
    /** Bytes already dropped from the front of {@link #bytes}: position 0 of the buffer is this offset. */
    private long bytesBeforeBuffer;
    private boolean endOfInput;
    private boolean flushed;
    private boolean atStart = true;
    /** The second half of a surrogate pair that did not fit the caller's buffer, or {@link #NONE}. */
    private int pendingLowSurrogate = NONE;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (pendingLowSurrogate != NONE) {
            target[offset] = (char) pendingLowSurrogate;
            pendingLowSurrogate = NONE;
            return 1;
        }
        CharBuffer out = CharBuffer.wrap(target, offset, length);
        while (true) {
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            int produced = out.position() - offset;
            if (result.isError()) {
                if (produced > 0) {
                    return produced; // the decoder did not advance: the next call reports the error
                }
                throw new MalformedUtf8Exception(bytesBeforeBuffer + bytes.position());
            }
            if (result.isOverflow()) {
                return produced > 0 ? produced : splitSurrogatePair(target, offset);
            }
            // underflow: every complete sequence in the buffer is decoded
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                produced = out.position() - offset;
                return produced > 0 ? produced : -1;
            }
            if (produced > 0) {
                return produced;
            }
            fill();
        }
    }

    /** Room for one char and the next code point needs two: hand out the high surrogate, keep the low one. */
    private int splitSurrogatePair(char[] target, int offset) {
        CharBuffer pair = CharBuffer.allocate(2);
        decoder.decode(bytes, pair, endOfInput);
        target[offset] = pair.get(0);
        pendingLowSurrogate = pair.get(1);
        return 1;
    }

    private void fill() throws IOException {
        bytesBeforeBuffer += bytes.position();
        bytes.compact();
        try {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
        } finally {
            bytes.flip();
        }
        if (atStart) {
            skipByteOrderMark();
        }
    }

    private void skipByteOrderMark() {
        if (bytes.remaining() >= 3) {
            if ((bytes.get(0) & 0xFF) == 0xEF && (bytes.get(1) & 0xFF) == 0xBB && (bytes.get(2) & 0xFF) == 0xBF) {
                bytes.position(3);
            }
            atStart = false;
        } else if (endOfInput || !isBomPrefix()) {
            atStart = false;
        }
    }

    /** Fewer than three bytes so far and they could still begin a byte order mark: wait for more. */
    private boolean isBomPrefix() {
        int[] bom = {0xEF, 0xBB, 0xBF};
        for (int i = 0; i < bytes.remaining(); i++) {
            if ((bytes.get(i) & 0xFF) != bom[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        // the caller owns the stream
    }
}
