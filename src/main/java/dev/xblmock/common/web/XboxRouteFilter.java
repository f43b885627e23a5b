package dev.xblmock.common.web;

import java.io.IOException;

import dev.xblmock.common.error.XblException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Base of the filters that apply to Xbox routes only (not the control plane). An {@link XblException}
 * thrown by a step is rendered by the same advice as controller errors, through the exception resolver.
 */
public abstract class XboxRouteFilter extends OncePerRequestFilter implements Ordered {

    private final HandlerExceptionResolver resolver;
    private final int order;

    protected XboxRouteFilter(HandlerExceptionResolver resolver, int order) {
        this.resolver = resolver;
        this.order = order;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return XboxService.of(request.getRequestURI()) == XboxService.CONTROL_PLANE;
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            check(request, response);
        } catch (XblException e) {
            resolver.resolveException(request, response, null, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Throws {@link XblException} to answer the request with a problem; returns to let it through. */
    protected abstract void check(HttpServletRequest request, HttpServletResponse response) throws IOException;
}
