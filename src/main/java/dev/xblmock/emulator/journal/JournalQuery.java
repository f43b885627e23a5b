package dev.xblmock.emulator.journal;

import java.util.List;
import java.util.function.Predicate;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;

/**
 * The filters of {@code GET /_emulator/requests}: {@code method} (case-insensitive), {@code pathPrefix} (of
 * the raw path), {@code status} and {@code limit}, each optional. Parsed from their query-parameter text by
 * the control plane and the in-process test fixture alike; an invalid one is a 400 {@code InvalidParameter}.
 */
public final class JournalQuery {

    private final Predicate<RequestJournal.Entry> filter;
    private final int limit;

    private JournalQuery(Predicate<RequestJournal.Entry> filter, int limit) {
        this.filter = filter;
        this.limit = limit;
    }

    /** Each argument may be null (no such filter). */
    public static JournalQuery parse(String method, String pathPrefix, String status, String limit) {
        Predicate<RequestJournal.Entry> filter = entry -> true;
        if (method != null) {
            String wanted = method(method);
            filter = filter.and(entry -> entry.method().equalsIgnoreCase(wanted));
        }
        if (pathPrefix != null) {
            if (pathPrefix.isEmpty()) {
                throw XblException.of(ErrorCode.INVALID_PARAMETER, "Query parameter 'pathPrefix' must not be empty.");
            }
            filter = filter.and(entry -> entry.path().startsWith(pathPrefix));
        }
        if (status != null) {
            int wanted = integer("status", status, 100, 599);
            filter = filter.and(entry -> entry.status() == wanted);
        }
        return new JournalQuery(filter, limit == null ? Integer.MAX_VALUE : integer("limit", limit, 1, Integer.MAX_VALUE));
    }

    /** The matching entries, newest first, once the requests in flight are recorded. */
    public List<RequestJournal.Entry> select(RequestJournal journal) {
        journal.awaitRequestsInFlight();
        return journal.newestFirst(filter, limit);
    }

    private static String method(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'method' must be an HTTP method name (letters only), e.g. GET.");
        }
        return value;
    }

    private static int integer(String name, String value, int min, int max) {
        long parsed = -1;
        if (!value.isEmpty() && value.length() <= 10 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            parsed = Long.parseLong(value);
        }
        if (parsed < min || parsed > max) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER, "Query parameter '%s' must be an integer from %d to %d.",
                    name, min, max);
        }
        return (int) parsed;
    }
}
