package dev.xblmock.emulator;

import java.util.List;

import dev.xblmock.common.storage.Resettable;
import dev.xblmock.emulator.seed.SeedLoader;
import org.springframework.stereotype.Component;

/**
 * Back to an empty emulator: drops every blob, pending upload, stat, journal entry and fault rule, then
 * optionally reloads the startup seed. {@code POST /_emulator/reset} and the in-process test fixture both
 * reset through here.
 */
@Component
public class EmulatorReset {

    private final List<Resettable> resettables;
    private final SeedLoader seeds;

    public EmulatorReset(List<Resettable> resettables, SeedLoader seeds) {
        this.resettables = resettables;
        this.seeds = seeds;
    }

    /**
     * With {@code reseed}, reloads {@code xblmock.seed} afterwards (nothing to reload without one). If the seed
     * file has become invalid meanwhile, the reset stands and the seed's {@code InvalidSeed} error is thrown.
     */
    public void reset(boolean reseed) {
        seeds.reset(() -> resettables.forEach(Resettable::reset), reseed);
    }
}
