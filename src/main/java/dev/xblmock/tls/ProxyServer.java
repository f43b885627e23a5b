package dev.xblmock.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;

import dev.xblmock.common.error.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The proxy port: a small HTTP proxy of its own (a blocking {@link ServerSocket} and a bounded thread pool)
 * that serves {@code CONNECT} to the names the certificate covers by terminating TLS itself, and plain
 * absolute-form {@code http://} requests, by relaying the request bytes to the emulator's own HTTP listener on
 * this machine. It never opens a connection anywhere else. Started once the HTTP listener is up (its port is
 * known only then).
 *
 * <p>Bounded: at most {@code max-connections} connections are served (two threads each: one per direction);
 * one more is answered 503 and closed; a connection idle for {@code idle-timeout} (or whose request head or
 * TLS handshake takes longer) is closed by a watchdog.
 */
public class ProxyServer implements ApplicationListener<ServletWebServerInitializedEvent>, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProxyServer.class);
    /** Threads that answer "busy" with a lingering close; beyond them and their queue a socket is just closed. */
    private static final int REFUSAL_THREADS = 2;
    private static final int REFUSAL_QUEUE = 64;

    private final ServerIdentity identity;
    private final ProxyProperties properties;
    private final String serverAddress;
    private final Semaphore slots;
    private final Set<ProxyConnection> active = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor refusals;
    private final ScheduledExecutorService watchdog;
    private volatile ServerSocket serverSocket;
    private volatile boolean running;

    ProxyServer(ServerIdentity identity, ProxyProperties properties, String serverAddress) {
        this.identity = identity;
        this.properties = properties;
        this.serverAddress = serverAddress;
        this.slots = new Semaphore(properties.maxConnections());
        this.workers = new ThreadPoolExecutor(0, 2 * properties.maxConnections(), 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), threads("xblmock-proxy-"));
        this.refusals = new ThreadPoolExecutor(0, REFUSAL_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(REFUSAL_QUEUE), threads("xblmock-proxy-refusal-"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(threads("xblmock-proxy-watchdog-"));
    }

    @Override
    public void onApplicationEvent(ServletWebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null && serverSocket == null) {
            start(event.getWebServer().getPort());
        }
    }

    /** The port the proxy is bound to (the chosen one when configured as 0); -1 before it starts. */
    public int port() {
        ServerSocket socket = serverSocket;
        return socket == null ? -1 : socket.getLocalPort();
    }

    private synchronized void start(int emulatorPort) {
        InetSocketAddress emulator = new InetSocketAddress(emulatorAddress(), emulatorPort);
        SSLSocketFactory tls = identity.serverContext().getSocketFactory();
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(serverAddress == null ? new InetSocketAddress(properties.port())
                    : new InetSocketAddress(InetAddress.getByName(serverAddress), properties.port()));
            serverSocket = socket;
        } catch (BindException e) {
            throw new PortInUseException(properties.port(), e); // reported by ListenerPortFailureAnalyzer
        } catch (IOException e) {
            throw new UncheckedIOException("the proxy cannot listen on port " + properties.port()
                    + " (xblmock.proxy.port)", e);
        }
        running = true;
        ProxyConnection.Context context = new ProxyConnection.Context(identity.names(), tls, emulator,
                properties.maxHeaderBytes(), workers);
        Thread acceptor = new Thread(() -> acceptLoop(context), "xblmock-proxy-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
        long idleNanos = properties.idleTimeout().toNanos();
        long period = Math.max(50, Math.min(1000, properties.idleTimeout().toMillis() / 4));
        watchdog.scheduleWithFixedDelay(() -> closeIdle(idleNanos), period, period, TimeUnit.MILLISECONDS);
        log.info("Proxy listening on port {}: CONNECT to {} on port 443, and http:// requests to them on port 80",
                port(), identity.names());
    }

    private InetAddress emulatorAddress() {
        try {
            if (serverAddress != null) {
                InetAddress configured = InetAddress.getByName(serverAddress);
                if (!configured.isAnyLocalAddress()) {
                    return configured;
                }
            }
            return InetAddress.getLoopbackAddress();
        } catch (IOException e) {
            throw new UncheckedIOException("server.address " + serverAddress + " cannot be resolved", e);
        }
    }

    private void acceptLoop(ProxyConnection.Context context) {
        while (running) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("proxy accept failed: {}", e.toString());
                    pause(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refuseBusy(socket);
                continue;
            }
            ProxyConnection connection = new ProxyConnection(socket, context);
            active.add(connection);
            try {
                workers.execute(() -> {
                    try {
                        connection.run();
                    } finally {
                        active.remove(connection);
                        slots.release();
                    }
                });
            } catch (RejectedExecutionException e) {
                // only when shutting down: the pool is sized for every slot
                active.remove(connection);
                slots.release();
                connection.close();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refuseBusy(Socket socket) {
        try {
            refusals.execute(() -> ProxyConnection.refuse(socket, ErrorCode.PROXY_BUSY,
                    "The proxy already serves " + properties.maxConnections()
                            + " connections (xblmock.proxy.max-connections); try again later."));
        } catch (RejectedExecutionException e) {
            ProxyConnection.closeQuietly(socket);
        }
    }

    private void closeIdle(long idleNanos) {
        long now = System.nanoTime();
        for (ProxyConnection connection : active) {
            if (connection.idleSince(now) > idleNanos) {
                log.debug("closing an idle proxy connection");
                connection.close();
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        ServerSocket socket = serverSocket;
        if (socket != null) {
            try {
                socket.close();
            } catch (SocketException e) {
                // already closed
            } catch (IOException e) {
                log.debug("closing the proxy port failed: {}", e.toString());
            }
        }
        active.forEach(ProxyConnection::close);
        watchdog.shutdownNow();
        workers.shutdownNow();
        refusals.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
