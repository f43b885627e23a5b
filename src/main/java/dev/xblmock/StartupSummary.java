package dev.xblmock;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.xblmock.common.storage.StorageBackend;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.emulator.seed.StartupSeed;
import dev.xblmock.tls.HttpsListener;
import dev.xblmock.tls.ProxyServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one line a start prints once the server is ready: where to reach it, where it keeps its state, what the
 * startup seed loaded and how long the start took. It replaces Spring Boot's and Tomcat's startup lines
 * ({@code spring.main.log-startup-info=false} and the loggers quietened in {@code application.properties}).
 */
@Component
class StartupSummary implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    private final Environment environment;
    private final StartupSeed seed;
    private final ObjectProvider<StorageDirectory> storageDirectory;
    private final ObjectProvider<HttpsListener> https;
    private final ObjectProvider<ProxyServer> proxy;

    StartupSummary(Environment environment, StartupSeed seed, ObjectProvider<StorageDirectory> storageDirectory,
                   ObjectProvider<HttpsListener> https, ObjectProvider<ProxyServer> proxy) {
        this.environment = environment;
        this.seed = seed;
        this.storageDirectory = storageDirectory;
        this.https = https;
        this.proxy = proxy;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!log.isInfoEnabled() || !(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String host = host(environment.getProperty("server.address"));
        List<String> endpoints = new ArrayList<>();
        endpoints.add("http://" + host + ":" + web.getWebServer().getPort());
        https.ifAvailable(listener -> endpoints.add("https://" + host + ":" + listener.port()));
        proxy.ifAvailable(server -> endpoints.add("proxy " + host + ":" + server.port()));
        StorageBackend backend = StorageBackend.configured(environment);
        Path directory = backend == StorageBackend.FILESYSTEM ? storageDirectory.getObject().root() : null;
        String dashboard = environment.getProperty("xblmock.control-plane.enabled", Boolean.class, true)
                ? endpoints.get(0) + "/_emulator/ui/" : null;
        log.info(line(version(), event.getTimeTaken(), endpoints, backend, directory, seed.loaded(), dashboard));
    }

    /**
     * For example {@code xblmock 0.1.0 ready in 1.52 s: http://127.0.0.1:8080; storage memory; no seed; dashboard
     * http://127.0.0.1:8080/_emulator/ui/} (no dashboard when the control plane is disabled). The time
     * is Spring Boot's, from {@code SpringApplication.run}: the JVM's own uptime would need JMX, whose first use
     * cost about half a second of startup (measured), and Linux reports process start times in whole seconds.
     */
    static String line(String version, Duration startup, List<String> endpoints, StorageBackend backend,
                       Path directory, Optional<String> seed, String dashboard) {
        StringBuilder line = new StringBuilder("xblmock");
        if (version != null) {
            line.append(' ').append(version);
        }
        line.append(" ready in ").append(seconds(startup));
        line.append(": ").append(String.join(", ", endpoints));
        line.append("; storage ").append(backend.name().toLowerCase(Locale.ROOT));
        if (directory != null) {
            line.append(' ').append(directory);
        }
        line.append(seed.map(loaded -> "; seed " + loaded).orElse("; no seed"));
        if (dashboard != null) {
            line.append("; dashboard ").append(dashboard);
        }
        return line.toString();
    }

    /**
     * The address the listeners are bound to, as a URL host: a wildcard stays a wildcard ({@code 0.0.0.0}: every
     * interface), so the line never claims loopback for a server the network can reach, nor the reverse.
     */
    static String host(String address) {
        if (address == null || address.isBlank()) {
            return "0.0.0.0";
        }
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toMillis() / 1000.0);
    }

    /** The jar's version (its manifest); null when running from classes. */
    private static String version() {
        return XblMockApplication.class.getPackage().getImplementationVersion();
    }
}
