package dev.xblmock.common.web;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's whitelabel/JSON error page: anything that reaches the container's error dispatch
 * (a {@code sendError} from the container or a library, an exception escaping a filter) is still answered
 * as problem+json. Errors raised before the application is reached are {@link ProblemErrorReportValve}'s.
 * A request for {@code /error} itself is 404 {@code NoSuchRoute}, like any other path that is no route.
 */
@RestController
public class ErrorPageController implements ErrorController {

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted()) {
            // included after a streamed body failed half-way (the container already logged it): nothing to add
            return null;
        }
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // a client asking for /error itself: not a route of ours
            return ProblemAdvice.render(new XblException(ErrorCode.NO_SUCH_ROUTE,
                    "No route matches " + request.getMethod() + " " + request.getRequestURI() + "."), request);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String rawPath = uri instanceof String s ? s : null;
        Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        XblException problem = ContainerErrors.describe(status, rawPath, cause instanceof Throwable t ? t : null,
                message instanceof String m ? m : null, -1);
        return ProblemAdvice.render(problem, request, rawPath == null ? request.getRequestURI() : rawPath);
    }
}
