package dev.xblmock.titlestorage.domain;

import java.util.Locale;

/**
 * A blob version: {@code 0x} plus 15 upper-case hex digits (SPEC 3.2), emitted unquoted. Values come from
 * one process-wide increasing counter, so a newer write always has a greater ETag.
 */
public record Etag(long value) implements Comparable<Etag> {

    public static final long MAX = 0x0FFF_FFFF_FFFF_FFFFL;

    public Etag {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("ETag value out of range: " + value);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "0x%015X", value);
    }

    /** Compares a client-supplied ETag after stripping {@code W/} and surrounding quotes; hex is case-insensitive. */
    public boolean matches(String clientValue) {
        String text = clientValue.trim();
        if (text.startsWith("W/")) {
            text = text.substring(2);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.equalsIgnoreCase(toString());
    }

    @Override
    public int compareTo(Etag other) {
        return Long.compare(value, other.value);
    }
}
