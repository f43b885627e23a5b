package dev.xblmock.userstats.web;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.storage.Resettable;
import dev.xblmock.common.web.FilterOrder;
import dev.xblmock.common.web.PipelineValues;
import dev.xblmock.common.web.XboxService;
import dev.xblmock.userstats.RateLimitProperties;
import dev.xblmock.userstats.RateLimiter;
import dev.xblmock.userstats.SlidingWindowRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optional rate limiting of User Statistics reads (SPEC 4.3, {@code xblmock.rate-limit.enabled}): per
 * (caller, service), a burst window and a sustain window. Runs after authentication and the contract
 * version check (SPEC 7). The caller is the token's xuid, or the client address for anonymous callers.
 */
@Component
public class StatsRateLimitFilter extends OncePerRequestFilter implements Ordered, Resettable {

    /**
     * The 429 body is the one Xbox Live documents for its rate limiting, which clients parse, so it is
     * deliberately not problem+json (the only error of the emulator that is not).
     */
    @JsonPropertyOrder({"version", "currentRequests", "maxRequests", "periodInSeconds", "limitType"})
    record RateLimitBody(int version, int currentRequests, int maxRequests, long periodInSeconds, String limitType) {
    }

    private final boolean enabled;
    private final RateLimiter limiter;
    private final JsonMapper json;

    /** @param shared the cluster backend's limiter, counting across instances; absent, this process counts */
    public StatsRateLimitFilter(RateLimitProperties properties, Clock clock, JsonMapper json,
                                ObjectProvider<RateLimiter> shared) {
        this.enabled = properties.enabled();
        this.limiter = shared.getIfAvailable(
                () -> new SlidingWindowRateLimiter(properties.userstatsWindows(), properties.maxCallers(), clock));
        this.json = json;
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !enabled || XboxService.of(request.getRequestURI()) != XboxService.USER_STATS;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RateLimiter.Refusal> refusal = limiter.tryAcquire(caller(request));
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimiter.Refusal r = refusal.get();
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(r.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        byte[] body = json.writeValueAsBytes(new RateLimitBody(1, r.currentRequests(), r.window().maxRequests(),
                r.window().period().toSeconds(), "rate"));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String caller(HttpServletRequest request) {
        Identity identity = PipelineValues.identity(request).orElse(Identity.ANONYMOUS);
        String who = identity.anonymous() ? "anonymous@" + request.getRemoteAddr() : "xuid:" + identity.xuid();
        return XboxService.USER_STATS.journalName() + "|" + who;
    }

    @Override
    public void reset() {
        limiter.reset();
    }
}
