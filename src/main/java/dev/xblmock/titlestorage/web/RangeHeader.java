package dev.xblmock.titlestorage.web;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xblmock.titlestorage.ByteRange;
import org.springframework.http.HttpRange;

/**
 * Reads a {@code Range} header (SPEC 3.3, 7): exactly one well-formed byte range is honoured; anything else
 * (absent, malformed such as {@code bytes=5-2}, or several ranges) means the whole blob.
 */
public final class RangeHeader {

    private static final Pattern SINGLE = Pattern.compile("\\s*bytes\\s*=\\s*(\\d*)\\s*-\\s*(\\d*)\\s*", Pattern.CASE_INSENSITIVE);

    private RangeHeader() {
    }

    public static ByteRange parse(String header) {
        if (header == null) {
            return null;
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(header); // validates syntax and ordering
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        Matcher single = SINGLE.matcher(header);
        if (ranges.size() != 1 || !single.matches()) {
            return null;
        }
        try {
            if (single.group(1).isEmpty()) {
                return ByteRange.suffix(Long.parseLong(single.group(2)));
            }
            Long last = single.group(2).isEmpty() ? null : Long.parseLong(single.group(2));
            return ByteRange.fromTo(Long.parseLong(single.group(1)), last);
        } catch (NumberFormatException overflow) {
            return null;
        }
    }
}
