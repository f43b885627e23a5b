package dev.xblmock.emulator;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /_emulator/reset}: an {@link EmulatorReset}. If the seed file has become invalid meanwhile, the
 * reset stands and the answer is the seed's 400.
 */
@RestController
public class ResetController {

    private final EmulatorReset emulator;

    public ResetController(EmulatorReset emulator) {
        this.emulator = emulator;
    }

    /** {@code ?reseed=true} reloads the startup seed after the reset (nothing to reload without one). */
    @PostMapping("/_emulator/reset")
    public ResponseEntity<Void> reset(@RequestParam(required = false) String reseed) {
        emulator.reset(reseed != null && bool("reseed", reseed));
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
