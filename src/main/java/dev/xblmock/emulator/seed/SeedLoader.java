package dev.xblmock.emulator.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.json.BoundedInput;
import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.emulator.config.EmulatorProperties;
import dev.xblmock.titlestorage.TitleStorageService;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.userstats.StatsCatalog;
import dev.xblmock.userstats.StatsPatch;
import dev.xblmock.userstats.StatsService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies seed manifests, all or nothing: the whole manifest is validated, then every blob is staged and
 * its bytes checked (size here; type and JSON rules by the {@link TitleStorageService}, as for an upload), and
 * only then is anything committed: blobs through the {@link TitleStorageService}, titles and groups into the
 * {@link StatsCatalog}, gamertags and stats (merged into what each user has) through the {@link StatsService}. Loads, resets and reseeds are
 * serialised. Seeded blobs bypass ownership and quota (the seed is the administrator).
 */
@Component
public class SeedLoader {

    /** What a manifest held: one count per section, every member present. */
    @JsonPropertyOrder({"users", "titles", "groups", "blobs", "stats"})
    public record SeedCounts(int users, int titles, int groups, int blobs, int stats) {
    }

    private final EmulatorProperties properties;
    private final StorageProperties storage;
    private final SeedReader reader;
    private final TitleStorageService titleStorage;
    private final StatsCatalog catalog;
    private final StatsService stats;

    public SeedLoader(EmulatorProperties properties, StorageProperties storage, SeedReader reader,
                      TitleStorageService titleStorage, StatsCatalog catalog, StatsService stats) {
        this.properties = properties;
        this.storage = storage;
        this.reader = reader;
        this.titleStorage = titleStorage;
        this.catalog = catalog;
        this.stats = stats;
    }

    /**
     * {@code POST /_emulator/seed}: a manifest without a directory, so {@code file} blobs are refused.
     *
     * @param declaredLength the body's declared length, -1 when unknown; over the limit it is refused unread
     */
    public SeedCounts apply(InputStream body, SeedFormat format, long declaredLength) {
        JsonNode root = reader.read(body, format, declaredLength);
        return apply(root, null);
    }

    /**
     * A manifest file, or a directory holding one {@code seed.yaml}/{@code seed.yml}/{@code seed.json}, read
     * by this process: its {@code file} blobs are read relative to the manifest's directory. The in-process
     * test fixture seeds through here; the startup seed too.
     */
    public SeedCounts apply(Path manifestOrDirectory) {
        return applyFile(manifestIn(manifestOrDirectory, "The seed path"));
    }

    /** Loads {@code xblmock.seed}, if set; empty when there is none. */
    public synchronized Optional<SeedCounts> loadStartupSeed() {
        return startupManifest().map(this::applyFile);
    }

    /** Runs {@code resetAll}, then reloads the startup seed when asked, with no seed load in between. */
    public synchronized void reset(Runnable resetAll, boolean reseed) {
        resetAll.run();
        if (reseed) {
            loadStartupSeed();
        }
    }

    /** The manifest file {@code xblmock.seed} names: itself, or {@code seed.yaml}/{@code seed.json} in it. */
    public Optional<Path> startupManifest() {
        Path seed = properties.seed();
        return seed == null ? Optional.empty() : Optional.of(manifestIn(seed, "xblmock.seed"));
    }

    private synchronized SeedCounts applyFile(Path file) {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = reader.read(in, SeedFormat.ofFileName(file.getFileName().toString()));
        } catch (IOException e) {
            throw new XblException(ErrorCode.INVALID_SEED, "The seed manifest could not be read.");
        }
        return apply(root, file.toAbsolutePath().getParent());
    }

    /** {@code seed} itself when it is a file, else the one manifest in that directory; {@code name} says who named it. */
    private static Path manifestIn(Path seed, String name) {
        if (Files.isDirectory(seed)) {
            List<Path> found = new ArrayList<>();
            for (String manifest : List.of("seed.yaml", "seed.yml", "seed.json")) {
                if (Files.isRegularFile(seed.resolve(manifest))) {
                    found.add(seed.resolve(manifest));
                }
            }
            if (found.size() != 1) {
                throw new XblException(ErrorCode.INVALID_SEED, found.isEmpty()
                        ? "The seed directory holds no seed.yaml, seed.yml or seed.json."
                        : "The seed directory holds more than one of seed.yaml, seed.yml and seed.json; keep one.");
            }
            return found.get(0);
        }
        if (!Files.isRegularFile(seed)) {
            throw new XblException(ErrorCode.INVALID_SEED, name + " names neither a manifest file nor a directory.");
        }
        return seed;
    }

    private synchronized SeedCounts apply(JsonNode root, Path baseDirectory) {
        SeedManifest manifest = SeedManifestParser.parse(root, baseDirectory);
        List<TitleStorageService.SeedBlob> staged = new ArrayList<>();
        try {
            for (SeedManifest.Blob blob : manifest.blobs()) {
                staged.add(stage(blob));
            }
        } catch (RuntimeException e) {
            staged.forEach(TitleStorageService.SeedBlob::close);
            throw e;
        }
        staged.forEach(titleStorage::commitSeed);
        manifest.titles().forEach(title -> catalog.defineTitle(title.titleId(), title.scid()));
        manifest.groups().forEach(group -> catalog.defineGroup(group.group()));
        manifest.users().forEach(user -> stats.setGamertag(user.xuid(), user.gamertag()));
        manifest.stats().forEach(entry -> stats.write(entry.xuid(), entry.scid(), StatsPatch.of(entry.stats())));
        return new SeedCounts(manifest.users().size(), manifest.titles().size(), manifest.groups().size(),
                manifest.blobs().size(), manifest.stats().size());
    }

    private TitleStorageService.SeedBlob stage(SeedManifest.Blob blob) {
        String member = blob.where() + "." + blob.contentMember();
        try (InputStream in = open(blob, member, storage.maxBlobBytes())) {
            return titleStorage.stageSeed(blob.key(), blob.attributes(), in);
        } catch (IOException | UncheckedIOException e) {
            throw new XblException(ErrorCode.INVALID_SEED, "Member '" + member + "': the content could not be read.");
        } catch (XblException e) {
            throw e.errorCode() == ErrorCode.INVALID_SEED ? e : JsonMembers.within(ErrorCode.INVALID_SEED, member, e);
        }
    }

    private static InputStream open(SeedManifest.Blob blob, String member, long max) throws IOException {
        if (blob.content() instanceof SeedManifest.InlineContent inline) {
            checkSize(member, inline.bytes().length, max);
            return new ByteArrayInputStream(inline.bytes());
        }
        SeedManifest.FileContent file = (SeedManifest.FileContent) blob.content();
        checkSize(member, Files.size(file.path()), max);
        // the real path checked by the parser: a link put in its place since then is not followed
        // a file that grows while it is read still stops at the limit
        return new BoundedInput(Files.newInputStream(file.path(), LinkOption.NOFOLLOW_LINKS), max,
                count -> tooLarge(member, count, max));
    }

    private static void checkSize(String member, long size, long max) {
        if (size > max) {
            throw tooLarge(member, size, max);
        }
    }

    private static XblException tooLarge(String member, long size, long max) {
        return new XblException(ErrorCode.INVALID_SEED, "Member '" + member + "': the blob is " + size
                + " bytes; at most " + max + " are allowed (xblmock.storage.max-blob-bytes).");
    }
}
