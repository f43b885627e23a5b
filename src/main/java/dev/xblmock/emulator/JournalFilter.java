package dev.xblmock.emulator;

import java.io.IOException;
import java.time.Clock;

import dev.xblmock.common.CorrelationFilter;
import dev.xblmock.common.FilterOrder;
import dev.xblmock.common.Identity;
import dev.xblmock.common.XboxService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Journals every response of an Xbox route (401s and injected faults included: it runs before both), after
 * the rest of the chain has run, so the caller's identity and the final status are known. A streamed
 * response is recorded with the status it had when its handler returned. Control-plane requests are not
 * journaled. Costs one small object and one atomic increment per request; no body is captured.
 */
@Component
public class JournalFilter extends OncePerRequestFilter implements Ordered {

    private final RequestJournal journal;
    private final Clock clock;

    public JournalFilter(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return FilterOrder.JOURNAL;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !journal.enabled() || XboxService.of(request.getRequestURI()) == XboxService.CONTROL_PLANE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long startedMillis = clock.millis();
        long startedNanos = System.nanoTime();
        boolean failed = true;
        journal.begin();
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            // an exception escaping the chain becomes the container's 500
            int status = failed ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR : response.getStatus();
            Object identity = request.getAttribute(Identity.REQUEST_ATTRIBUTE);
            journal.record((String) request.getAttribute(CorrelationFilter.REQUEST_ID_ATTRIBUTE), startedMillis,
                    request.getMethod(), request.getRequestURI(), request.getQueryString(), status,
                    System.nanoTime() - startedNanos, identity instanceof Identity i ? i.xuid() : null);
            journal.end();
        }
    }
}
