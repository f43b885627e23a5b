package dev.xblmock.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import dev.xblmock.common.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection of the proxy port. Reads the proxy request head, then either
 * <ul>
 *   <li>{@code CONNECT host:443} to a covered name: answers 200, terminates TLS with the server identity and
 *       relays the decrypted stream, byte for byte, to the emulator's HTTP listener (keep-alive and pipelining
 *       pass through untouched);</li>
 *   <li>an absolute-form {@code http://host/…} request to a covered name: rewrites the request line to
 *       origin-form, keeps the {@code Host} header, asks for {@code Connection: close} and relays that one
 *       exchange;</li>
 *   <li>anything else: 403 {@code ProxyForbidden} (another host or port) or 400 {@code MalformedProxyRequest},
 *       and closes.</li>
 * </ul>
 */
final class ProxyConnection {

    private static final Logger log = LoggerFactory.getLogger(ProxyConnection.class);
    private static final int HTTPS_PORT = 443;
    private static final int HTTP_PORT = 80;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int BUFFER_BYTES = 16 * 1024;
    /** A refused client may still be sending; what it sends is read and dropped for this long, so it sees the answer. */
    private static final int LINGER_MILLIS = 1_000;
    private static final int LINGER_MAX_BYTES = 64 * 1024;
    /** Hop-by-hop and proxy-only fields, not passed on to the emulator. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive",
            "proxy-authorization", "te", "upgrade");

    /** What every connection shares. */
    record Context(CoveredNames names, SSLSocketFactory tls, InetSocketAddress emulator, int maxHeaderBytes,
            ExecutorService workers) {
    }

    private final Socket socket;
    private final Context context;
    private volatile Socket upstream;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean closed;

    ProxyConnection(Socket socket, Context context) {
        this.socket = socket;
        this.context = context;
    }

    void run() {
        try {
            socket.setTcpNoDelay(true);
            Optional<ProxyRequestHead> head = ProxyRequestHead.read(socket.getInputStream(), context.maxHeaderBytes());
            if (head.isEmpty()) {
                return;
            }
            if ("CONNECT".equals(head.get().method())) {
                tunnel(head.get());
            } else if (head.get().target().regionMatches(true, 0, "http://", 0, 7)) {
                forward(head.get());
            } else {
                throw new MalformedProxyRequestException(notAProxyRequest(head.get()));
            }
        } catch (MalformedProxyRequestException e) {
            refuse(socket, ErrorCode.MALFORMED_PROXY_REQUEST, e.getMessage());
        } catch (ForbiddenTargetException e) {
            refuse(socket, ErrorCode.PROXY_FORBIDDEN, e.getMessage());
        } catch (IOException e) {
            log.debug("proxy connection ended: {}", e.toString());
        } finally {
            close();
        }
    }

    private void tunnel(ProxyRequestHead head) throws IOException, MalformedProxyRequestException, ForbiddenTargetException {
        ProxyTarget target = ProxyTarget.ofConnect(head.target());
        checkAllowed("CONNECT " + target, target, HTTPS_PORT);
        touch(); // the TLS handshake gets a full idle period
        OutputStream out = socket.getOutputStream();
        out.write(ProxyAnswer.CONNECTION_ESTABLISHED);
        out.flush();
        SSLSocket tls = (SSLSocket) context.tls().createSocket(socket, null, true);
        tls.setUseClientMode(false);
        tls.startHandshake();
        touch();
        Socket emulator = openUpstream();
        relay(tls.getInputStream(), tls.getOutputStream(), tls, emulator);
    }

    private void forward(ProxyRequestHead head) throws IOException, MalformedProxyRequestException, ForbiddenTargetException {
        String afterScheme = head.target().substring("http://".length());
        int end = firstOf(afterScheme, "/?#");
        String authority = afterScheme.substring(0, end);
        if (authority.contains("@")) {
            throw new MalformedProxyRequestException("The target '" + ProxyRequestHead.printable(head.target())
                    + "' carries user information, which a proxy request must not (RFC 9110 section 4.2.4).");
        }
        ProxyTarget target = ProxyTarget.ofHttp(authority);
        checkAllowed(head.method() + " http://" + authority, target, HTTP_PORT);
        String originForm = afterScheme.substring(end);
        int fragment = originForm.indexOf('#');
        if (fragment >= 0) {
            originForm = originForm.substring(0, fragment);
        }
        if (!originForm.startsWith("/")) {
            originForm = "/" + originForm;
        }
        StringBuilder upstreamHead = new StringBuilder()
                .append(head.method()).append(' ').append(originForm).append(' ').append(head.version()).append("\r\n");
        if (head.header("Host").isEmpty()) {
            upstreamHead.append("Host: ").append(authority).append("\r\n");
        }
        for (ProxyRequestHead.Header header : head.headers()) {
            if (!HOP_BY_HOP.contains(header.name().toLowerCase(Locale.ROOT))) {
                upstreamHead.append(header.name()).append(": ").append(header.value()).append("\r\n");
            }
        }
        // one exchange per connection: the proxy need not find where the next request starts
        upstreamHead.append("Connection: close\r\n\r\n");
        touch();
        Socket emulator = openUpstream();
        OutputStream toEmulator = emulator.getOutputStream();
        toEmulator.write(upstreamHead.toString().getBytes(StandardCharsets.ISO_8859_1));
        toEmulator.flush();
        relay(socket.getInputStream(), socket.getOutputStream(), socket, emulator);
    }

    private void checkAllowed(String request, ProxyTarget target, int port) throws ForbiddenTargetException {
        if (target.port() != port || !context.names().covers(target.host())) {
            throw new ForbiddenTargetException(request + " is refused: this proxy serves only "
                    + context.names() + " (on port " + port + "), from the emulator itself; it never connects elsewhere.");
        }
    }

    private Socket openUpstream() throws IOException {
        Socket emulator = new Socket();
        upstream = emulator;
        if (closed) {
            throw new IOException("closed while connecting to the emulator");
        }
        emulator.connect(context.emulator(), CONNECT_TIMEOUT_MILLIS);
        emulator.setTcpNoDelay(true);
        return emulator;
    }

    /**
     * Client to emulator on this thread, emulator to client on a pool thread. The client finishing its side
     * half-closes the emulator connection (the emulator then answers and closes); the emulator closing ends it all.
     */
    private void relay(InputStream fromClient, OutputStream toClient, Socket clientSide, Socket emulator) throws IOException {
        Future<?> downstream = context.workers().submit(() -> {
            try {
                pump(emulator.getInputStream(), toClient);
            } catch (IOException e) {
                log.debug("emulator to client relay ended: {}", e.toString());
            } finally {
                closeQuietly(clientSide); // sends close_notify on a TLS tunnel
                close();
            }
        });
        try {
            pump(fromClient, emulator.getOutputStream());
            emulator.shutdownOutput();
        } catch (IOException e) {
            log.debug("client to emulator relay ended: {}", e.toString());
        }
        try {
            downstream.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.debug("relay failed", e.getCause());
        }
    }

    private void pump(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            touch();
            out.write(buffer, 0, n);
            out.flush();
            touch();
        }
    }

    private void touch() {
        lastActivity = System.nanoTime();
    }

    /** Nanoseconds since the last byte moved (or since the connection was accepted). */
    long idleSince(long now) {
        return now - lastActivity;
    }

    /** Closes the plain sockets, which unblocks every thread of this connection, the TLS layer included. */
    void close() {
        closed = true;
        closeQuietly(socket);
        Socket emulator = upstream;
        if (emulator != null) {
            closeQuietly(emulator);
        }
    }

    /** Answers with a problem and closes, after letting the client finish sending so it sees the answer. */
    static void refuse(Socket socket, ErrorCode code, String detail) {
        try {
            ProxyAnswer.writeProblem(socket.getOutputStream(), code, detail);
            socket.shutdownOutput();
            socket.setSoTimeout(LINGER_MILLIS);
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[4096];
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            int drained = 0;
            for (int n = in.read(sink); n >= 0 && drained < LINGER_MAX_BYTES && System.nanoTime() < deadline; n = in.read(sink)) {
                drained += n;
            }
        } catch (IOException e) {
            log.debug("refusing a proxy connection: {}", e.toString());
        } finally {
            closeQuietly(socket);
        }
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("close failed: {}", e.toString());
        }
    }

    private static String notAProxyRequest(ProxyRequestHead head) {
        return "'" + head.method() + " " + ProxyRequestHead.printable(head.target()) + "' is not a proxy request: send "
                + "CONNECT host:443 (for https) or an absolute-form http:// target; the emulator's own API is on its HTTP port.";
    }

    private static int firstOf(String text, String characters) {
        for (int i = 0; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }

    /** A target the proxy will not serve: another host or port. */
    static final class ForbiddenTargetException extends Exception {

        ForbiddenTargetException(String detail) {
            super(detail, null, false, false);
        }
    }
}
