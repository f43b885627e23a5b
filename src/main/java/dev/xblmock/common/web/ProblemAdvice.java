package dev.xblmock.common.web;

import java.util.List;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Renders every error as RFC 9457 problem+json with the catalogue's {@code code}. Filters hand their
 * exceptions here too (through the handler exception resolver), so there is exactly one renderer; it leaves
 * the code in the request attribute {@link #ERROR_CODE_ATTRIBUTE} for the request journal.
 */
@RestControllerAdvice
public class ProblemAdvice {

    /** The {@code code} of the problem answered to this request (a String), absent when none was. */
    public static final String ERROR_CODE_ATTRIBUTE = ProblemAdvice.class.getName() + ".errorCode";

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final List<RouteHints> routeHints;

    public ProblemAdvice(List<RouteHints> routeHints) {
        this.routeHints = routeHints;
    }

    @ExceptionHandler(XblException.class)
    public ResponseEntity<ProblemDetail> xbl(XblException e, HttpServletRequest request) {
        return render(e, request);
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    public ResponseEntity<ProblemDetail> noRoute(HttpServletRequest request) {
        String path = request.getRequestURI();
        String detail = "No route matches " + request.getMethod() + " " + path + ".";
        for (RouteHints hints : routeHints) {
            var hint = hints.hintFor(request.getMethod(), path);
            if (hint.isPresent()) {
                detail = detail + " " + hint.get();
                break;
            }
        }
        return render(new XblException(ErrorCode.NO_SUCH_ROUTE, detail), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ProblemDetail> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        var allowed = e.getSupportedHttpMethods();
        String allow = allowed == null ? "" : String.join(", ", allowed.stream().map(Object::toString).toList());
        var ex = new XblException(ErrorCode.METHOD_NOT_ALLOWED, 405,
                "Method " + e.getMethod() + " is not allowed on this route" + (allow.isEmpty() ? "." : "; allowed: " + allow + "."),
                allow.isEmpty() ? Map.of() : Map.of(HttpHeaders.ALLOW, allow));
        return render(ex, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return render(new XblException(ErrorCode.INVALID_BODY, "The request body is not valid JSON of the expected shape."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return render(new XblException(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type " + e.getContentType() + " is not supported here; send application/json."), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    public ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return render(new XblException(ErrorCode.INVALID_HEADER, "Accept header: no acceptable representation."), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return render(XblException.of(ErrorCode.INVALID_PARAMETER, "Query parameter '%s' is required.", e.getParameterName()), request);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        return render(XblException.of(ErrorCode.INVALID_HEADER, "Header '%s' is required.", e.getHeaderName()), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return render(XblException.of(ErrorCode.INVALID_PARAMETER, "Parameter '%s' has an invalid value.", e.getName()), request);
    }

    /** Tomcat could not parse the query string (e.g. a bad escape) when a parameter was first asked for. */
    @ExceptionHandler(InvalidParameterException.class)
    public ResponseEntity<ProblemDetail> unparseableParameters(InvalidParameterException e, HttpServletRequest request) {
        return render(new XblException(ErrorCode.INVALID_PARAMETER,
                "The query string could not be parsed into parameters; check its percent-encoding."), request);
    }

    /** The client went away mid-response: there is nobody to answer. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    public void clientGone() {
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request,
                                                    HttpServletResponse response) throws Exception {
        if (ClientDisconnects.isDisconnect(e)) {
            log.debug("client disconnected during {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        if (response.isCommitted()) {
            // A streamed body failed half-way: no problem can be sent any more. Rethrown, the container logs it
            // and aborts the connection, so the client sees a truncated response, not a complete-looking one.
            throw e;
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return render(new XblException(ErrorCode.INTERNAL_ERROR, "The emulator failed to process the request."), request);
    }

    static ResponseEntity<ProblemDetail> render(XblException e, HttpServletRequest request) {
        return render(e, request, request.getRequestURI());
    }

    static ResponseEntity<ProblemDetail> render(XblException e, HttpServletRequest request, String rawPath) {
        request.setAttribute(ERROR_CODE_ATTRIBUTE, e.errorCode().code());
        var builder = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        e.headers().forEach(builder::header);
        return builder.body(problem(e, RawPath.toUriReference(rawPath)));
    }

    /**
     * The problem body. {@code instance} is set here, from the raw path made URI-safe: left null, Spring would
     * fill it with {@code URI.create(requestURI)}, which throws on the very paths (with '\', '<', '{', a bad
     * escape) that most need a clean 400.
     */
    static ProblemDetail problem(XblException e, java.net.URI instance) {
        ProblemDetail body = ProblemDetail.forStatus(e.status());
        body.setType(java.net.URI.create(e.errorCode().typeUri()));
        body.setTitle(e.errorCode().title());
        body.setDetail(e.detail());
        body.setInstance(instance);
        body.setProperty("code", e.errorCode().code());
        return body;
    }
}
