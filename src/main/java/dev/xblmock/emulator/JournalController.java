package dev.xblmock.emulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
                    e.path(), e.query(), e.status(), e.durationNanos() / 1_000_000, e.service(), e.operation(),
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
        JournalQuery query = JournalQuery.parse(method, pathPrefix, status, limit);
        return new JournalView(query.select(journal).stream().map(JournalEntryView::of).toList());
    }

    @DeleteMapping("/_emulator/requests")
    public ResponseEntity<Void> clear() {
        journal.reset();
        return ResponseEntity.noContent().build();
    }
}
