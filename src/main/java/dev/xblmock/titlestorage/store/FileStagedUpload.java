package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import dev.xblmock.common.storage.DurableFiles;
import dev.xblmock.common.web.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staged bytes in a file of the staging directory, written through one bounded buffer. Committing appends
 * the version file's trailer and renames this very file into the blob directory: the bytes are never copied.
 * No descriptor stays open between calls (each block opens, appends and closes the file): an abandoned
 * upload holds a file on disk until it expires, never a descriptor. Its bytes count against the
 * {@link StagingBudget} until committed or closed.
 */
final class FileStagedUpload implements StagedUpload {

    private static final Logger log = LoggerFactory.getLogger(FileStagedUpload.class);
    static final int BUFFER_SIZE = 64 * 1024;
    static final String SUFFIX = ".part";

    private final FileBlobStore owner;
    private final StagingBudget budget;
    private final Path path;
    private long size;
    /** Deleted by {@link #close} or handed to the store by {@link #moveInto}. */
    private boolean finished;

    private FileStagedUpload(FileBlobStore owner, StagingBudget budget, Path path) {
        this.owner = owner;
        this.budget = budget;
        this.path = path;
    }

    /** Counts a new unfinished upload (503 when the budget has no room) and creates its empty file. */
    static FileStagedUpload create(FileBlobStore owner, StagingBudget budget, Path stagingDirectory) {
        budget.startUpload();
        Path path = stagingDirectory.resolve(UUID.randomUUID() + SUFFIX);
        try {
            Files.createFile(path);
        } catch (IOException e) {
            budget.endUpload();
            throw StorageFailures.unavailable("create a staging file", e);
        }
        return new FileStagedUpload(owner, budget, path);
    }

    FileBlobStore owner() {
        return owner;
    }

    @Override
    public synchronized long size() {
        return size;
    }

    @Override
    public synchronized long append(InputStream body) throws IOException {
        checkNotFinished();
        long sizeBefore = size;
        byte[] buffer = new byte[BUFFER_SIZE];
        try (FileChannel channel = openForWriting()) {
            try {
                while (true) {
                    int filled = body.readNBytes(buffer, 0, BUFFER_SIZE);
                    if (filled == 0) {
                        break;
                    }
                    write(channel, ByteBuffer.wrap(buffer, 0, filled));
                    if (filled < BUFFER_SIZE) {
                        break;
                    }
                }
                return size - sizeBefore;
            } catch (IOException | RuntimeException e) {
                rollBackTo(channel, sizeBefore);
                throw e;
            }
        }
    }

    private FileChannel openForWriting() {
        try {
            return FileChannel.open(path, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw StorageFailures.unavailable("open the staged upload", e);
        }
    }

    private void write(FileChannel channel, ByteBuffer bytes) {
        int length = bytes.remaining();
        budget.reserve(length);
        try {
            DurableFiles.writeFully(channel, bytes, size);
        } catch (IOException e) {
            budget.release(length);
            throw StorageFailures.unavailable("write the staged upload", e);
        }
        size += length;
    }

    /** Best effort: {@link #moveInto} truncates to {@link #size} again before it writes anything. */
    private void rollBackTo(FileChannel channel, long sizeBefore) {
        budget.release(size - sizeBefore);
        size = sizeBefore;
        try {
            channel.truncate(sizeBefore);
        } catch (IOException e) {
            log.warn("could not truncate staging file {} back to {} bytes", path, sizeBefore, e);
        }
    }

    @Override
    public synchronized void truncate(long newSize) {
        checkNotFinished();
        if (newSize < 0 || newSize > size) {
            throw new IllegalArgumentException("cannot truncate " + size + " bytes to " + newSize);
        }
        try (FileChannel channel = openForWriting()) {
            channel.truncate(newSize);
        } catch (IOException e) {
            throw StorageFailures.unavailable("truncate the staged upload", e);
        }
        budget.release(size - newSize);
        size = newSize;
    }

    /** The stream owns its own descriptor until it is closed. */
    @Override
    public synchronized InputStream open(long offset, long length) {
        checkNotFinished();
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + size);
        }
        try {
            return new ChannelRangeStream(FileChannel.open(path, StandardOpenOption.READ), offset, offset + length,
                    true);
        } catch (IOException e) {
            throw StorageFailures.unavailable("read the staged upload", e);
        }
    }

    /**
     * Flushes the staged bytes to disk: the slow part of a commit, done before the store takes its lock. The
     * blocks were written through descriptors closed since; forcing the file through a new one flushes them.
     */
    synchronized void forceContent() {
        checkNotFinished();
        try (FileChannel channel = openForWriting()) {
            channel.force(false);
        } catch (IOException e) {
            throw StorageFailures.unavailable("flush the staged upload to disk", e);
        }
    }

    /**
     * Turns this file into the version file {@code target}: appends {@code trailer}, forces the file, renames
     * it into {@code target}'s directory and forces that directory. On failure the staged bytes are as before
     * and the exception is a StorageUnavailable; on success this upload is consumed.
     */
    synchronized void moveInto(Path target, byte[] trailer) {
        checkNotFinished();
        try (FileChannel channel = openForWriting()) {
            try {
                channel.truncate(size);
                DurableFiles.writeFully(channel, ByteBuffer.wrap(trailer), size);
                channel.force(true);
            } catch (IOException e) {
                rollBackTo(channel, size);
                throw e;
            }
        } catch (IOException e) {
            throw StorageFailures.unavailable("write the blob's metadata", e);
        }
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            truncateTrailer();
            throw StorageFailures.unavailable("move the upload into the blob directory", e);
        }
        try {
            DurableFiles.forceDirectory(target.getParent());
        } catch (IOException e) {
            moveBack(target);
            throw StorageFailures.unavailable("flush the blob directory", e);
        }
        finish();
    }

    /** Drops the trailer after a failed rename; best effort, as the next commit truncates to {@link #size} first. */
    private void truncateTrailer() {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        } catch (IOException e) {
            log.warn("could not truncate staging file {} back to {} bytes", path, size, e);
        }
    }

    /**
     * Undoes the rename. If even that fails the complete version file stays where it is (never truncated): it
     * is unknown whether it is durable, so it counts as an upload in flight and shows up after a restart.
     */
    private void moveBack(Path target) {
        try {
            Files.move(target, path, StandardCopyOption.ATOMIC_MOVE);
            truncateTrailer();
        } catch (IOException e) {
            log.error("could not move {} back to {} after a failed commit", target, path, e);
            finish();
        }
    }

    @Override
    public synchronized void close() {
        if (finished) {
            return;
        }
        finish();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete staging file {} (it is deleted at the next start)", path, e);
        }
    }

    /** No longer unfinished: its bytes are the blob's, or gone. */
    private void finish() {
        finished = true;
        budget.release(size);
        budget.endUpload();
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("this staged upload was committed or closed");
        }
    }
}
