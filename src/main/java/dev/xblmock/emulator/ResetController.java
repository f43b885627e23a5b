package dev.xblmock.emulator;

import java.util.List;

import dev.xblmock.common.Resettable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /_emulator/reset}: drops every blob, pending upload, stat, journal entry and fault rule. */
@RestController
public class ResetController {

    private final List<Resettable> resettables;

    public ResetController(List<Resettable> resettables) {
        this.resettables = resettables;
    }

    @PostMapping("/_emulator/reset")
    public ResponseEntity<Void> reset() {
        resettables.forEach(Resettable::reset);
        return ResponseEntity.noContent().build();
    }
}
