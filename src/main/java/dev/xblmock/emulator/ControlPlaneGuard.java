package dev.xblmock.emulator;

import java.io.IOException;

import dev.xblmock.common.ErrorCode;
import dev.xblmock.common.FilterOrder;
import dev.xblmock.common.XblException;
import dev.xblmock.common.XboxService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * With {@code xblmock.control-plane.enabled=false}, every {@code /_emulator} route but health answers 404
 * {@code NoSuchRoute}, whichever controller would have served it (so routes added later are covered too).
 */
@Component
@ConditionalOnProperty(name = "xblmock.control-plane.enabled", havingValue = "false")
public class ControlPlaneGuard extends OncePerRequestFilter implements Ordered {

    static final String HEALTH = XboxService.CONTROL_PLANE_PREFIX + "/health";

    private final HandlerExceptionResolver resolver;

    public ControlPlaneGuard(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public int getOrder() {
        return FilterOrder.JOURNAL - 1;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals(XboxService.CONTROL_PLANE_PREFIX) || path.startsWith(XboxService.CONTROL_PLANE_PREFIX + "/"))
                || path.equals(HEALTH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        resolver.resolveException(request, response, null, new XblException(ErrorCode.NO_SUCH_ROUTE,
                "No route matches " + request.getMethod() + " " + request.getRequestURI() + ". The control plane is "
                        + "disabled (xblmock.control-plane.enabled=false); only GET " + HEALTH + " answers."));
    }
}
