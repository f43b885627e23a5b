package dev.xblmock.common.identity;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * Strict percent-decoding of raw URI text. Malformed escapes, encoded control characters and invalid UTF-8 are
 * rejected with the position (1-based, in the raw text) so hostile input fails with a clear 400 instead of being
 * normalised into something else. In a path, separators ({@code %2F}, {@code %5C}, a raw backslash) are refused
 * too; in the query they are data (SPEC 7 "Parameters": a display name {@code Maps%2FArena} is {@code Maps/Arena}).
 *
 * <p>The input is text: a character outside ASCII stands for itself and is encoded as UTF-8 before decoding
 * (the container never hands raw non-ASCII bytes over; it rejects them in the request line).
 */
public final class PercentDecoder {

    private PercentDecoder() {
    }

    /** Decodes a raw path component ('+' is literal, separators refused); {@code what} names it in errors. */
    public static String decode(String raw, String what, ErrorCode error) {
        return decode(raw, what, error, false);
    }

    /** Decodes a raw query name or value: '+' stands for a space, and '/' and '\\' are data. */
    public static String decodeQuery(String raw, String what, ErrorCode error) {
        return decode(raw, what, error, true);
    }

    private static String decode(String raw, String what, ErrorCode error, boolean query) {
        if (raw.indexOf('%') < 0 && (!query || raw.indexOf('+') < 0)) {
            checkRawCharacters(raw, what, error, query);
            return raw;
        }
        // bytes[k] came from the raw text at rawIndex[k]: a UTF-8 error can then be reported where it was written
        byte[] bytes = new byte[raw.length() * 3];
        int[] rawIndex = new int[bytes.length];
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int b = escapedByte(raw, i, what, error, query);
                rawIndex[n] = i;
                bytes[n++] = (byte) b;
                i += 2;
            } else if (c == '+' && query) {
                rawIndex[n] = i;
                bytes[n++] = ' ';
            } else if (c < 0x80) {
                checkRawCharacter(c, i, what, error, query);
                rawIndex[n] = i;
                bytes[n++] = (byte) c;
            } else {
                int codePoint = raw.codePointAt(i);
                if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
                    throw XblException.of(error, "%s contains an unpaired surrogate at position %d.", what, i + 1);
                }
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                for (byte e : encoded) {
                    rawIndex[n] = i;
                    bytes[n++] = e;
                }
                i += Character.charCount(codePoint) - 1;
            }
        }
        return utf8(bytes, n, rawIndex, raw, what, error);
    }

    /** The byte of the escape {@code %XY} at {@code i}; only ASCII hex digits count. */
    private static int escapedByte(String raw, int i, String what, ErrorCode error, boolean query) {
        if (i + 2 >= raw.length()) {
            throw XblException.of(error, "%s has an incomplete percent-encoding '%s' at position %d.",
                    what, Identifiers.printable(raw.substring(i)), i + 1);
        }
        int hi = hexValue(raw.charAt(i + 1));
        int lo = hexValue(raw.charAt(i + 2));
        String escape = raw.substring(i, i + 3);
        if (hi < 0 || lo < 0) {
            throw XblException.of(error, "%s has an invalid percent-encoding '%s' at position %d; "
                    + "'%%' must be followed by two hex digits.", what, Identifiers.printable(escape), i + 1);
        }
        int b = hi * 16 + lo;
        if ((b == '/' || b == '\\') && !query) {
            throw XblException.of(error, "%s contains an encoded separator '%s' at position %d; "
                    + "separators may not be percent-encoded.", what, escape, i + 1);
        }
        if (b < 0x20 || b == 0x7F) {
            throw XblException.of(error, "%s contains an encoded control character '%s' at position %d.",
                    what, escape, i + 1);
        }
        return b;
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String utf8(byte[] bytes, int length, int[] rawIndex, String raw, String what, ErrorCode error) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int position = rawIndex[Math.min(in.position(), length - 1)] + 1;
            throw XblException.of(error, "%s is not valid UTF-8 after percent-decoding: the bytes at position %d "
                    + "do not form a character.", what, position);
        }
        return out.flip().toString();
    }

    private static void checkRawCharacters(String raw, String what, ErrorCode error, boolean query) {
        for (int i = 0; i < raw.length(); i++) {
            checkRawCharacter(raw.charAt(i), i, what, error, query);
        }
    }

    private static void checkRawCharacter(char c, int i, String what, ErrorCode error, boolean query) {
        if (c == '\\' && !query) {
            throw XblException.of(error, "%s contains a backslash at position %d; use '/' between segments.", what, i + 1);
        }
        if (c < 0x20 || c == 0x7F) {
            throw XblException.of(error, "%s contains the control character U+%04X at position %d.", what, (int) c, i + 1);
        }
    }
}
