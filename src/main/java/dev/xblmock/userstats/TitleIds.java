package dev.xblmock.userstats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * A title id: an unsigned 32-bit decimal number, e.g. {@code 1717113201}. Like xuids, title ids compare as
 * numbers ({@code 0983730484} is {@code 983730484}); the canonical text has no leading zeros.
 */
public final class TitleIds {

    private static final Pattern DIGITS = Pattern.compile("0*([0-9]{1,10})");
    private static final long MAX = 0xFFFF_FFFFL;

    private TitleIds() {
    }

    /** Validates {@code value} and returns its canonical decimal text; {@code what} names it in errors. */
    public static String parse(String value, String what) {
        Matcher digits = value == null ? null : DIGITS.matcher(value);
        if (digits == null || !digits.matches() || Long.parseLong(digits.group(1)) > MAX) {
            throw XblException.of(ErrorCode.INVALID_BODY,
                    "%s '%s' must be a title id: an unsigned 32-bit decimal number (at most %d).",
                    what, value == null ? "" : StatWrites.abbreviated(value), MAX);
        }
        return Long.toString(Long.parseLong(digits.group(1)));
    }
}
