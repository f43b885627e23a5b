package dev.xblmock.common.error;

import org.springframework.http.HttpStatus;

/**
 * The single error catalogue: every error the emulator answers has one of these entries, which fixes its
 * HTTP status and the stable machine-readable {@code code} member of the problem+json body.
 */
public enum ErrorCode {
    // 400: request shape
    INVALID_PATH(HttpStatus.BAD_REQUEST, "InvalidPath", "Invalid path"),
    INVALID_XUID(HttpStatus.BAD_REQUEST, "InvalidXuid", "Invalid xuid"),
    INVALID_SCID(HttpStatus.BAD_REQUEST, "InvalidScid", "Invalid scid"),
    INVALID_SESSION_ID(HttpStatus.BAD_REQUEST, "InvalidSessionId", "Invalid session id"),
    INVALID_DISPLAY_NAME(HttpStatus.BAD_REQUEST, "InvalidDisplayName", "Invalid displayName"),
    TYPE_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "TypeNotAllowed", "Type not allowed for this storage root"),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "InvalidParameter", "Invalid query parameter"),
    INVALID_HEADER(HttpStatus.BAD_REQUEST, "InvalidHeader", "Invalid header"),
    INVALID_CONTRACT_VERSION(HttpStatus.BAD_REQUEST, "InvalidContractVersion", "Invalid contract version"),
    INVALID_CONTINUATION_TOKEN(HttpStatus.BAD_REQUEST, "InvalidContinuationToken", "Invalid continuation token"),
    INVALID_SELECT(HttpStatus.BAD_REQUEST, "InvalidSelect", "Invalid select"),
    INVALID_JSON(HttpStatus.BAD_REQUEST, "InvalidJson", "Invalid JSON"),
    INVALID_BODY(HttpStatus.BAD_REQUEST, "InvalidBody", "Invalid request body"),
    BODY_TOO_LARGE(HttpStatus.BAD_REQUEST, "BodyTooLarge", "Request body too large"),
    BLOCK_TOO_SMALL(HttpStatus.BAD_REQUEST, "BlockTooSmall", "Block too small"),
    BLOB_TOO_LARGE(HttpStatus.BAD_REQUEST, "BlobTooLarge", "Blob too large"),
    MULTI_BLOCK_NOT_ALLOWED(HttpStatus.BAD_REQUEST, "MultiBlockNotAllowed", "Multi-block upload not allowed"),
    QUOTA_EXCEEDED(HttpStatus.BAD_REQUEST, "QuotaExceeded", "Quota exceeded"),
    UNKNOWN_TITLE(HttpStatus.BAD_REQUEST, "UnknownTitle", "Unknown title"),
    INVALID_STAT(HttpStatus.BAD_REQUEST, "InvalidStat", "Invalid stat"),
    INVALID_SEED(HttpStatus.BAD_REQUEST, "InvalidSeed", "Invalid seed manifest"),
    INVALID_FAULT_RULE(HttpStatus.BAD_REQUEST, "InvalidFaultRule", "Invalid fault rule"),
    /** The HTTP layer could not parse the request (request line, protocol, header syntax). */
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "MalformedRequest", "Malformed request"),
    // 401/403
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized", "Unauthorized"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden", "Forbidden"),
    /** A state-changing control-plane request sent by a page of another site (SPEC 5, browser safety). */
    CROSS_SITE_REQUEST(HttpStatus.FORBIDDEN, "CrossSiteRequest", "Cross-site request refused"),
    /** A control-plane request addressed to a host name that is not the emulator's (SPEC 5, DNS rebinding). */
    FOREIGN_HOST(HttpStatus.FORBIDDEN, "ForeignHost", "Foreign host refused"),
    // 404/405/406
    NO_SUCH_ROUTE(HttpStatus.NOT_FOUND, "NoSuchRoute", "No such route"),
    BLOB_NOT_FOUND(HttpStatus.NOT_FOUND, "BlobNotFound", "Blob not found"),
    SELECT_NOT_FOUND(HttpStatus.NOT_FOUND, "SelectNotFound", "Selected property not found"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "NotFound", "Not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowed", "Method not allowed"),
    UNSUPPORTED_CONTRACT_VERSION(HttpStatus.NOT_ACCEPTABLE, "UnsupportedContractVersion",
            "Unsupported contract version"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaType", "Unsupported media type"),
    // 414/431: the request line or headers exceed the connector's buffer
    URI_TOO_LONG(HttpStatus.URI_TOO_LONG, "UriTooLong", "Request line too long"),
    HEADER_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HeaderTooLarge", "Request headers too large"),
    // 408: a request body that trickled past xblmock.http.request-body-timeout
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "RequestTimeout", "Request body too slow"),
    // 412/416/429
    PRECONDITION_FAILED(HttpStatus.PRECONDITION_FAILED, "PreconditionFailed", "Precondition failed"),
    RANGE_NOT_SATISFIABLE(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "RangeNotSatisfiable",
            "Range not satisfiable"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "RateLimited", "Too many requests"),
    // injected by a fault rule: the rule gives the status
    INJECTED_FAULT(HttpStatus.SERVICE_UNAVAILABLE, "InjectedFault", "Injected fault"),
    // 5xx
    STORAGE_UNAVAILABLE(HttpStatus.INTERNAL_SERVER_ERROR, "StorageUnavailable", "Storage unavailable"),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable", "Service unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "InternalError", "Internal error"),
    // answered by the proxy port itself (dev.xblmock.tls), never by the emulated services
    MALFORMED_PROXY_REQUEST(HttpStatus.BAD_REQUEST, "MalformedProxyRequest", "Malformed proxy request"),
    PROXY_FORBIDDEN(HttpStatus.FORBIDDEN, "ProxyForbidden", "Proxy target forbidden"),
    PROXY_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "ProxyBusy", "Proxy busy");

    private final HttpStatus status;
    private final String code;
    private final String title;

    ErrorCode(HttpStatus status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The problem {@code type} URI: stable, documented in docs/errors, never resolvable to a host. */
    public String typeUri() {
        return "urn:xblmock:error:" + code;
    }
}
