package dev.xblmock.common;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of raw URI text. Encoded separators ({@code %2F}, {@code %5C}), encoded control
 * characters, malformed escapes and invalid UTF-8 are rejected with the position (1-based, in the raw text)
 * so hostile paths fail with a clear 400 instead of being normalised into something else.
 */
public final class PercentDecoder {

    private PercentDecoder() {
    }

    /** Decodes a raw path component ('+' is literal); {@code what} names it in the error detail. */
    public static String decode(String raw, String what, ErrorCode error) {
        return decode(raw, what, error, false);
    }

    /** Decodes a raw query name or value, where '+' stands for a space. */
    public static String decodeQuery(String raw, String what, ErrorCode error) {
        return decode(raw, what, error, true);
    }

    private static String decode(String raw, String what, ErrorCode error, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            checkRawCharacters(raw, what, error);
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw XblException.of(error, "%s has an incomplete percent-encoding at position %d.", what, i + 1);
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw XblException.of(error, "%s has an invalid percent-encoding '%s' at position %d.",
                            what, raw.substring(i, i + 3), i + 1);
                }
                int b = hi * 16 + lo;
                if (b == '/' || b == '\\') {
                    throw XblException.of(error, "%s contains an encoded separator '%s' at position %d; "
                            + "separators may not be percent-encoded.", what, raw.substring(i, i + 3), i + 1);
                }
                if (b < 0x20 || b == 0x7F) {
                    throw XblException.of(error, "%s contains an encoded control character '%s' at position %d.",
                            what, raw.substring(i, i + 3), i + 1);
                }
                bytes.write(b);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else {
                checkRawCharacter(c, raw, i, what, error);
                if (c < 0x100) { // the container hands raw URI bytes over as ISO-8859-1 chars
                    bytes.write(c);
                } else {
                    bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw XblException.of(error, "%s is not valid UTF-8 after percent-decoding.", what);
        }
    }

    private static void checkRawCharacters(String raw, String what, ErrorCode error) {
        for (int i = 0; i < raw.length(); i++) {
            checkRawCharacter(raw.charAt(i), raw, i, what, error);
        }
    }

    private static void checkRawCharacter(char c, String raw, int i, String what, ErrorCode error) {
        if (c == '\\') {
            throw XblException.of(error, "%s contains a backslash at position %d; use '/' between segments.", what, i + 1);
        }
        if (c < 0x20 || c == 0x7F) {
            throw XblException.of(error, "%s contains a control character at position %d.", what, i + 1);
        }
    }
}
