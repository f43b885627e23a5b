package dev.xblmock.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.identity.AuthProperties;
import dev.xblmock.common.storage.StorageBackend;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.emulator.faults.FaultRuleSet;
import dev.xblmock.emulator.faults.FaultRules;
import dev.xblmock.emulator.journal.JournalController;
import dev.xblmock.emulator.journal.RequestJournal;
import dev.xblmock.emulator.seed.StartupSeed;
import dev.xblmock.titlestorage.TitleStorageService;
import dev.xblmock.titlestorage.domain.NamespaceUsage;
import dev.xblmock.tls.HttpsListener;
import dev.xblmock.tls.ProxyServer;
import dev.xblmock.userstats.StatsService;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /_emulator/overview}: what the dashboard's first view shows, one request: version, uptime,
 * listeners, storage, auth mode, seed and the counts of everything the emulator holds.
 */
@RestController
public class OverviewController {

    private final ApplicationContext context;
    private final Environment environment;
    private final AuthProperties auth;
    private final StartupSeed seed;
    private final TitleStorageService storage;
    private final StatsService stats;
    private final RequestJournal journal;
    private final FaultRuleSet faults;
    private final ObjectProvider<StorageDirectory> storageDirectory;
    private final ObjectProvider<HttpsListener> https;
    private final ObjectProvider<ProxyServer> proxy;

    public OverviewController(ApplicationContext context, Environment environment, AuthProperties auth,
                              StartupSeed seed, TitleStorageService storage, StatsService stats,
                              RequestJournal journal, FaultRuleSet faults, ObjectProvider<StorageDirectory> storageDirectory,
                              ObjectProvider<HttpsListener> https, ObjectProvider<ProxyServer> proxy) {
        this.context = context;
        this.environment = environment;
        this.auth = auth;
        this.seed = seed;
        this.storage = storage;
        this.stats = stats;
        this.journal = journal;
        this.faults = faults;
        this.storageDirectory = storageDirectory;
        this.https = https;
        this.proxy = proxy;
    }

    @JsonPropertyOrder({"version", "startedAt", "uptimeSeconds", "listeners", "storage", "authMode", "seed", "counts"})
    public record Overview(String version, String startedAt, long uptimeSeconds, List<String> listeners,
                           StorageView storage, String authMode, String seed, Counts counts) {
    }

    /** {@code directory} is null for the memory backend. */
    public record StorageView(String backend, String directory) {
    }

    @JsonPropertyOrder({"namespaces", "blobs", "bytes", "users", "unfinishedUploads", "journalEntries", "faultRules"})
    public record Counts(int namespaces, long blobs, long bytes, int users, int unfinishedUploads, int journalEntries,
                         int faultRules) {
    }

    @GetMapping(path = "/_emulator/overview", produces = MediaType.APPLICATION_JSON_VALUE)
    public Overview overview(HttpServletRequest request) {
        Instant started = Instant.ofEpochMilli(context.getStartupDate());
        String host = request.getServerName().contains(":") ? "[" + request.getServerName() + "]" : request.getServerName();
        List<String> listeners = new ArrayList<>();
        listeners.add("http://" + host + ":" + request.getLocalPort());
        https.ifAvailable(listener -> listeners.add("https://" + host + ":" + listener.port()));
        proxy.ifAvailable(server -> listeners.add("proxy " + host + ":" + server.port()));
        StorageBackend backend = StorageBackend.configured(environment);
        StorageDirectory directory = backend == StorageBackend.FILESYSTEM ? storageDirectory.getIfAvailable() : null;
        List<NamespaceUsage> namespaces = storage.namespaces();
        Counts counts = new Counts(namespaces.size(), namespaces.stream().mapToLong(NamespaceUsage::blobs).sum(),
                namespaces.stream().mapToLong(NamespaceUsage::usedBytes).sum(), stats.users().size(),
                storage.unfinishedUploads(), journal.size(), faults.list().size());
        return new Overview(OverviewController.class.getPackage().getImplementationVersion(),
                JournalController.TIME.format(started), Duration.between(started, Instant.now()).toSeconds(), listeners,
                new StorageView(backend.name().toLowerCase(Locale.ROOT),
                        directory == null ? null : directory.root().toString()),
                auth.mode().name().toLowerCase(Locale.ROOT), seed.loaded().orElse(null), counts);
    }
}
