package dev.xblmock.titlestorage.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.web.NonBlockingBody;
import dev.xblmock.titlestorage.ClientFileTimes;
import dev.xblmock.titlestorage.Download;
import dev.xblmock.titlestorage.ListingPage;
import dev.xblmock.titlestorage.QuotaInfo;
import dev.xblmock.titlestorage.StoragePath;
import dev.xblmock.titlestorage.StoragePaths;
import dev.xblmock.titlestorage.TitleStorageService;
import dev.xblmock.titlestorage.UploadOutcome;
import dev.xblmock.titlestorage.domain.Etag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Title Storage over HTTP (SPEC 3.3–3.7): parses the raw path into a {@link StoragePath}, calls one service
 * method and renders its result. Blob bodies are streamed between the servlet streams and the store; downloads
 * with non-blocking writes ({@link NonBlockingBody}).
 */
@RestController
@RequestMapping({"/global/**", "/trustedplatform/**", "/universalplatform/**", "/untrustedplatform/**", "/json/**",
        "/sessions/**"})
public class TitleStorageController {

    private final TitleStorageService service;
    private final NonBlockingBody bodies;

    public TitleStorageController(TitleStorageService service, NonBlockingBody bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @GetMapping
    public ResponseEntity<?> get(Identity caller, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StoragePath path = StoragePaths.parse(request.getRequestURI());
        if (path instanceof StoragePath.Quota quota) {
            QuotaInfo info = service.quota(quota.namespace(), caller);
            return json(HttpStatus.OK, Map.of("quotaInfo", info));
        }
        if (path instanceof StoragePath.Listing listing) {
            return json(HttpStatus.OK, ListingResponse.of(
                    service.list(listing.namespace(), listing.directory(), caller,
                            StorageCommands.paging(request.getQueryString()))));
        }
        if (path instanceof StoragePath.Blob blob) {
            Download download = service.download(blob.key(), caller, StorageCommands.download(request, caller));
            DownloadResponses.write(download, request, response, bodies);
            return null;
        }
        throw methodNotAllowed("GET", path);
    }

    @PutMapping
    public ResponseEntity<?> put(Identity caller, HttpServletRequest request) throws IOException {
        StoragePath path = StoragePaths.parse(request.getRequestURI());
        if (!(path instanceof StoragePath.Blob blob)) {
            throw methodNotAllowed("PUT", path);
        }
        UploadOutcome outcome;
        try (InputStream body = request.getInputStream()) {
            outcome = service.upload(blob.key(), caller, StorageCommands.upload(request.getQueryString(),
                    StorageCommands.preconditions(request), request.getContentLengthLong()), body);
        }
        return switch (outcome.kind()) {
            case CREATED -> withEtag(HttpStatus.CREATED, outcome.etag()).body(Map.of());
            case COMMITTED -> withEtag(HttpStatus.OK, outcome.etag()).body(Map.of());
            case BLOCK_ACCEPTED -> json(HttpStatus.OK, Map.of("continuationToken", outcome.continuationToken()));
        };
    }

    @DeleteMapping
    public ResponseEntity<Void> delete(Identity caller, HttpServletRequest request) {
        StoragePath path = StoragePaths.parse(request.getRequestURI());
        if (!(path instanceof StoragePath.Blob blob)) {
            throw methodNotAllowed("DELETE", path);
        }
        service.delete(blob.key(), caller, StorageCommands.preconditions(request));
        return ResponseEntity.ok().build();
    }

    /**
     * POST and PATCH: 405 with the methods the parsed path allows. Without this Spring would answer 405 itself,
     * listing every method of this controller (GET, PUT, DELETE) whatever the path. A batch download's POST
     * goes to {@link BatchDownloadController}, whose mapping is more specific.
     */
    @RequestMapping(method = {RequestMethod.POST, RequestMethod.PATCH})
    public void otherMethod(HttpServletRequest request) {
        throw methodNotAllowed(request.getMethod(), StoragePaths.parse(request.getRequestURI()));
    }

    private static ResponseEntity.BodyBuilder withEtag(HttpStatus status, Etag etag) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.ETAG, etag.toString());
    }

    private static ResponseEntity<Object> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The methods a path's shape allows (SPEC 3.3–3.9), as an {@code Allow} header value. */
    private static XblException methodNotAllowed(String method, StoragePath path) {
        String allowed = path instanceof StoragePath.Blob ? "GET, PUT, DELETE"
                : path instanceof StoragePath.BatchBlob ? "POST" : "GET";
        return methodNotAllowed(method, allowed);
    }

    private static XblException methodNotAllowed(String method, String allowed) {
        return new XblException(ErrorCode.METHOD_NOT_ALLOWED, 405,
                "Method " + method + " is not allowed on this route; allowed: " + allowed + ".",
                Map.of(HttpHeaders.ALLOW, allowed));
    }

    /** The listing's wire shape (SPEC 3.6). */
    record ListingResponse(List<Entry> blobs, PagingInfo pagingInfo) {

        static ListingResponse of(ListingPage page) {
            return new ListingResponse(page.blobs().stream().map(item -> new Entry(item.fileName(),
                    item.etag().toString(), item.size(),
                    item.clientFileTime() == null ? null : ClientFileTimes.format(item.clientFileTime()),
                    item.displayName())).toList(), new PagingInfo(page.totalItems(), page.continuationToken()));
        }

        /** clientFileTime and displayName are omitted when unset, never null (XSAPI fails on null). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Entry(String fileName, String etag, long size, String clientFileTime, String displayName) {
        }

        /** continuationToken is always present: a string, or null on the last page. */
        record PagingInfo(int totalItems, String continuationToken) {
        }
    }
}
