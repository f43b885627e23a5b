package dev.xblmock.common.identity;

import java.util.regex.Pattern;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * The one validator for identifiers and storage paths (SPEC 2 and 7). Every route and the seed loader use
 * it, so a name that is valid in one place is valid everywhere. Inputs are already percent-decoded; each
 * error names the item, the offending character and its 1-based position.
 */
public final class Identifiers {

    public static final int MAX_PATH_LENGTH = 256;
    public static final int MAX_DISPLAY_NAME_LENGTH = 128;
    public static final int MAX_SCID_LENGTH = 64;
    public static final int MAX_SESSION_ID_LENGTH = 256;
    public static final int MAX_STAT_NAME_LENGTH = 128;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,20}");

    private Identifiers() {
    }

    public static String scid(String value) {
        requireNonEmpty(value, "scid", ErrorCode.INVALID_SCID);
        checkLength(value, MAX_SCID_LENGTH, "scid", ErrorCode.INVALID_SCID);
        checkCharacters(value, "scid", ErrorCode.INVALID_SCID, "letters, digits, '_' and '-'",
                Identifiers::isScidChar);
        return value;
    }

    /** Parses {@code [0-9]{1,20}} no greater than 2^64-1; {@code what} names the field in errors. */
    public static Xuid xuid(String value, String what) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw XblException.of(ErrorCode.INVALID_XUID,
                    "%s '%s' must be an unsigned 64-bit decimal number of 1 to 20 digits.", what, printable(value));
        }
        try {
            return new Xuid(Long.parseUnsignedLong(value));
        } catch (NumberFormatException e) {
            throw XblException.of(ErrorCode.INVALID_XUID,
                    "%s '%s' is greater than 18446744073709551615.", what, value);
        }
    }

    /** Parses a URL segment of the form {@code xuid(<digits>)}. */
    public static Xuid xuidSegment(String segment) {
        if (segment == null || !segment.startsWith("xuid(") || !segment.endsWith(")")) {
            throw XblException.of(ErrorCode.INVALID_XUID,
                    "The user segment '%s' must have the form xuid(<digits>).", printable(segment));
        }
        return xuid(segment.substring(5, segment.length() - 1), "xuid");
    }

    public static String sessionId(String value) {
        requireNonEmpty(value, "sessionId", ErrorCode.INVALID_SESSION_ID);
        checkLength(value, MAX_SESSION_ID_LENGTH, "sessionId", ErrorCode.INVALID_SESSION_ID);
        checkCharacters(value, "sessionId", ErrorCode.INVALID_SESSION_ID, "letters, digits, '_', '.', '~' and '-'",
                c -> isScidChar(c) || c == '.' || c == '~');
        return value;
    }

    /**
     * Validates a listing path (the part after {@code data/}) and returns it without a trailing '/'.
     * The empty path lists the whole namespace.
     */
    public static String listingPath(String value) {
        String path = value == null ? "" : value;
        if (path.startsWith("/")) {
            throw XblException.of(ErrorCode.INVALID_PATH,
                    "The listing path '%s' starts with '/' at position 1; it is relative to data/.", printable(path));
        }
        checkSegments(path, "The listing path");
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        checkLength(path, MAX_PATH_LENGTH, "The listing path", ErrorCode.INVALID_PATH);
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '.' || c == ',') {
                throw XblException.of(ErrorCode.INVALID_PATH,
                        "The listing path '%s' contains '%c' at position %d; a listing path names a directory "
                                + "(letters, digits, '_' and '/'). To address a blob, end the path with ,binary, ,json or ,config.",
                        printable(path), c, path.codePointCount(0, i) + 1);
            }
            if (!isDirChar(c)) {
                throw invalidCharacter("The listing path", path, i, "letters, digits, '_' and '/'");
            }
        }
        return path;
    }

    /** Validates a blob's {@code pathAndFileName} (without the {@code ,type} suffix). */
    public static String pathAndFileName(String value) {
        requireNonEmpty(value, "pathAndFileName", ErrorCode.INVALID_PATH);
        checkLength(value, MAX_PATH_LENGTH, "pathAndFileName", ErrorCode.INVALID_PATH);
        if (value.startsWith("/")) {
            throw XblException.of(ErrorCode.INVALID_PATH,
                    "pathAndFileName '%s' starts with '/' at position 1; it is relative to data/.", printable(value));
        }
        int slash = value.lastIndexOf('/');
        for (int i = 0; i <= slash; i++) {
            if (!isDirChar(value.charAt(i))) {
                throw invalidCharacter("The directory part of pathAndFileName", value, i, "letters, digits, '_' and '/'");
            }
        }
        checkSegments(value, "pathAndFileName");
        if (slash == value.length() - 1) {
            throw XblException.of(ErrorCode.INVALID_PATH,
                    "pathAndFileName '%s' ends with '/' at position %d; the file name after it is missing.",
                    printable(value), value.codePointCount(0, slash) + 1);
        }
        for (int i = slash + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(isScidChar(c) || c == '.')) {
                throw invalidCharacter("The file name of pathAndFileName", value, i, "letters, digits, '_', '.' and '-'");
            }
        }
        int dots = value.indexOf("..", slash + 1);
        if (dots >= 0) {
            throw XblException.of(ErrorCode.INVALID_PATH,
                    "pathAndFileName '%s' contains '..' at position %d; a file name must not contain '..'.",
                    value, dots + 1);
        }
        if (value.endsWith(".")) {
            throw XblException.of(ErrorCode.INVALID_PATH,
                    "pathAndFileName '%s' ends with '.' at position %d; a file name must not end with '.'.",
                    value, value.length());
        }
        return value;
    }

    /** An empty displayName means unset (null). */
    public static String displayName(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        checkLength(value, MAX_DISPLAY_NAME_LENGTH, "displayName", ErrorCode.INVALID_DISPLAY_NAME);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw XblException.of(ErrorCode.INVALID_DISPLAY_NAME,
                        "displayName contains a control character at position %d.", value.codePointCount(0, i) + 1);
            }
        }
        return value;
    }

    public static String statName(String value) {
        requireNonEmpty(value, "stat name", ErrorCode.INVALID_STAT);
        checkLength(value, MAX_STAT_NAME_LENGTH, "stat name", ErrorCode.INVALID_STAT);
        checkCharacters(value, "stat name", ErrorCode.INVALID_STAT, "letters, digits, '_', '.' and '-'",
                c -> isScidChar(c) || c == '.');
        return value;
    }

    private static boolean isScidChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }

    private static boolean isDirChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '/';
    }

    /** No empty segment: callers have already refused a leading '/', so "//" is the only form left. */
    private static void checkSegments(String path, String what) {
        int empty = path.indexOf("//");
        if (empty >= 0) {
            throw XblException.of(ErrorCode.INVALID_PATH, "%s '%s' has an empty segment ('//') at position %d.",
                    what, printable(path), path.codePointCount(0, empty) + 1);
        }
    }

    private static void requireNonEmpty(String value, String what, ErrorCode error) {
        if (value == null || value.isEmpty()) {
            throw XblException.of(error, "%s must not be empty.", what);
        }
    }

    private static void checkLength(String value, int max, String what, ErrorCode error) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw XblException.of(error, "%s is %d characters long; at most %d are allowed.", what, length, max);
        }
    }

    private interface CharRule {
        boolean allows(char c);
    }

    private static void checkCharacters(String value, String what, ErrorCode error, String allowed, CharRule rule) {
        for (int i = 0; i < value.length(); i++) {
            if (!rule.allows(value.charAt(i))) {
                throw new XblException(error, invalidCharacter(what, value, i, allowed).detail());
            }
        }
    }

    private static XblException invalidCharacter(String what, String value, int index, String allowed) {
        int codePoint = value.codePointAt(index);
        String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                ? String.format("U+%04X", codePoint)
                : "'" + new String(Character.toChars(codePoint)) + "'";
        return XblException.of(ErrorCode.INVALID_PATH, "%s '%s' contains %s at position %d; only %s are allowed.",
                what, printable(value), shown, value.codePointCount(0, index) + 1, allowed);
    }

    /** Control characters never reach a response body verbatim. */
    public static String printable(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                sb.append(String.format("\\u%04X", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
