package dev.xblmock.emulator.faults;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code POST/GET/DELETE /_emulator/faults} and {@code DELETE /_emulator/faults/{id}}. */
@RestController
public class FaultController {

    private final FaultRuleSet rules;

    public FaultController(FaultRuleSet rules) {
        this.rules = rules;
    }

    /** A rule as listed: the members it was created with (absent ones omitted) and its hits left. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "method", "path", "status", "retryAfterSeconds", "delayMs", "times", "remaining",
            "probability", "seed"})
    public record FaultRuleView(String id, String method, String path, Integer status, Integer retryAfterSeconds,
                                Long delayMs, Long times, Long remaining, Double probability, Long seed) {

        static FaultRuleView of(FaultRule r) {
            return new FaultRuleView(r.id, r.method, r.pathRegex, r.status, r.retryAfterSeconds, r.delayMs, r.times,
                    r.remaining(), r.probability, r.seed);
        }
    }

    public record FaultRulesView(List<FaultRuleView> faults) {
    }

    @PostMapping(path = "/_emulator/faults", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> add(@RequestBody JsonNode body) {
        FaultRule rule = rules.add(body);
        return ResponseEntity.created(URI.create("/_emulator/faults/" + rule.id)).body(Map.of("id", rule.id));
    }

    @GetMapping(path = "/_emulator/faults", produces = MediaType.APPLICATION_JSON_VALUE)
    public FaultRulesView list() {
        return new FaultRulesView(rules.list().stream().map(FaultRuleView::of).toList());
    }

    @DeleteMapping("/_emulator/faults")
    public ResponseEntity<Void> clear() {
        rules.clear();
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/_emulator/faults/{id}")
    public ResponseEntity<Void> remove(@PathVariable String id) {
        if (!rules.remove(id)) {
            throw new XblException(ErrorCode.NOT_FOUND, id.matches("[0-9]{1,19}")
                    ? "No fault rule has id '" + id + "'; GET /_emulator/faults lists them."
                    : "No fault rule has this id; GET /_emulator/faults lists them.");
        }
        return ResponseEntity.noContent().build();
    }
}
