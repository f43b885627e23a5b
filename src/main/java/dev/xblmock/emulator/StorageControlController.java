package dev.xblmock.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.web.NonBlockingBody;
import dev.xblmock.common.web.QueryParameters;
import dev.xblmock.titlestorage.ClientFileTimes;
import dev.xblmock.titlestorage.ListingPage;
import dev.xblmock.titlestorage.StoragePaths;
import dev.xblmock.titlestorage.TitleStorageService;
import dev.xblmock.titlestorage.UploadOutcome;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.NamespaceUsage;
import dev.xblmock.titlestorage.web.DownloadResponses;
import dev.xblmock.titlestorage.web.RangeHeader;
import dev.xblmock.titlestorage.web.StorageCommands;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Title Storage for the control plane (the dashboard, scripts): every namespace with its usage, listings and
 * blob reads, writes and deletes in any namespace without an Xbox token. The namespace is its root path
 * ({@code namespace=/json/users/xuid(1)/scids/S}) and a blob its {@code name} ({@code saves/slot1.json,json}),
 * both query parameters checked by the Xbox routes' validator. Everything goes through
 * {@link TitleStorageService} as {@link Identity#OPERATOR}: limits, JSON rules, quotas and conditions apply;
 * ownership does not.
 */
@RestController
public class StorageControlController {

    static final String NAMESPACES = "/_emulator/storage/namespaces";
    static final String BLOBS = "/_emulator/storage/blobs";
    static final String BLOB = "/_emulator/storage/blob";

    private final TitleStorageService storage;
    private final NonBlockingBody bodies;

    public StorageControlController(TitleStorageService storage, NonBlockingBody bodies) {
        this.storage = storage;
        this.bodies = bodies;
    }

    @JsonPropertyOrder({"namespace", "root", "owner", "scid", "blobs", "usedBytes", "quotaBytes"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NamespaceView(String namespace, String root, String owner, String scid, int blobs, long usedBytes,
                                long quotaBytes) {
    }

    public record NamespacesView(List<NamespaceView> namespaces) {
    }

    @JsonPropertyOrder({"fileName", "path", "type", "etag", "size", "clientFileTime", "displayName"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlobView(String fileName, String path, String type, String etag, long size, String clientFileTime,
                           String displayName) {
    }

    /** As the Xbox listing's: {@code continuationToken} is null on the last page. */
    public record PagingView(int totalItems, String continuationToken) {
    }

    @JsonPropertyOrder({"namespace", "path", "blobs", "pagingInfo"})
    public record BlobsView(String namespace, String path, List<BlobView> blobs, PagingView pagingInfo) {
    }

    public record WrittenView(String etag) {
    }

    @GetMapping(path = NAMESPACES, produces = MediaType.APPLICATION_JSON_VALUE)
    public NamespacesView namespaces() {
        return new NamespacesView(storage.namespaces().stream().map(this::view).toList());
    }

    private NamespaceView view(NamespaceUsage usage) {
        Namespace ns = usage.namespace();
        return new NamespaceView(ns.rootPath(), ns.root().segment(), ns.owner().isEmpty() ? null : ns.owner(),
                ns.scid(), usage.blobs(), usage.usedBytes(), storage.quotaBytes(ns));
    }

    /**
     * {@code namespace}, optional {@code path} (a directory: its blobs and those below it), and the Xbox
     * listing's paging: {@code maxItems} (1–1000, default 100), {@code skipItems}, {@code continuationToken}.
     */
    @GetMapping(path = BLOBS, produces = MediaType.APPLICATION_JSON_VALUE)
    public BlobsView blobs(HttpServletRequest request) {
        QueryParameters query = QueryParameters.parse(request.getQueryString());
        Namespace namespace = namespace(query);
        String directory = Identifiers.listingPath(query.getOrNull("path"));
        ListingPage page = storage.list(namespace, directory, Identity.OPERATOR,
                StorageCommands.paging(request.getQueryString()));
        List<BlobView> blobs = page.blobs().stream().map(item -> {
            BlobKey key = StoragePaths.blobKey(namespace, item.fileName());
            return new BlobView(item.fileName(), key.path(), key.type().wireName(), item.etag().toString(), item.size(),
                    item.clientFileTime() == null ? null : ClientFileTimes.format(item.clientFileTime()), item.displayName());
        }).toList();
        return new BlobsView(namespace.rootPath(), directory, blobs,
                new PagingView(page.totalItems(), page.continuationToken()));
    }

    /** The stored bytes, as stored (config virtual nodes unresolved); {@code Range} and conditions as on the Xbox route. */
    @GetMapping(BLOB)
    public void read(HttpServletRequest request, HttpServletResponse response) throws IOException {
        BlobKey key = blobKey(QueryParameters.parse(request.getQueryString()));
        DownloadResponses.write(storage.stored(key, StorageCommands.preconditions(request),
                RangeHeader.parse(request.getHeader(HttpHeaders.RANGE))), request, response, bodies);
    }

    /** A whole upload (any size up to the blob limit), with optional {@code displayName} and {@code clientFileTime}. */
    @PutMapping(path = BLOB, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<WrittenView> write(HttpServletRequest request) throws IOException {
        QueryParameters query = QueryParameters.parse(request.getQueryString());
        BlobKey key = blobKey(query);
        UploadOutcome outcome;
        try (InputStream body = request.getInputStream()) {
            // only the attributes: multi-block uploads are the Xbox route's business
            outcome = storage.upload(key, Identity.OPERATOR, StorageCommands.upload(attributesQuery(request.getQueryString()),
                    StorageCommands.preconditions(request), request.getContentLengthLong()), body);
        }
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.ETAG, outcome.etag().toString())
                .body(new WrittenView(outcome.etag().toString()));
    }

    @DeleteMapping(BLOB)
    public ResponseEntity<Void> delete(HttpServletRequest request) {
        BlobKey key = blobKey(QueryParameters.parse(request.getQueryString()));
        storage.delete(key, Identity.OPERATOR, StorageCommands.preconditions(request));
        return ResponseEntity.noContent().build();
    }

    private static Namespace namespace(QueryParameters query) {
        String value = query.get("namespace").orElseThrow(() -> XblException.of(ErrorCode.INVALID_PARAMETER,
                "Query parameter 'namespace' is required: a namespace's root path, e.g. /global/scids/<scid>."));
        return StoragePaths.namespace(value, "Query parameter 'namespace'");
    }

    private static BlobKey blobKey(QueryParameters query) {
        Namespace namespace = namespace(query);
        String name = query.get("name").orElseThrow(() -> XblException.of(ErrorCode.INVALID_PARAMETER,
                "Query parameter 'name' is required: <pathAndFileName>,<type>, e.g. saves/slot1.json,json."));
        return StoragePaths.blobKey(namespace, name);
    }

    /** The raw {@code displayName} and {@code clientFileTime} pairs of the query, nothing else. */
    private static String attributesQuery(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith("displayName=") || pair.startsWith("clientFileTime=")) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }

}
