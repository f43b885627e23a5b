package dev.xblmock.emulator;

import dev.xblmock.common.XblException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Applies {@code xblmock.seed} once the server listens. Runners finish before {@code ApplicationReadyEvent},
 * so {@link Readiness} (and {@code GET /_emulator/health}) turns ready only after the seed is in place. An
 * invalid seed stops the process; {@link InvalidSeedFailureAnalyzer} prints the reason on one line.
 */
@Component
public class StartupSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupSeed.class);

    private final SeedLoader loader;
    private final EmulatorProperties properties;

    public StartupSeed(SeedLoader loader, EmulatorProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            loader.loadStartupSeed().ifPresent(counts -> log.info("Seed loaded from {}: {} users, {} titles, {} groups, "
                    + "{} blobs, {} stats", loader.startupManifest().orElseThrow(), counts.users(), counts.titles(),
                    counts.groups(), counts.blobs(), counts.stats()));
        } catch (XblException e) {
            throw new InvalidSeedException(describeSeed(), e.detail());
        }
    }

    /** The manifest file when the seed names one that exists, else the configured path. */
    private String describeSeed() {
        try {
            return loader.startupManifest().map(Object::toString).orElse("");
        } catch (XblException e) {
            return String.valueOf(properties.seed());
        }
    }
}
