package dev.xblmock.emulator;

import java.io.IOException;

import dev.xblmock.common.Identifiers;
import dev.xblmock.common.Xuid;
import dev.xblmock.userstats.JsonBodyReader;
import dev.xblmock.userstats.StatWrites;
import dev.xblmock.userstats.StatsService;
import dev.xblmock.userstats.StoredStats;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stats routes of the control plane (SPEC 5, 7): {@code PUT /_emulator/stats/users/{xuid}/scids/{scid}}
 * merges stats (and the gamertag) and answers 200 with the user's stored stats for that scid;
 * {@code DELETE /_emulator/stats/users/{xuid}[/scids/{scid}]} removes them (204). {@code {xuid}} is the
 * decimal xuid ({@code xuid(<digits>)} is accepted too). The body is JSON whatever its Content-Type.
 */
@RestController
public class StatsControlController {

    private static final String USER = "/_emulator/stats/users/{xuid}";

    private final StatsService stats;
    private final JsonBodyReader bodies;

    public StatsControlController(StatsService stats, JsonBodyReader bodies) {
        this.stats = stats;
        this.bodies = bodies;
    }

    @PutMapping(path = USER + "/scids/{scid}", produces = MediaType.APPLICATION_JSON_VALUE)
    public StoredStats put(@PathVariable("xuid") String xuidText, @PathVariable String scid, HttpServletRequest request)
            throws IOException {
        Xuid xuid = xuid(xuidText);
        String scidValue = Identifiers.scid(scid);
        var patch = StatWrites.patch(bodies.readObject(request.getInputStream(), request.getContentLengthLong()));
        return stats.write(xuid, scidValue, patch);
    }

    @DeleteMapping(USER)
    public ResponseEntity<Void> deleteUser(@PathVariable("xuid") String xuidText) {
        stats.deleteUser(xuid(xuidText));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(USER + "/scids/{scid}")
    public ResponseEntity<Void> deleteScid(@PathVariable("xuid") String xuidText, @PathVariable String scid) {
        stats.deleteScid(xuid(xuidText), Identifiers.scid(scid));
        return ResponseEntity.noContent().build();
    }

    private static Xuid xuid(String text) {
        return text.startsWith("xuid(") ? Identifiers.xuidSegment(text) : Identifiers.xuid(text, "xuid");
    }
}
