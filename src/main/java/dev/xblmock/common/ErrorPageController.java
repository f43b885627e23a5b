package dev.xblmock.common;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel/JSON error page: anything that reaches the container's error dispatch
 * (a {@code sendError} from the container or a library) is still answered as problem+json.
 */
@RestController
public class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // included after a streamed body failed half-way (the container already logged it): nothing to add
            return null;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        ErrorCode errorCode = switch (status) {
            case 400 -> ErrorCode.INVALID_PATH;
            case 404 -> ErrorCode.NO_SUCH_ROUTE;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.BODY_TOO_LARGE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_HEADER;
        };
        HttpStatus resolved = HttpStatus.resolve(status);
        String reason = resolved == null ? "error" : resolved.getReasonPhrase();
        return ProblemAdvice.render(new XblException(errorCode, status,
                "The request was rejected by the HTTP layer (" + status + " " + reason + ").", java.util.Map.of()));
    }
}
