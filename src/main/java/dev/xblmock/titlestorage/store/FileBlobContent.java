package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A committed version on disk, opened by {@link FileBlobStore#open}: it holds the version file open from
 * then on, so the version stays readable even if a writer replaces or deletes it (the file's inode lives
 * while it is open). The first stream takes over that channel and closes it; a content that is never
 * streamed (a 304, a refused precondition) has its channel closed by the channel's cleaner. A second stream
 * reopens the immutable file by name.
 */
final class FileBlobContent implements BlobContent {

    private final BlobMetadata metadata;
    private final Path file;
    private FileChannel opened;

    FileBlobContent(BlobMetadata metadata, Path file, FileChannel opened) {
        this.metadata = metadata;
        this.file = file;
        this.opened = opened;
    }

    @Override
    public BlobMetadata metadata() {
        return metadata;
    }

    @Override
    public synchronized InputStream open(long offset, long length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > metadata.size()) {
            throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + metadata.size());
        }
        FileChannel channel = opened != null ? opened : FileChannel.open(file, StandardOpenOption.READ);
        opened = null;
        return new ChannelRangeStream(channel, offset, offset + length, true);
    }
}
