package dev.xblmock.common.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.UUID;

/**
 * The few primitives crash-safe storage is built from: write fully at a position, force a directory, and
 * replace a small file atomically (temporary file in the same directory, fsync, rename, fsync the directory).
 */
public final class DurableFiles {

    /** Windows cannot open a directory as a channel; NTFS journals renames itself. */
    private static final boolean DIRECTORIES_CAN_BE_FORCED =
            !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private DurableFiles() {
    }

    /** Makes the renames, creations and deletions done in {@code directory} durable. */
    public static void forceDirectory(Path directory) throws IOException {
        if (!DIRECTORIES_CAN_BE_FORCED) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Writes all of {@code bytes} at {@code position} (a positional write may be short). */
    public static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    /**
     * Replaces {@code target} with {@code bytes} so that a crash at any instant leaves either the old file or
     * the new one: the bytes go to a temporary sibling that is forced, renamed over the target and the
     * directory forced. A failed call leaves the old file and no temporary file behind.
     */
    public static void replaceAtomically(Path target, byte[] bytes) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                writeFully(channel, ByteBuffer.wrap(bytes), 0);
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceDirectory(directory);
    }
}
