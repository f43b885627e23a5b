package dev.xblmock.emulator.journal;

import java.io.IOException;
import java.time.Clock;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.web.CorrelationFilter;
import dev.xblmock.common.web.FilterOrder;
import dev.xblmock.common.web.PipelineValues;
import dev.xblmock.common.web.ProblemAdvice;
import dev.xblmock.common.web.XboxService;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Journals every response of an Xbox route (401s and injected faults included: it runs before both), after
 * the rest of the chain has run, so the caller's identity and the final status are known. A request that
 * went asynchronous (its body received, or its response written, with non-blocking I/O) is recorded when it
 * completes. The problem's {@code code}, if any, is the one {@link ProblemAdvice} rendered. Control-plane
 * requests are not journaled. Costs one small object and one atomic increment per request; no body is captured.
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
        long sequence = journal.begin();
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new RecordWhenComplete(request, response, sequence,
                        startedMillis, startedNanos));
            } else {
                // an exception escaping the chain becomes the container's 500
                if (failed) {
                    record(request, sequence, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                            ErrorCode.INTERNAL_ERROR.code(), startedMillis, startedNanos);
                } else {
                    record(request, sequence, response.getStatus(), startedMillis, startedNanos);
                }
            }
        }
    }

    private void record(HttpServletRequest request, long sequence, int status, long startedMillis, long startedNanos) {
        Object errorCode = request.getAttribute(ProblemAdvice.ERROR_CODE_ATTRIBUTE);
        record(request, sequence, status, errorCode instanceof String code ? code : null, startedMillis, startedNanos);
    }

    private void record(HttpServletRequest request, long sequence, int status, String errorCode, long startedMillis,
                        long startedNanos) {
        journal.record(sequence, (String) request.getAttribute(CorrelationFilter.REQUEST_ID_ATTRIBUTE), startedMillis,
                request.getMethod(), request.getRequestURI(), request.getQueryString(), status,
                System.nanoTime() - startedNanos, PipelineValues.identity(request).map(Identity::xuid).orElse(null),
                errorCode);
        journal.end();
    }

    /**
     * Records a request that went asynchronous (a body received or a response written with non-blocking I/O)
     * once it is over, with its final status; it follows the request into any further asynchronous cycle.
     */
    private final class RecordWhenComplete implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long sequence;
        private final long startedMillis;
        private final long startedNanos;

        RecordWhenComplete(HttpServletRequest request, HttpServletResponse response, long sequence,
                           long startedMillis, long startedNanos) {
            this.request = request;
            this.response = response;
            this.sequence = sequence;
            this.startedMillis = startedMillis;
            this.startedNanos = startedNanos;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            record(request, sequence, response.getStatus(), startedMillis, startedNanos);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
        }

        @Override
        public void onError(AsyncEvent event) {
        }
    }
}
