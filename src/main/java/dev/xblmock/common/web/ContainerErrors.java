package dev.xblmock.common.web;

import java.util.Map;
import java.util.regex.Pattern;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;

/**
 * Describes an error the servlet container raised itself (before any filter ran, or through its error
 * dispatch) as a catalogue problem. A 400 on a hostile path is diagnosed again with {@link RawPath}, so it
 * names the character and position exactly as the filters would.
 */
final class ContainerErrors {

    /** Tomcat reports an overflowing request line or header block with this resource string of its own. */
    private static final String HEADER_TOO_LARGE_MESSAGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");
    private static final int MAX_REASON_LENGTH = 300;
    /** A container message that names a class is about the server's insides, not the request (SPEC 1.4). */
    private static final Pattern INTERNALS = Pattern.compile("Exception|java\\.|jakarta\\.|org\\.apache");

    private ContainerErrors() {
    }

    /**
     * @param rawPath        the raw request path, null when the request line could not be parsed
     * @param cause          the container's exception, if any
     * @param message        the container's error message, if any
     * @param maxHeaderBytes the connector's request header limit, or -1 when unknown
     */
    static XblException describe(int status, String rawPath, Throwable cause, String message, int maxHeaderBytes) {
        boolean pathParsed = rawPath != null && !rawPath.isEmpty();
        String limit = maxHeaderBytes > 0 ? "the limit of " + maxHeaderBytes + " bytes" : "the limit";
        if (cause instanceof IllegalArgumentException && HEADER_TOO_LARGE_MESSAGE != null
                && HEADER_TOO_LARGE_MESSAGE.equals(cause.getMessage())) {
            return pathParsed
                    ? problem(ErrorCode.HEADER_TOO_LARGE, "The request line and headers together exceed " + limit
                            + " (server.max-http-request-header-size).")
                    : problem(ErrorCode.URI_TOO_LONG, "The request line exceeds " + limit
                            + " (server.max-http-request-header-size); shorten the path or query.");
        }
        String reason = status >= 400 && status < 500 ? reason(cause, message) : "";
        if (status == 400) {
            if (pathParsed) {
                try {
                    RawPath.validate(rawPath);
                } catch (XblException e) {
                    return e;
                }
                return new XblException(ErrorCode.MALFORMED_REQUEST, "The HTTP layer could not parse the request" + reason);
            }
            return new XblException(ErrorCode.INVALID_PATH, "The request target could not be parsed" + reason);
        }
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NO_SUCH_ROUTE;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        HttpStatus resolved = HttpStatus.resolve(status);
        String statusText = status + (resolved == null ? "" : " " + resolved.getReasonPhrase());
        String detail = status >= 500
                ? "The emulator failed to process the request (" + statusText + ")."
                : "The request was rejected by the HTTP layer (" + statusText + ")" + reason;
        return new XblException(code, status, detail, Map.of());
    }

    private static XblException problem(ErrorCode code, String detail) {
        return new XblException(code, detail);
    }

    /** The container's own first line of explanation (client errors only: never internals of a 5xx). */
    private static String reason(Throwable cause, String message) {
        String text = cause != null && cause.getMessage() != null ? cause.getMessage() : message;
        if (text == null || text.isBlank()) {
            return ".";
        }
        int newline = text.indexOf('\n');
        String line = (newline < 0 ? text : text.substring(0, newline)).strip();
        if (INTERNALS.matcher(line).find()) {
            return ".";
        }
        if (line.length() > MAX_REASON_LENGTH) {
            line = line.substring(0, MAX_REASON_LENGTH) + "…";
        }
        return ": " + Identifiers.printable(line) + (line.endsWith(".") ? "" : ".");
    }
}
