package dev.xblmock.common.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.PercentDecoder;

/**
 * Rules for the raw request path (still percent-encoded, exactly as received) that hold on every route:
 * SPEC 2 forbids backslashes, percent-encoded separators, {@code .}/{@code ..} segments and control
 * characters anywhere, and SPEC 7 makes invalid percent-encoding a 400. Positions are 1-based in the raw path.
 */
public final class RawPath {

    static final String WHAT = "The request path";

    private RawPath() {
    }

    /** Throws {@code InvalidPath} naming the offending character or segment and its position. */
    public static void validate(String rawPath) {
        PercentDecoder.decode(rawPath, WHAT, ErrorCode.INVALID_PATH);
        int start = 0;
        while (true) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            checkNotDotSegment(rawPath.substring(start, end), start);
            if (slash < 0) {
                return;
            }
            start = slash + 1;
        }
    }

    private static void checkNotDotSegment(String rawSegment, int offset) {
        // The container drops ";parameters" before normalising, so "..;x" is a dot segment too.
        int semicolon = rawSegment.indexOf(';');
        String name = semicolon < 0 ? rawSegment : rawSegment.substring(0, semicolon);
        String decoded = PercentDecoder.decode(name, WHAT, ErrorCode.INVALID_PATH);
        if (decoded.equals(".") || decoded.equals("..")) {
            throw XblException.of(ErrorCode.INVALID_PATH, "%s contains the dot segment '%s' at position %d; "
                    + "'.' and '..' segments are not allowed.", WHAT, name, offset + 1);
        }
    }

    /**
     * The raw path as a valid URI reference (for a problem's {@code instance}): characters a URI may not
     * contain, and a '%' that does not start an escape, are percent-encoded; everything else is kept.
     */
    public static URI toUriReference(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return URI.create("/");
        }
        StringBuilder sb = new StringBuilder(rawPath.length() + 16);
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && isHex(rawPath.charAt(i + 1)) && isHex(rawPath.charAt(i + 2))) {
                sb.append(c);
            } else if (c != '%' && isPathChar(c)) {
                sb.append(c);
            } else {
                int codePoint = rawPath.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
                i += Character.charCount(codePoint) - 1;
            }
        }
        return URI.create(sb.toString());
    }

    /** RFC 3986 pchar (without '%', handled by the caller) plus '/'. */
    private static boolean isPathChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
