package dev.xblmock.common.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xblmock.common.identity.Identifiers;

/**
 * The root directory of the filesystem backend ({@code xblmock.storage.dir}), opened for exclusive use.
 * It holds a {@code FORMAT} file ({@code xblmock-storage 1}) so a later version can recognise and migrate
 * what an older one wrote, a {@code LOCK} file held while a process uses it, and one sub-directory per
 * area ({@link #area}). See docs/storage-layout.md.
 */
public final class StorageDirectory implements AutoCloseable {

    public static final int FORMAT_VERSION = 1;
    static final String FORMAT_FILE = "FORMAT";
    static final String LOCK_FILE = "LOCK";
    private static final String PROBE_FILE = ".write-probe";
    /** Where the tls package keeps its local CA by default (TlsDirectory). */
    private static final String TLS_DIRECTORY = "tls";
    private static final Pattern FORMAT_LINE = Pattern.compile("xblmock-storage (\\d{1,9})");
    private static final int MAX_FORMAT_FILE_BYTES = 256;

    private final Path root;
    private final FileChannel lockChannel;

    private StorageDirectory(Path root, FileChannel lockChannel) {
        this.root = root;
        this.lockChannel = lockChannel;
    }

    /**
     * Creates the directory if needed, takes its lock and checks its format.
     *
     * @throws StorageDirectoryException when the directory cannot be used, with a message saying why
     */
    public static StorageDirectory open(Path configured) {
        if (configured == null) {
            throw new StorageDirectoryException(
                    "xblmock.storage.backend=filesystem needs a directory: set xblmock.storage.dir.");
        }
        Path root = configured.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new StorageDirectoryException("xblmock.storage.dir " + root + " is not a directory.");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StorageDirectoryException("xblmock.storage.dir " + root + " cannot be created: " + e, e);
        }
        FileChannel lockChannel = lock(root);
        try {
            checkFormat(root);
            checkWritable(root);
            return new StorageDirectory(root, lockChannel);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    public Path root() {
        return root;
    }

    /** The sub-directory {@code name} of the storage directory, created (durably) if missing. */
    public Path area(String name) {
        Path area = root.resolve(name);
        try {
            if (!Files.isDirectory(area)) {
                Files.createDirectory(area);
                DurableFiles.forceDirectory(root);
            }
            return area;
        } catch (IOException e) {
            throw new StorageDirectoryException("Cannot create " + area + " in xblmock.storage.dir: " + e, e);
        }
    }

    private static FileChannel lock(Path root) {
        Path lockFile = root.resolve(LOCK_FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new StorageDirectoryException("xblmock.storage.dir " + root + " is not writable: " + e, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process (another server in the same JVM)
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StorageDirectoryException("Cannot lock " + lockFile + ": " + e, e);
        }
        closeQuietly(channel);
        throw new StorageDirectoryException("xblmock.storage.dir " + root
                + " is in use by another xblmock server (it holds " + lockFile + "); stop it or use another directory.");
    }

    private static void checkFormat(Path root) {
        Path formatFile = root.resolve(FORMAT_FILE);
        try {
            if (!Files.exists(formatFile)) {
                if (hasForeignEntries(root)) {
                    throw new StorageDirectoryException("xblmock.storage.dir " + root
                            + " is not empty and has no FORMAT file, so it was not created by xblmock; "
                            + "point xblmock.storage.dir at an empty or new directory.");
                }
                DurableFiles.replaceAtomically(formatFile,
                        ("xblmock-storage " + FORMAT_VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
                return;
            }
            if (Files.size(formatFile) > MAX_FORMAT_FILE_BYTES) {
                throw unknownFormat(formatFile, "(" + Files.size(formatFile) + " bytes)");
            }
            String content = Files.readString(formatFile, StandardCharsets.US_ASCII).trim();
            Matcher matcher = FORMAT_LINE.matcher(content);
            if (!matcher.matches()) {
                throw unknownFormat(formatFile, "'" + Identifiers.printable(content) + "'");
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version != FORMAT_VERSION) {
                throw new StorageDirectoryException("xblmock.storage.dir " + root + " has storage format version "
                        + version + " (" + formatFile + "); this xblmock reads format version " + FORMAT_VERSION
                        + (version > FORMAT_VERSION ? ": it was written by a newer xblmock." : "."));
            }
        } catch (IOException e) {
            throw new StorageDirectoryException("Cannot read or write " + formatFile + ": " + e, e);
        }
    }

    private static StorageDirectoryException unknownFormat(Path formatFile, String content) {
        return new StorageDirectoryException(formatFile + " does not name an xblmock storage format (it contains "
                + content + "; expected 'xblmock-storage " + FORMAT_VERSION + "').");
    }

    /** Permission bits are not enough (root ignores them): really create and delete a file. */
    private static void checkWritable(Path root) {
        try {
            Path probe = root.resolve(PROBE_FILE);
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException e) {
            throw new StorageDirectoryException("xblmock.storage.dir " + root + " is not writable: " + e, e);
        }
    }

    /**
     * Entries other than our lock, what a crash during our own first start can leave behind, and the TLS
     * material, which may be created in {@code <dir>/tls} before the stores open the directory.
     */
    private static boolean hasForeignEntries(Path root) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(LOCK_FILE) && !name.equals(PROBE_FILE) && !name.equals(TLS_DIRECTORY)
                        && !name.startsWith("." + FORMAT_FILE + ".")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Releases the lock; the directory may then be opened again (by this process or another). */
    @Override
    public void close() {
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the lock even when it reports an error
        }
    }
}
