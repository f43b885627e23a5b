package dev.xblmock.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.web.FilterOrder;
import dev.xblmock.common.web.HostNames;
import dev.xblmock.common.web.XboxService;
import dev.xblmock.emulator.config.EmulatorProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The gate of the control plane, in front of every {@code /_emulator} route (those added later included). It
 * decides "is this the control plane" the way the router does ({@link XboxService#of}), then, in this order:
 * <ol>
 *   <li>refuses a prefix spelled any other way than {@code /_emulator}, and path parameters ({@code ;}): 400
 *       {@code InvalidPath}, so no spelling routes to a handler while slipping past a check;</li>
 *   <li>with {@code xblmock.control-plane.enabled=false}, answers everything but {@code GET /_emulator/health}
 *       404 {@code NoSuchRoute};</li>
 *   <li>refuses a {@code Host} that is neither a loopback name, an IP address nor an allowed name: 403
 *       {@code ForeignHost} (DNS rebinding, SPEC 5);</li>
 *   <li>refuses a state-changing request a page of another site sent: 403 {@code CrossSiteRequest}.</li>
 * </ol>
 */
@Component
public class ControlPlaneFilter extends OncePerRequestFilter implements Ordered {

    static final String HEALTH = XboxService.CONTROL_PLANE_PREFIX + "/health";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final HandlerExceptionResolver resolver;
    private final boolean enabled;
    private final List<String> allowedHosts;

    public ControlPlaneFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                              EmulatorProperties properties) {
        this.resolver = resolver;
        this.enabled = properties.controlPlane().enabled();
        this.allowedHosts = properties.controlPlane().allowedHosts().stream().map(HostNames::normalize).toList();
    }

    @Override
    public int getOrder() {
        return FilterOrder.CONTROL_PLANE;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return XboxService.of(request.getRequestURI()) != XboxService.CONTROL_PLANE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            check(request);
        } catch (XblException e) {
            resolver.resolveException(request, response, null, e);
            return;
        }
        chain.doFilter(request, response);
    }

    private void check(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!XboxService.isCanonicalControlPlanePath(path)) {
            throw XblException.of(ErrorCode.INVALID_PATH, "The control-plane path '%s' is not accepted: it must start "
                    + "with exactly '%s/', without percent-encoding, and carry no path parameters (';').",
                    Identifiers.printable(path), XboxService.CONTROL_PLANE_PREFIX);
        }
        if (!enabled && !(path.equals(HEALTH) && request.getMethod().equals("GET"))) {
            throw XblException.of(ErrorCode.NO_SUCH_ROUTE, "No route matches %s %s. The control plane is disabled "
                    + "(xblmock.control-plane.enabled=false); only GET %s answers.", request.getMethod(), path, HEALTH);
        }
        String host = request.getServerName();
        if (!isOwnHost(host)) {
            throw XblException.of(ErrorCode.FOREIGN_HOST, "The control plane answers requests addressed to a loopback "
                    + "name, an IP address or a name listed in xblmock.control-plane.allowed-hosts; this one was "
                    + "addressed to '%s'.", Identifiers.printable(host));
        }
        if (!SAFE_METHODS.contains(request.getMethod())) {
            checkSameSite(request.getHeader("Origin"), request.getHeader("Sec-Fetch-Site"), host);
        }
    }

    private boolean isOwnHost(String host) {
        if (HostNames.isLoopbackName(host) || HostNames.isIpLiteral(host)) {
            return true;
        }
        String name = HostNames.normalize(host);
        return allowedHosts.contains("*") || allowedHosts.contains(name);
    }

    /**
     * A page may change state only on its own site: its {@code Origin} names the host it was addressed to (any
     * port or scheme: the site, not the origin). Clients that are not browsers send neither header.
     */
    static void checkSameSite(String origin, String fetchSite, String host) {
        if ("cross-site".equalsIgnoreCase(fetchSite)) {
            throw XblException.of(ErrorCode.CROSS_SITE_REQUEST, "The browser marked this request cross-site "
                    + "(Sec-Fetch-Site: cross-site); pages of other sites may not change the emulator's state.");
        }
        if (origin != null && !HostNames.normalize(originHost(origin)).equals(HostNames.normalize(host))) {
            throw XblException.of(ErrorCode.CROSS_SITE_REQUEST, "A page of another site (Origin '%s') may not change "
                    + "the emulator's state; control-plane POST, PUT and DELETE requests are accepted from curl, "
                    + "scripts, the test fixture and pages served by the emulator itself.", Identifiers.printable(origin));
        }
    }

    /** The host of an {@code Origin} value; {@code ""} for {@code null} (sandboxed pages, files) or garbage. */
    private static String originHost(String origin) {
        try {
            String host = new URI(origin.trim()).getHost();
            return host == null ? "" : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
