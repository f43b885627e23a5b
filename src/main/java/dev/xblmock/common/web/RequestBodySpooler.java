package dev.xblmock.common.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Receives the body of an Xbox-route request with non-blocking reads before the request is handled, so that
 * a client trickling its body (or sending none of it) holds no worker thread meanwhile: the handler runs
 * only once the whole body is in memory, and reads it from there. Health and every other client keep their
 * threads however many such clients are connected.
 *
 * <ul>
 *   <li>A body must arrive within {@code xblmock.http.request-body-timeout} of the request's start: 408
 *       {@code RequestTimeout} otherwise, and the connection is closed.</li>
 *   <li>Bodies being received hold at most {@code xblmock.http.max-spooled-bytes} together; the request
 *       that would pass it gets 503 {@code ServiceUnavailable} with {@code Retry-After: 1}.</li>
 *   <li>No more than the largest route limit ({@link RequestBodyLimit}) is received (a declared larger body
 *       is left to its route, which refuses it unread); the route's own limit then answers as before.</li>
 * </ul>
 * Runs last, after authentication and the other checks, so a refused request never has its body read.
 * Control-plane routes read their bodies directly. A client that sent {@code Expect: 100-continue} gets its
 * {@code 100 Continue} from the container's first blocking read, so its first byte is awaited on the worker
 * thread (at most the connector's timeout) before the rest arrives without one.
 */
@Component
public class RequestBodySpooler extends OncePerRequestFilter implements Ordered {

    static final String SPOOLED = RequestBodySpooler.class.getName() + ".spooled";

    private final HandlerExceptionResolver resolver;
    private final long timeoutMillis;
    private final long maxSpooledBytes;
    private final long maxBodyBytes;
    private final AtomicLong spooledBytes = new AtomicLong();

    public RequestBodySpooler(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                              HttpProperties properties, List<RequestBodyLimit> limits) {
        this.resolver = resolver;
        this.timeoutMillis = properties.requestBodyTimeout().toMillis();
        this.maxSpooledBytes = properties.spooledBytesLimit();
        this.maxBodyBytes = limits.stream().mapToLong(RequestBodyLimit::maxRequestBodyBytes).max().orElse(0);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The handler runs in the async dispatch that follows the body's arrival. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(XboxService.CONTROL_PLANE_PREFIX);
    }

    /** Bytes of request bodies received and not yet handled, now. */
    public long spooledBytes() {
        return spooledBytes.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(SPOOLED) instanceof SpooledBody body) {
            request.removeAttribute(SPOOLED);
            try {
                chain.doFilter(new SpooledRequest(request, body), response);
            } finally {
                spooledBytes.addAndGet(-body.capacity());
            }
            return;
        }
        if (isAsyncDispatch(request) || !hasBody(request) || request.getContentLengthLong() > maxBodyBytes) {
            chain.doFilter(request, response);
            return;
        }
        int first = -1;
        if (request.getHeader(HttpHeaders.EXPECT) != null) {
            // the container sends 100 Continue on the first blocking read only, and the client waits for it
            first = request.getInputStream().read();
            if (first < 0) {
                chain.doFilter(request, response);
                return;
            }
        }
        AsyncContext async = request.startAsync(request, response);
        async.setTimeout(timeoutMillis);
        Receiver receiver = new Receiver(request, response, async, first);
        async.addListener(receiver);
        request.getInputStream().setReadListener(receiver);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** A whole piece, or exactly the rest of a body of known length: a small body takes no more heap than it needs. */
    private static int nextPieceCapacity(HttpServletRequest request, SpooledBody body) {
        long declared = request.getContentLengthLong();
        return declared < 0 ? SpooledBody.PIECE_SIZE
                : (int) Math.max(1, Math.min(SpooledBody.PIECE_SIZE, declared - body.size()));
    }

    /** Collects the body as it arrives, on the container's threads, and hands the request on when it is whole. */
    private final class Receiver implements ReadListener, AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final SpooledBody body = new SpooledBody();
        /** The body's first byte, read before going asynchronous ({@code Expect}), until it is in the body; else -1. */
        private int first;
        private boolean done;

        Receiver(HttpServletRequest request, HttpServletResponse response, AsyncContext async, int first) {
            this.request = request;
            this.response = response;
            this.async = async;
            this.first = first;
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            readWhatIsThere();
        }

        private void readWhatIsThere() throws IOException {
            ServletInputStream in = request.getInputStream();
            if (first >= 0 && !done) {
                if (!addPiece()) {
                    return;
                }
                body.last()[0] = (byte) first;
                body.received(1);
                first = -1;
            }
            while (!done && in.isReady()) {
                if (body.full() && !addPiece()) {
                    return;
                }
                int n = in.read(body.last(), body.offset(), body.room());
                if (n < 0) {
                    return; // onAllDataRead follows, or is running
                }
                body.received(n);
                if (body.size() > maxBodyBytes) {
                    body.cut(); // the route refuses it by its own limit, from what is here
                    handOn();
                    return;
                }
            }
        }

        /**
         * Bytes are received straight into pieces the memory store can keep, counted as soon as they take heap:
         * false, and the request answered, if that would pass the limit.
         */
        private boolean addPiece() {
            int capacity = nextPieceCapacity(request, body);
            if (spooledBytes.addAndGet(capacity) > maxSpooledBytes) {
                spooledBytes.addAndGet(-capacity);
                answer(new XblException(ErrorCode.SERVICE_UNAVAILABLE, 503, String.format("Request bodies "
                        + "being received hold %d bytes and this one would take them past "
                        + "xblmock.http.max-spooled-bytes (%d). Retry later.", spooledBytes.get(), maxSpooledBytes),
                        Map.of(HttpHeaders.RETRY_AFTER, "1")));
                return false;
            }
            body.addPiece(capacity);
            return true;
        }

        /** May come while bytes the container already received are still unread (after a blocking first read). */
        @Override
        public synchronized void onAllDataRead() throws IOException {
            readWhatIsThere();
            if (!done) {
                handOn();
            }
        }

        private void handOn() {
            done = true;
            request.setAttribute(SPOOLED, body);
            async.dispatch();
        }

        /** The client went away, or sent nothing for the connector's timeout: nobody to answer. */
        @Override
        public synchronized void onError(Throwable failure) {
            if (!done) {
                done = true;
                release();
                async.complete();
            }
        }

        @Override
        public synchronized void onTimeout(AsyncEvent event) {
            if (!done) {
                answer(XblException.of(ErrorCode.REQUEST_TIMEOUT, "The request body did not arrive within "
                        + "xblmock.http.request-body-timeout (%d ms); %d bytes came.", timeoutMillis, body.size()));
            }
        }

        private void answer(XblException problem) {
            done = true;
            release();
            response.setHeader(HttpHeaders.CONNECTION, "close");
            resolver.resolveException(request, response, null, problem);
            async.complete();
        }

        private void release() {
            spooledBytes.addAndGet(-body.capacity());
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }

    /** The request as its handler sees it: the body comes from memory. */
    private static final class SpooledRequest extends HttpServletRequestWrapper {

        private final ServletInputStream body;

        SpooledRequest(HttpServletRequest request, SpooledBody body) {
            super(request);
            this.body = body.stream();
        }

        @Override
        public ServletInputStream getInputStream() {
            return body;
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(body, encoding != null ? encoding : "ISO-8859-1"));
        }
    }
}
