package dev.xblmock.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * A listener port already in use, named by listener and property. Spring Boot's own report blames the HTTP
 * port even when the HTTPS connector failed, and the proxy's failure had no report at all. By the time a
 * failure is analysed every listener of this start is closed again, so the configured ports are probed: the
 * one that still cannot be bound is the one in use. Runs before Spring Boot's analyzer of the same exception.
 */
public class ListenerPortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    private record Listener(String name, String property, int port) {
    }

    private final Environment environment;

    public ListenerPortFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        List<Listener> listeners = listeners();
        Listener busy = listeners.stream().filter(this::cannotBind).findFirst()
                .orElseGet(() -> listeners.stream().filter(l -> l.port() == cause.getPort()).findFirst()
                        .orElse(new Listener("a", "its port property", cause.getPort())));
        return new FailureAnalysis("The " + busy.name() + " listener cannot listen on port " + busy.port() + " ("
                + busy.property() + "): another process is using it.",
                "Stop the process listening on port " + busy.port() + ", or choose another port with --"
                        + busy.property() + "=<port> (0: any free port).", cause);
    }

    private List<Listener> listeners() {
        Binder binder = Binder.get(environment);
        List<Listener> listeners = new ArrayList<>();
        listeners.add(new Listener("HTTP", "server.port", binder.bind("server.port", Integer.class).orElse(8080)));
        TlsProperties tls = binder.bindOrCreate("xblmock.tls", TlsProperties.class);
        if (tls.enabled()) {
            listeners.add(new Listener("HTTPS", "xblmock.tls.port", tls.port()));
        }
        ProxyProperties proxy = binder.bindOrCreate("xblmock.proxy", ProxyProperties.class);
        if (proxy.enabled()) {
            listeners.add(new Listener("proxy", "xblmock.proxy.port", proxy.port()));
        }
        return listeners;
    }

    private boolean cannotBind(Listener listener) {
        if (listener.port() <= 0) {
            return false;
        }
        String address = environment.getProperty("server.address");
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address == null || address.isBlank() ? new InetSocketAddress(listener.port())
                    : new InetSocketAddress(InetAddress.getByName(address), listener.port()));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
