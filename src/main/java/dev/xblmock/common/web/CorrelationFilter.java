package dev.xblmock.common.web;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** SPEC 1.5: gives every response an {@code X-Request-Id} and echoes an incoming {@code MS-CV}. */
@Component
public class CorrelationFilter extends OncePerRequestFilter implements Ordered {

    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_VECTOR_HEADER = "MS-CV";
    public static final String REQUEST_ID_ATTRIBUTE = CorrelationFilter.class.getName() + ".requestId";

    @Override
    public int getOrder() {
        return FilterOrder.CORRELATION;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = newRequestId();
        request.setAttribute(REQUEST_ID_ATTRIBUTE, id);
        response.setHeader(REQUEST_ID_HEADER, id);
        String cv = request.getHeader(CORRELATION_VECTOR_HEADER);
        if (cv != null) {
            response.setHeader(CORRELATION_VECTOR_HEADER, cv);
        }
        chain.doFilter(request, response);
    }

    /** A random version-4 UUID from a thread-local generator: cheap on the hot path, unique enough. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }
}
