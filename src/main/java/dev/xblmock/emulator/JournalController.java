package dev.xblmock.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.XblException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /_emulator/requests} (newest first, filtered) and {@code DELETE /_emulator/requests}. */
@RestController
public class JournalController {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RequestJournal journal;

    public JournalController(RequestJournal journal) {
        this.journal = journal;
    }

    @JsonPropertyOrder({"id", "time", "method", "path", "query", "status", "durationMs", "service", "operation", "xuid"})
    public record JournalEntryView(String id, String time, String method, String path, String query, int status,
                                   long durationMs, String service, String operation, String xuid) {

        static JournalEntryView of(RequestJournal.Entry e) {
            return new JournalEntryView(e.id(), TIME.format(Instant.ofEpochMilli(e.epochMillis())), e.method(),
                    e.path(), e.query(), e.status(), e.durationNanos() / 1_000_000,
                    RequestClassifier.service(e.path()), RequestClassifier.operation(e.method(), e.path()),
                    e.xuid() == null ? null : e.xuid().toString());
        }
    }

    public record JournalView(List<JournalEntryView> requests) {
    }

    @GetMapping(path = "/_emulator/requests", produces = MediaType.APPLICATION_JSON_VALUE)
    public JournalView requests(@RequestParam(required = false) String method,
                                @RequestParam(required = false) String pathPrefix,
                                @RequestParam(required = false) String status,
                                @RequestParam(required = false) String limit) {
        Predicate<RequestJournal.Entry> filter = entry -> true;
        if (method != null) {
            String wanted = token("method", method);
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
        int max = limit == null ? Integer.MAX_VALUE : integer("limit", limit, 1, Integer.MAX_VALUE);
        return new JournalView(journal.newestFirst(filter, max).stream().map(JournalEntryView::of).toList());
    }

    @DeleteMapping("/_emulator/requests")
    public ResponseEntity<Void> clear() {
        journal.reset();
        return ResponseEntity.noContent().build();
    }

    private static String token(String name, String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter '%s' must be an HTTP method name (letters only), e.g. GET.", name);
        }
        return value;
    }

    static int integer(String name, String value, int min, int max) {
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
