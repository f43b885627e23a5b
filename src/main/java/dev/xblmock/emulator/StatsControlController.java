package dev.xblmock.emulator;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.web.QueryParameters;
import dev.xblmock.userstats.JsonBodyReader;
import dev.xblmock.userstats.StatGroup;
import dev.xblmock.userstats.StatWrites;
import dev.xblmock.userstats.StatsCatalog;
import dev.xblmock.userstats.StatsService;
import dev.xblmock.userstats.StoredStats;
import dev.xblmock.userstats.StoredUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stats routes of the control plane (SPEC 5, 7): {@code GET /_emulator/stats/users[/{xuid}[/scids/{scid}]]}
 * and {@code GET /_emulator/stats/catalog} list what is stored and what the seed defined; {@code PUT /_emulator/stats/users/{xuid}/scids/{scid}}
 * merges stats (and the gamertag) and answers 200 with the user's stored stats for that scid;
 * {@code DELETE /_emulator/stats/users/{xuid}[/scids/{scid}]} removes them (204). {@code {xuid}} is the
 * decimal xuid ({@code xuid(<digits>)} is accepted too). The body is JSON whatever its Content-Type.
 */
@RestController
public class StatsControlController {

    private static final String USERS = "/_emulator/stats/users";
    private static final String USER = USERS + "/{xuid}";
    private static final String CATALOG = "/_emulator/stats/catalog";
    private static final int DEFAULT_USERS = 100;
    private static final int MAX_USERS = 1000;

    private final StatsService stats;
    private final StatsCatalog catalog;
    private final JsonBodyReader bodies;

    public StatsControlController(StatsService stats, StatsCatalog catalog, JsonBodyReader bodies) {
        this.stats = stats;
        this.catalog = catalog;
        this.bodies = bodies;
    }

    public record UsersView(List<StoredUser> users, PagingView pagingInfo) {
    }

    public record PagingView(int totalItems) {
    }

    @JsonPropertyOrder({"titles", "groups"})
    public record CatalogView(List<TitleView> titles, List<StatGroup> groups) {
    }

    public record TitleView(String titleId, String scid) {
    }

    /** Users by xuid, each with every stat: {@code skipItems} and {@code maxItems} (1–1000, default 100) page them. */
    @GetMapping(path = USERS, produces = MediaType.APPLICATION_JSON_VALUE)
    public UsersView users(HttpServletRequest request) {
        QueryParameters query = QueryParameters.parse(request.getQueryString());
        int skip = query.intParameter("skipItems", 0, Integer.MAX_VALUE).orElse(0);
        int max = query.intParameter("maxItems", 1, MAX_USERS).orElse(DEFAULT_USERS);
        List<Xuid> xuids = stats.users();
        List<StoredUser> page = xuids.subList(Math.min(skip, xuids.size()), (int) Math.min((long) skip + max, xuids.size()))
                .stream().map(xuid -> StoredUser.of(xuid, stats.find(xuid))).toList();
        return new UsersView(page, new PagingView(xuids.size()));
    }

    @GetMapping(path = USER, produces = MediaType.APPLICATION_JSON_VALUE)
    public StoredUser user(@PathVariable("xuid") String xuidText) {
        Xuid xuid = xuid(xuidText);
        return StoredUser.of(xuid, stats.find(xuid));
    }

    @GetMapping(path = USER + "/scids/{scid}", produces = MediaType.APPLICATION_JSON_VALUE)
    public StoredStats get(@PathVariable("xuid") String xuidText, @PathVariable String scid) {
        return stats.stored(xuid(xuidText), Identifiers.scid(scid));
    }

    /** The seed's {@code titles} and {@code groups}. */
    @GetMapping(path = CATALOG, produces = MediaType.APPLICATION_JSON_VALUE)
    public CatalogView catalog() {
        List<TitleView> titles = catalog.titles().entrySet().stream()
                .map(title -> new TitleView(title.getKey(), title.getValue())).toList();
        return new CatalogView(titles, catalog.groups());
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
