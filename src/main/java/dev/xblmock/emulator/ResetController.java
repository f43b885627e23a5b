package dev.xblmock.emulator;

import java.util.List;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.Resettable;
import dev.xblmock.common.XblException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_emulator/reset}: drops every blob, pending upload, stat, journal entry and fault rule, then
 * optionally reloads the startup seed. If the seed file has become invalid meanwhile, the reset stands and
 * the answer is the seed's 400.
 */
@RestController
public class ResetController {

    private final List<Resettable> resettables;
    private final SeedLoader seeds;

    public ResetController(List<Resettable> resettables, SeedLoader seeds) {
        this.resettables = resettables;
        this.seeds = seeds;
    }

    /** {@code ?reseed=true} reloads the startup seed after the reset (nothing to reload without one). */
    @PostMapping("/_emulator/reset")
    public ResponseEntity<Void> reset(@RequestParam(required = false) String reseed) {
        seeds.reset(() -> resettables.forEach(Resettable::reset), reseed != null && bool("reseed", reseed));
        return ResponseEntity.noContent().build();
    }

    private static boolean bool(String name, String value) {
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw XblException.of(ErrorCode.INVALID_PARAMETER, "Query parameter '%s' must be true or false.", name);
    }
}
