package dev.xblmock.emulator.journal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /_emulator/requests} (newest first, filtered) and {@code DELETE /_emulator/requests}. */
@RestController
public class JournalController {

    public static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final RequestJournal journal;
    private final JournalStream stream;

    public JournalController(RequestJournal journal, JournalStream stream) {
        this.journal = journal;
        this.stream = stream;
    }

    @JsonPropertyOrder({"id", "time", "method", "path", "query", "status", "durationMs", "service", "operation", "xuid",
            "errorCode"})
    public record JournalEntryView(String id, String time, String method, String path, String query, int status,
                                   long durationMs, String service, String operation, String xuid, String errorCode) {

        static JournalEntryView of(RequestJournal.Entry e) {
            return new JournalEntryView(e.id(), TIME.format(Instant.ofEpochMilli(e.epochMillis())), e.method(),
                    e.path(), e.query(), e.status(), e.durationNanos() / 1_000_000, e.service(), e.operation(),
                    e.xuid() == null ? null : e.xuid().toString(), e.errorCode());
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

    /**
     * Server-sent events: {@code event: requests} with a JSON array of entries (oldest first) at most every
     * 100 ms, a comment line every 15 s when idle, and {@code event: overflow} before the server closes a
     * stream that fell behind (the browser's EventSource then reconnects). 503 when every slot is taken.
     */
    @GetMapping(path = "/_emulator/requests/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the stream lives until either side closes it
        JournalStream.Subscription subscription = stream.subscribe(new JournalStream.Listener() {
            @Override
            public void entries(List<RequestJournal.Entry> batch) throws IOException {
                emitter.send(SseEmitter.event().name("requests")
                        .data(batch.stream().map(JournalEntryView::of).toList(), MediaType.APPLICATION_JSON));
            }

            @Override
            public void idle() throws IOException {
                emitter.send(SseEmitter.event().comment("idle"));
            }

            @Override
            public void closed(boolean overflowed) {
                try {
                    if (overflowed) {
                        emitter.send(SseEmitter.event().name("overflow").data(Map.of("detail",
                                "This stream fell behind and was dropped; reconnect to resume."), MediaType.APPLICATION_JSON));
                    }
                    emitter.complete();
                } catch (IOException | IllegalStateException e) {
                    // the client is gone or the response already completed
                }
            }
        });
        emitter.onCompletion(subscription::close);
        emitter.onError(error -> subscription.close());
        emitter.onTimeout(subscription::close);
        try {
            emitter.send(SseEmitter.event().comment("open")); // commits the response so clients see it at once
        } catch (IOException e) {
            subscription.close();
        }
        return emitter;
    }

    @DeleteMapping("/_emulator/requests")
    public ResponseEntity<Void> clear() {
        journal.reset();
        return ResponseEntity.noContent().build();
    }
}
