package dev.xblmock.titlestorage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;

/**
 * {@code clientFileTime}: parsed from RFC 1123 (what XSAPI sends) or ISO 8601 with a zone, rendered in
 * listings as ISO 8601 UTC with exactly 7 fractional digits ({@code 2012-01-01T01:02:03.0000000Z}).
 */
public final class ClientFileTimes {

    private static final Pattern ISO = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter LISTING = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z')
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private ClientFileTimes() {
    }

    /** Null or empty means unset. */
    public static Instant parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (ISO.matcher(value).matches()) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'clientFileTime' is '%s'; it must be RFC 1123 (e.g. 'Thu, 01 Jan 1970 00:00:01 GMT') "
                            + "or ISO 8601 with a zone (e.g. '2024-01-01T00:00:00Z').", Identifiers.printable(value));
        }
    }

    public static String format(Instant instant) {
        return LISTING.format(instant);
    }
}
