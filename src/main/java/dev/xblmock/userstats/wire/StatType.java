package dev.xblmock.userstats.wire;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type of a stat (SPEC 4, 7): {@code Integer} (a signed 64-bit integer), {@code Double} (a finite
 * number) or {@code String}. The value is always kept and served as text; the type only constrains it.
 */
public enum StatType {
    INTEGER("Integer"),
    DOUBLE("Double"),
    STRING("String");

    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,19}");
    /** JSON's number grammar, relaxed to allow leading zeros. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String wireName;

    StatType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire: {@code Integer}, {@code Double} or {@code String} (case-sensitive). */
    public String wireName() {
        return wireName;
    }

    public static Optional<StatType> fromWireName(String name) {
        for (StatType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Empty when {@code value} is valid for this type, else the rule it breaks (for an error detail). */
    public Optional<String> violation(String value) {
        return switch (this) {
            case INTEGER -> isLong(value) ? Optional.empty()
                    : Optional.of("a stat of type Integer needs a signed 64-bit integer in decimal digits");
            case DOUBLE -> isFiniteNumber(value) ? Optional.empty()
                    : Optional.of("a stat of type Double needs a finite decimal number");
            case STRING -> Optional.empty();
        };
    }

    private static boolean isLong(String value) {
        if (!INTEGER_TEXT.matcher(value).matches()) {
            return false;
        }
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException overflow) {
            return false;
        }
    }

    private static boolean isFiniteNumber(String value) {
        return NUMBER_TEXT.matcher(value).matches() && Double.isFinite(Double.parseDouble(value));
    }
}
