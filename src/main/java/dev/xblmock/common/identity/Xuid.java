package dev.xblmock.common.identity;

/**
 * An Xbox user id: an unsigned 64-bit number. Two xuids are the same owner when their numeric values are
 * equal ({@code xuid(0001)} is {@code xuid(1)}), so the canonical text form has no leading zeros.
 */
public record Xuid(long value) implements Comparable<Xuid> {

    public static Xuid parse(String digits) {
        return Identifiers.xuid(digits, "xuid");
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(value);
    }

    @Override
    public int compareTo(Xuid other) {
        return Long.compareUnsigned(value, other.value);
    }
}
