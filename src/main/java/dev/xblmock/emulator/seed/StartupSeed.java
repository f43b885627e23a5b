package dev.xblmock.emulator.seed;

import java.util.Optional;

import dev.xblmock.common.error.XblException;
import dev.xblmock.emulator.Readiness;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Applies {@code xblmock.seed} once the server listens. Runners finish before {@code ApplicationReadyEvent},
 * so {@link Readiness} (and {@code GET /_emulator/health}) turns ready only after the seed is in place. An
 * invalid seed stops the process; {@link InvalidSeedFailureAnalyzer} prints the reason on one line. What it
 * loaded is part of the startup summary line.
 */
@Component
public class StartupSeed implements ApplicationRunner {

    private final SeedLoader loader;
    private final EmulatorProperties properties;
    private volatile String loaded;

    public StartupSeed(SeedLoader loader, EmulatorProperties properties) {
        this.loader = loader;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            loaded = loader.loadStartupSeed().map(counts -> String.format("%s: %d users, %d titles, %d groups, "
                            + "%d blobs, %d stats", loader.startupManifest().orElseThrow().toAbsolutePath(), counts.users(),
                    counts.titles(), counts.groups(), counts.blobs(), counts.stats())).orElse(null);
        } catch (XblException e) {
            throw new InvalidSeedException(describeSeed(), e.detail());
        }
    }

    /** The manifest the startup seed loaded and its counts per section; empty when {@code xblmock.seed} is unset. */
    public Optional<String> loaded() {
        return Optional.ofNullable(loaded);
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
