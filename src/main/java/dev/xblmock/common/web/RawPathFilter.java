package dev.xblmock.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Rejects hostile raw paths ({@link RawPath}) with {@code InvalidPath} before any route sees them. The
 * connector passes such paths through undecoded ({@link TomcatHardening}) so that this check, not the
 * container, answers them. Runs after authentication and contract version, as SPEC 7 orders route errors.
 */
@Component
public class RawPathFilter extends XboxRouteFilter {

    public RawPathFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        super(resolver, FilterOrder.RAW_PATH);
    }

    /** Every path, the control plane included: no route of either kind accepts these forms. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return false;
    }

    @Override
    protected void check(HttpServletRequest request, HttpServletResponse response) {
        RawPath.validate(request.getRequestURI());
    }
}
