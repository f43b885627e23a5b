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

import dev.xblmock.common.DurableFiles;
import dev.xblmock.common.StorageFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staged bytes in a file of the staging directory, written through one bounded buffer. Committing appends
 * the version file's trailer and renames this very file into the blob directory: the bytes are never copied.
 */
final class FileStagedUpload implements StagedUpload {

    private static final Logger log = LoggerFactory.getLogger(FileStagedUpload.class);
    static final int BUFFER_SIZE = 64 * 1024;
    static final String SUFFIX = ".part";

    private final FileBlobStore owner;
    private final Path path;
    private final FileChannel channel;
    private long size;
    /** Closed by {@link #close} or handed to the store by {@link #moveInto}. */
    private boolean finished;

    private FileStagedUpload(FileBlobStore owner, Path path, FileChannel channel) {
        this.owner = owner;
        this.path = path;
        this.channel = channel;
    }

    static FileStagedUpload create(FileBlobStore owner, Path stagingDirectory) {
        Path path = stagingDirectory.resolve(UUID.randomUUID() + SUFFIX);
        try {
            return new FileStagedUpload(owner, path, FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw StorageFailures.unavailable("create a staging file", e);
        }
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
        try {
            while (true) {
                int filled = body.readNBytes(buffer, 0, BUFFER_SIZE);
                if (filled == 0) {
                    break;
                }
                write(ByteBuffer.wrap(buffer, 0, filled));
                if (filled < BUFFER_SIZE) {
                    break;
                }
            }
            return size - sizeBefore;
        } catch (IOException | RuntimeException e) {
            rollBackTo(sizeBefore);
            throw e;
        }
    }

    private void write(ByteBuffer bytes) {
        int length = bytes.remaining();
        try {
            DurableFiles.writeFully(channel, bytes, size);
        } catch (IOException e) {
            throw StorageFailures.unavailable("write the staged upload", e);
        }
        size += length;
    }

    /** Best effort: {@link #moveInto} truncates to {@link #size} again before it writes anything. */
    private void rollBackTo(long sizeBefore) {
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
        try {
            channel.truncate(newSize);
        } catch (IOException e) {
            throw StorageFailures.unavailable("truncate the staged upload", e);
        }
        size = newSize;
    }

    @Override
    public synchronized InputStream open(long offset, long length) {
        checkNotFinished();
        if (offset < 0 || length < 0 || offset + length > size) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + size);
        }
        return new ChannelRangeStream(channel, offset, offset + length, false);
    }

    /** Flushes the staged bytes to disk: the slow part of a commit, done before the store takes its lock. */
    synchronized void forceContent() {
        checkNotFinished();
        try {
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
        try {
            channel.truncate(size);
            DurableFiles.writeFully(channel, ByteBuffer.wrap(trailer), size);
            channel.force(true);
        } catch (IOException e) {
            rollBackTo(size);
            throw StorageFailures.unavailable("write the blob's metadata", e);
        }
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            rollBackTo(size);
            throw StorageFailures.unavailable("move the upload into the blob directory", e);
        }
        try {
            DurableFiles.forceDirectory(target.getParent());
        } catch (IOException e) {
            moveBack(target);
            throw StorageFailures.unavailable("flush the blob directory", e);
        }
        finished = true;
        closeChannel();
    }

    /**
     * Undoes the rename. If even that fails the complete version file stays where it is (never truncated): it
     * is unknown whether it is durable, so it counts as an upload in flight and shows up after a restart.
     */
    private void moveBack(Path target) {
        try {
            Files.move(target, path, StandardCopyOption.ATOMIC_MOVE);
            rollBackTo(size);
        } catch (IOException e) {
            log.error("could not move {} back to {} after a failed commit", target, path, e);
            finished = true;
            closeChannel();
        }
    }

    @Override
    public synchronized void close() {
        if (finished) {
            return;
        }
        finished = true;
        closeChannel();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete staging file {} (it is deleted at the next start)", path, e);
        }
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("could not close staging file {}", path, e);
        }
    }

    private void checkNotFinished() {
        if (finished) {
            throw new IllegalStateException("this staged upload was committed or closed");
        }
    }
}
