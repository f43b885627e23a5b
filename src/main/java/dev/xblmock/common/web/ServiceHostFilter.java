package dev.xblmock.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers an Xbox route its {@code Host} does not serve with 404 {@code NoSuchRoute} ({@link ServiceHosts}). A
 * route error, so it runs with the raw path check, after authentication and contract version (SPEC 7); the
 * answer is an ordinary problem, logged by nobody.
 */
@Component
public class ServiceHostFilter extends XboxRouteFilter {

    public ServiceHostFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        super(resolver, FilterOrder.SERVICE_HOST);
    }

    @Override
    protected void check(HttpServletRequest request, HttpServletResponse response) {
        // the Host header's name without its port (the listener's address when a request has no Host)
        var refusal = ServiceHosts.refusal(request.getMethod(), request.getServerName(), request.getRequestURI());
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
