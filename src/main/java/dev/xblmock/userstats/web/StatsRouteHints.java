package dev.xblmock.userstats.web;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.xblmock.common.web.RouteHints;
import dev.xblmock.common.web.XboxService;
import org.springframework.stereotype.Component;

/** "Did you mean" hints for near misses of the User Statistics routes (SPEC 1.4). */
@Component
public class StatsRouteHints implements RouteHints {

    private static final Pattern ALMOST_STATS = Pattern.compile("/users/[^/]+/scids/[^/]+/(?i:stat|statistics|stats)/?");

    @Override
    public Optional<String> hintFor(String method, String rawPath) {
        if (XboxService.of(rawPath) != XboxService.USER_STATS) {
            return Optional.empty();
        }
        if (rawPath.startsWith("/batch")) {
            return Optional.of("The User Statistics batch route is POST /batch?operation=read.");
        }
        if (ALMOST_STATS.matcher(rawPath).matches()) {
            return Optional.of("Did you mean .../stats (lower case, no trailing '/')?");
        }
        return Optional.of("A user's stats are read with GET /users/xuid({xuid})/scids/{scid}/stats[/{name},{name}…].");
    }
}
