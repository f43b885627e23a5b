package dev.xblmock.userstats.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.web.ContractVersion;
import dev.xblmock.common.web.QueryParameters;
import dev.xblmock.userstats.BatchRequestParser;
import dev.xblmock.userstats.JsonBodyReader;
import dev.xblmock.userstats.StatsProperties;
import dev.xblmock.userstats.StatsService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The User Statistics routes (SPEC 4): {@code GET /users/xuid({xuid})/scids/{scid}/stats[/{names}]} and
 * {@code POST /batch[?operation=read]}. Contract version 1 (or none) answers in the v1 shapes, 2 and 3 in the
 * v2 shapes; the version was parsed (400/406) by the contract-version filter. Only translates HTTP.
 */
@RestController
public class StatsController {

    private static final String SINGLE_USER = "/users/{user}/scids/{scid}/stats";

    private final StatsService service;
    private final BatchRequestParser parser;
    private final JsonBodyReader bodies;
    private final StatsProperties limits;

    public StatsController(StatsService service, JsonBodyReader bodies, StatsProperties limits) {
        this.service = service;
        this.parser = new BatchRequestParser(limits);
        this.bodies = bodies;
        this.limits = limits;
    }

    @GetMapping(path = {SINGLE_USER, SINGLE_USER + "/{names}"}, produces = MediaType.APPLICATION_JSON_VALUE)
    public Object readUser(@PathVariable String user, @PathVariable String scid,
                           @PathVariable(required = false) String names, ContractVersion version,
                           HttpServletRequest request) {
        Xuid xuid = Identifiers.xuidSegment(user);
        String scidValue = Identifiers.scid(scid);
        List<String> pathNames = names == null ? null : statNames(names, "The stat names segment");
        QueryParameters query = QueryParameters.parse(request.getQueryString());
        String queryNames = query.getOrNull("statNames");
        if (pathNames != null && queryNames != null) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Stat names are given both in the path and in 'statNames'; give them in one place.");
        }
        List<String> statNames = pathNames != null ? pathNames
                : queryNames != null ? statNames(queryNames, "Query parameter 'statNames'") : List.of();
        if (version.value() >= 2) {
            return service.readV2(xuid, scidValue, statNames, includesValueMetadata(version, query));
        }
        return service.readV1(xuid, scidValue, statNames);
    }

    @PostMapping(path = "/batch", produces = MediaType.APPLICATION_JSON_VALUE)
    public Object batch(ContractVersion version, HttpServletRequest request) throws IOException {
        QueryParameters query = QueryParameters.parse(request.getQueryString());
        String operation = query.getOrNull("operation");
        if (operation != null && !operation.equalsIgnoreCase("read")) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'operation' must be 'read' (the only batch operation), not '%s'.", operation);
        }
        JsonNode body = bodies.readObject(request.getInputStream(), request.getContentLengthLong());
        if (version.value() >= 2) {
            return service.batchV2(parser.v2(body), includesValueMetadata(version, query));
        }
        return service.batchV1(parser.v1(body));
    }

    /** A comma-separated list of 1 to max-names stat names; {@code what} names its source in errors. */
    private List<String> statNames(String list, String what) {
        String[] items = list.split(",", -1);
        if (items.length > limits.maxNames()) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER, "%s has %d stat names; at most %d are allowed "
                    + "(xblmock.stats.max-names).", what, items.length, limits.maxNames());
        }
        List<String> names = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            names.add(JsonMembers.at(what + ", name " + (i + 1), () -> Identifiers.statName(item)));
        }
        return names;
    }

    /** {@code ?include=valuemetadata} (a comma-separated list) counts in contract version 3 only. */
    private static boolean includesValueMetadata(ContractVersion version, QueryParameters query) {
        String include = query.getOrNull("include");
        if (version.value() < 3 || include == null) {
            return false;
        }
        for (String item : include.split(",")) {
            if (item.trim().equalsIgnoreCase("valuemetadata")) {
                return true;
            }
        }
        return false;
    }
}
