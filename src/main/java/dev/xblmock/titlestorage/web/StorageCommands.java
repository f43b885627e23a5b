package dev.xblmock.titlestorage.web;

import java.util.function.Supplier;

import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.web.QueryParameters;
import dev.xblmock.titlestorage.ClientFileTimes;
import dev.xblmock.titlestorage.DownloadCommand;
import dev.xblmock.titlestorage.ListingPaging;
import dev.xblmock.titlestorage.Preconditions;
import dev.xblmock.titlestorage.UploadCommand;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Turns a Title Storage request's query parameters and headers into the service's typed commands. Each is
 * parsed when the service asks for it, after its route and ownership checks, so a bad parameter is refused
 * at its place in SPEC 7's order. The control plane's storage routes read the same parameters the same way.
 */
public final class StorageCommands {

    private StorageCommands() {
    }

    public static Preconditions preconditions(HttpServletRequest request) {
        return new Preconditions(request.getHeader(HttpHeaders.IF_MATCH), request.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    static Supplier<DownloadCommand> download(HttpServletRequest request, Identity caller) {
        return () -> {
            QueryParameters query = QueryParameters.parse(request.getQueryString());
            return new DownloadCommand(preconditions(request), RangeHeader.parse(request.getHeader(HttpHeaders.RANGE)),
                    query.getOrNull("select"), query.getOrNull("customSelector"),
                    request.getHeader(HttpHeaders.ACCEPT_LANGUAGE), caller.titleId());
        };
    }

    /** @param rawQuery the query holding {@code finalBlock}, {@code continuationToken} and the attributes */
    public static Supplier<UploadCommand> upload(String rawQuery, Preconditions preconditions, long contentLength) {
        return () -> {
            QueryParameters query = QueryParameters.parse(rawQuery);
            return new UploadCommand(preconditions, query.booleanParameter("finalBlock").orElse(null),
                    query.getOrNull("continuationToken"), ClientFileTimes.parse(query.getOrNull("clientFileTime")),
                    Identifiers.displayName(query.getOrNull("displayName")), contentLength < 0 ? null : contentLength);
        };
    }

    public static Supplier<ListingPaging> paging(String rawQuery) {
        return () -> {
            QueryParameters query = QueryParameters.parse(rawQuery);
            return new ListingPaging(
                    query.intParameter("maxItems", 1, ListingPaging.LARGEST_MAX_ITEMS).orElse(ListingPaging.DEFAULT_MAX_ITEMS),
                    query.intParameter("skipItems", 0, Integer.MAX_VALUE).orElse(0),
                    query.getOrNull("continuationToken"));
        };
    }
}
