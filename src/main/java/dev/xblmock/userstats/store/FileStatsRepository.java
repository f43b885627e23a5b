package dev.xblmock.userstats.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.storage.DurableFiles;
import dev.xblmock.common.storage.StorageDirectory;
import dev.xblmock.common.storage.StorageDirectoryException;
import dev.xblmock.common.web.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The filesystem {@link StatsRepository} (SPEC 6, docs/storage-layout.md): every user's snapshot is one small
 * file in {@code stats/}, replaced atomically (temporary file, fsync, rename, fsync of the directory) before
 * the new snapshot becomes visible, so a crash leaves the previous snapshot or the new one. Reads are served
 * from memory: all users are loaded at startup.
 */
public class FileStatsRepository implements StatsRepository {

    private static final Logger log = LoggerFactory.getLogger(FileStatsRepository.class);
    static final String STATS = "stats";
    private static final int STRIPES = 64;

    private final Path directory;
    private final ConcurrentHashMap<Xuid, UserStats> users = new ConcurrentHashMap<>();
    /** Writes to one user are serialised by its stripe; the disk write happens under it. */
    private final Object[] stripes = new Object[STRIPES];
    /** Writes share it; reset takes it alone. */
    private final ReadWriteLock resetLock = new ReentrantReadWriteLock();

    /** @throws StorageDirectoryException when a file in the stats directory is not a valid stats file */
    public FileStatsRepository(StorageDirectory storage) {
        this.directory = storage.area(STATS);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        try {
            load();
        } catch (IOException e) {
            throw new StorageDirectoryException("Cannot read the stats in " + directory + ": " + e, e);
        }
    }

    private void load() throws IOException {
        long started = System.nanoTime();
        int leftovers = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(".") && name.endsWith(".tmp")) {
                    Files.delete(file); // a replacement interrupted by a crash; the previous file is intact
                    leftovers++;
                    continue;
                }
                StatsFile.Decoded decoded;
                try {
                    decoded = StatsFile.decode(name, Files.readAllBytes(file));
                } catch (IllegalArgumentException e) {
                    throw new StorageDirectoryException(file + " is not a valid stats file: " + e.getMessage()
                            + ". Move it out of the directory to start without it.", e);
                }
                users.put(decoded.xuid(), decoded.user());
            }
        }
        log.info("Loaded the stats of {} user(s) from {} in {} ms{}", users.size(), directory,
                (System.nanoTime() - started) / 1_000_000,
                leftovers == 0 ? "" : " (deleted " + leftovers + " interrupted write(s))");
    }

    @Override
    public List<Xuid> users() {
        return List.copyOf(users.keySet());
    }

    @Override
    public UserStats find(Xuid xuid) {
        return users.getOrDefault(xuid, UserStats.EMPTY);
    }

    @Override
    public UserStats update(Xuid xuid, UnaryOperator<UserStats> change) {
        resetLock.readLock().lock();
        try {
            synchronized (stripe(xuid)) {
                UserStats current = find(xuid);
                UserStats next = change.apply(current);
                if (next.equals(current)) {
                    return current;
                }
                if (next.isEmpty()) {
                    forget(xuid);
                    return UserStats.EMPTY;
                }
                try {
                    DurableFiles.replaceAtomically(file(xuid), StatsFile.encode(xuid, next));
                } catch (IOException e) {
                    throw StorageFailures.unavailable("write the stats of xuid " + xuid, e);
                }
                users.put(xuid, next);
                return next;
            }
        } finally {
            resetLock.readLock().unlock();
        }
    }

    @Override
    public void delete(Xuid xuid) {
        resetLock.readLock().lock();
        try {
            synchronized (stripe(xuid)) {
                forget(xuid);
            }
        } finally {
            resetLock.readLock().unlock();
        }
    }

    /** Deletes the user's file (durably), then forgets them. Caller holds the user's stripe. */
    private void forget(Xuid xuid) {
        if (!users.containsKey(xuid)) {
            return;
        }
        try {
            Files.deleteIfExists(file(xuid));
            DurableFiles.forceDirectory(directory);
        } catch (IOException e) {
            throw StorageFailures.unavailable("delete the stats of xuid " + xuid, e);
        }
        users.remove(xuid);
    }

    @Override
    public void reset() {
        resetLock.writeLock().lock();
        try {
            for (Xuid xuid : List.copyOf(users.keySet())) {
                Files.deleteIfExists(file(xuid));
                users.remove(xuid);
            }
            DurableFiles.forceDirectory(directory);
        } catch (IOException e) {
            throw StorageFailures.unavailable("delete the stats files during reset", e);
        } finally {
            resetLock.writeLock().unlock();
        }
    }

    private Path file(Xuid xuid) {
        return directory.resolve(StatsFile.fileName(xuid));
    }

    private Object stripe(Xuid xuid) {
        return stripes[Math.floorMod(Long.hashCode(xuid.value()), STRIPES)];
    }
}
