package dev.xblmock.common.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

import dev.xblmock.common.io.InMemoryBody;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes response bodies with non-blocking I/O (a Servlet {@link WriteListener}): while a client's socket is
 * full, no worker thread waits for it; the container calls back when the socket takes more. So clients that
 * read slowly or not at all cannot occupy the worker threads that health and every other client need.
 *
 * <p>A response that makes no progress (the client takes nothing) for {@code xblmock.http.response-stall-timeout}
 * is aborted: its connection is closed and its source released. The bound is the container's async timeout,
 * moved forward after every write the client takes, so a slow reader that keeps reading gets its whole body.
 *
 * <p>The source is read on the container's threads between writes: it is local (memory or a file), never the
 * network. A source that fails mid-body aborts the response (the connection is closed before the body is
 * complete), so the client sees a broken response rather than a complete one missing bytes.
 */
@Component
public class NonBlockingBody {

    private static final Logger log = LoggerFactory.getLogger(NonBlockingBody.class);
    /**
     * The buffer, and so the largest write, of a source that is not an {@link InMemoryBody} (those are written
     * in their own pieces); also what a chunked body's chunks are. Each time the socket is full, the next chunk
     * waits for a container callback on another thread: larger chunks mean fewer of those handoffs, at this
     * much heap per stalled client.
     */
    public static final int CHUNK_SIZE = 256 * 1024;
    /** Bodies up to this size go out with one blocking write (see {@link #send(HttpServletRequest, HttpServletResponse, InputStream, long)}). */
    public static final int SMALL_BODY_BYTES = 16 * 1024;

    private final long stallTimeoutMillis;

    public NonBlockingBody(HttpProperties properties) {
        this.stallTimeoutMillis = properties.responseStallTimeout().toMillis();
    }

    /**
     * Sends {@code source} as the body of the response whose status and headers are set, and returns at once;
     * the request ends when the body is written or the client is gone. {@code source} is always closed.
     */
    public void send(HttpServletRequest request, InputStream source) throws IOException {
        send(request, source, -1);
    }

    /**
     * As {@link #send(HttpServletRequest, InputStream)} for a body of {@code length} bytes ({@code -1}: unknown).
     * A body of at most {@link #SMALL_BODY_BYTES} is written at once instead: it fits the connection's socket
     * send buffer, so the write returns whether or not the client reads, and going asynchronous (a thread
     * handoff and a {@link #CHUNK_SIZE} buffer per request) would cost small downloads most of their speed.
     */
    public void send(HttpServletRequest request, HttpServletResponse response, InputStream source, long length)
            throws IOException {
        if (length >= 0 && length <= SMALL_BODY_BYTES) {
            try (source) {
                source.transferTo(response.getOutputStream());
            }
            return;
        }
        send(request, source, length);
    }

    private void send(HttpServletRequest request, InputStream source, long length) throws IOException {
        try {
            AsyncContext async = request.startAsync();
            async.setTimeout(stallTimeoutMillis);
            ServletOutputStream out = async.getResponse().getOutputStream();
            Writer writer = new Writer(async, out, source, length < 0 ? CHUNK_SIZE : (int) Math.min(CHUNK_SIZE, length));
            async.addListener(writer);
            out.setWriteListener(writer);
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private final class Writer implements WriteListener, AsyncListener {

        private final AsyncContext async;
        private final ServletOutputStream out;
        private final InputStream source;
        private final byte[] buffer;
        private final long started = System.nanoTime();
        private boolean done;

        Writer(AsyncContext async, ServletOutputStream out, InputStream source, int bufferSize) {
            this.async = async;
            this.out = out;
            this.source = source;
            this.buffer = source instanceof InMemoryBody ? null : new byte[Math.max(1, bufferSize)];
        }

        @Override
        public synchronized void onWritePossible() throws IOException {
            try {
                boolean wrote = false;
                while (!done && out.isReady()) {
                    if (writeNextPiece() < 0) {
                        finish();
                        async.complete();
                        return;
                    }
                    wrote = true;
                }
                if (wrote && !done) {
                    // the client took bytes: it may now stall for the whole timeout again
                    async.setTimeout((System.nanoTime() - started) / 1_000_000 + stallTimeoutMillis);
                }
            } catch (IOException | RuntimeException e) {
                // thrown to the container, which aborts the response and calls onError
                finish();
                throw e;
            }
        }

        /** Writes the next piece of the body (the caller saw {@code isReady()}); -1 at its end. */
        private int writeNextPiece() throws IOException {
            if (source instanceof InMemoryBody pieces) {
                return pieces.writeNextPiece(out);
            }
            int n = read();
            if (n > 0) {
                out.write(buffer, 0, n);
            }
            return n;
        }

        /**
         * The next chunk of the source: up to {@link #CHUNK_SIZE} bytes, -1 at its end. If the source fails, what
         * was read and buffered still goes out, as far as the socket takes it, before the failure aborts the
         * response, so the client sees how far the body got.
         */
        private int read() throws IOException {
            int filled = 0;
            try {
                while (filled < buffer.length) {
                    int n = source.read(buffer, filled, buffer.length - filled);
                    if (n < 0) {
                        break;
                    }
                    filled += n;
                }
                return filled == 0 ? -1 : filled;
            } catch (IOException | RuntimeException e) {
                finish();
                out.write(buffer, 0, filled); // the caller just saw isReady()
                if (out.isReady()) {
                    out.flush();
                }
                throw e;
            }
        }

        /** The client went away, or the source failed: the request ends here. */
        @Override
        public synchronized void onError(Throwable failure) {
            if (!ClientDisconnects.isDisconnect(failure) && !(failure instanceof SocketTimeoutException)) {
                log.warn("response body aborted: {}", failure.toString());
            }
            finish();
            try {
                async.complete();
            } catch (IllegalStateException alreadyCompleted) {
                // the container completed it first
            }
        }

        /** Stalled: the container closes the connection, as this listener leaves the request unfinished. */
        @Override
        public synchronized void onTimeout(AsyncEvent event) {
            finish();
        }

        /** The same failure as {@link #onError(Throwable)}, reported to the async listeners too. */
        @Override
        public void onError(AsyncEvent event) {
            finish();
        }

        @Override
        public void onComplete(AsyncEvent event) {
            finish();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private synchronized void finish() {
            if (done) {
                return;
            }
            done = true;
            try {
                source.close();
            } catch (IOException e) {
                log.warn("could not close a response body's source", e);
            }
        }
    }
}
