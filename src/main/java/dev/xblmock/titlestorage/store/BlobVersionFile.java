package dev.xblmock.titlestorage.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32C;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;

/**
 * The on-disk form of one committed blob version (docs/storage-layout.md): an immutable file named
 * {@code <key hash>.<etag>} holding the blob's bytes, then a metadata record, then a fixed footer. The name
 * derives only from a hash of the key and the ETag, never from client text; the key itself is in the record.
 *
 * <pre>
 * [bytes: size]  [record: length bytes]  [footer: int length, int CRC32C(record), long MAGIC]
 * record = byte 1 (record version), UTF root, UTF owner, UTF scid, UTF path, UTF type, long size, long etag,
 *          boolean + (long epochSecond, int nano) clientFileTime, boolean + UTF displayName
 * </pre>
 */
final class BlobVersionFile {

    /** "XBLBLOB1". */
    static final long MAGIC = 0x58424C424C4F4231L;
    static final int FOOTER_BYTES = 16;
    private static final int RECORD_VERSION = 1;
    private static final int MAX_RECORD_BYTES = 64 * 1024;
    /** Records are a few hundred bytes: one read of this much from the end gets record and footer. */
    private static final int TYPICAL_TAIL_BYTES = 4096;
    private static final int KEY_HASH_BYTES = 16;
    private static final int HASH_DIGITS = 2 * KEY_HASH_BYTES;
    private static final int ETAG_DIGITS = 15;
    private static final HexFormat HEX = HexFormat.of();

    private BlobVersionFile() {
    }

    /** A file name is well-formed if it could be ours; what it holds is checked by {@link #read}. */
    static boolean isVersionFileName(String name) {
        return etagOfName(name) >= 0;
    }

    /** The ETag in a version file's name, or -1 if the name is not {@code <32 hex>.<15 hex>} (lower case). */
    private static long etagOfName(String name) {
        if (name.length() != HASH_DIGITS + 1 + ETAG_DIGITS || name.charAt(HASH_DIGITS) != '.') {
            return -1;
        }
        long etag = 0;
        for (int i = 0; i < name.length(); i++) {
            if (i == HASH_DIGITS) {
                continue;
            }
            char c = name.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            if (i > HASH_DIGITS) {
                etag = etag << 4 | digit;
            }
        }
        return etag;
    }

    static String fileName(BlobKey key, Etag etag) {
        return keyHash(key) + "." + String.format(Locale.ROOT, "%015x", etag.value());
    }

    /** Hex of the first 128 bits of SHA-256 over the encoded key: equal keys, equal names; nothing else leaks. */
    static String keyHash(BlobKey key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeKey(out, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
            return HEX.formatHex(digest, 0, KEY_HASH_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record and footer that follow the blob's bytes. */
    static byte[] trailer(BlobMetadata metadata) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(RECORD_VERSION);
            writeKey(out, metadata.key());
            out.writeLong(metadata.size());
            out.writeLong(metadata.etag().value());
            out.writeBoolean(metadata.clientFileTime() != null);
            if (metadata.clientFileTime() != null) {
                out.writeLong(metadata.clientFileTime().getEpochSecond());
                out.writeInt(metadata.clientFileTime().getNano());
            }
            out.writeBoolean(metadata.displayName() != null);
            if (metadata.displayName() != null) {
                out.writeUTF(metadata.displayName());
            }
            int recordLength = bytes.size();
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray(), 0, recordLength);
            out.writeInt(recordLength);
            out.writeInt((int) crc.getValue());
            out.writeLong(MAGIC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeKey(DataOutputStream out, BlobKey key) throws IOException {
        out.writeUTF(key.namespace().root().segment());
        out.writeUTF(key.namespace().owner());
        out.writeUTF(key.namespace().scid());
        out.writeUTF(key.path());
        out.writeUTF(key.type().wireName());
    }

    /**
     * Reads a version file's metadata (never its bytes: usually one read of the file's last few KiB) and checks
     * it against the file's name and length. The key hash in the name is not recomputed: hashing every key
     * would dominate the start, and the record's checksum already vouches for the key.
     *
     * @throws DamagedException when the file is not a complete version file written by this format
     */
    static BlobMetadata read(Path file) throws IOException {
        long etagInName = etagOfName(file.getFileName().toString());
        if (etagInName < 0) {
            throw new DamagedException("its name is not <key hash>.<etag>");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            if (fileSize < FOOTER_BYTES) {
                throw new DamagedException("it is " + fileSize + " bytes long, shorter than the footer");
            }
            int tailLength = (int) Math.min(fileSize, TYPICAL_TAIL_BYTES);
            ByteBuffer tail = readAt(channel, fileSize - tailLength, tailLength);
            ByteBuffer footer = tail.duplicate().position(tailLength - FOOTER_BYTES);
            int recordLength = footer.getInt();
            int crc = footer.getInt();
            if (footer.getLong() != MAGIC) {
                throw new DamagedException("its footer has no format marker");
            }
            if (recordLength <= 0 || recordLength > MAX_RECORD_BYTES || recordLength > fileSize - FOOTER_BYTES) {
                throw new DamagedException("its footer gives an impossible record length " + recordLength);
            }
            byte[] record = new byte[recordLength];
            if (recordLength + FOOTER_BYTES <= tailLength) {
                tail.position(tailLength - FOOTER_BYTES - recordLength).get(record);
            } else {
                readAt(channel, fileSize - FOOTER_BYTES - recordLength, recordLength).get(record);
            }
            CRC32C check = new CRC32C();
            check.update(record);
            if ((int) check.getValue() != crc) {
                throw new DamagedException("its metadata record fails its checksum");
            }
            BlobMetadata metadata = parseRecord(record);
            if (metadata.size() != fileSize - FOOTER_BYTES - recordLength) {
                throw new DamagedException("it holds " + (fileSize - FOOTER_BYTES - recordLength)
                        + " bytes but its record says " + metadata.size());
            }
            if (etagInName != metadata.etag().value()) {
                throw new DamagedException("its name does not match the ETag of its record");
            }
            return metadata;
        }
    }

    private static BlobMetadata parseRecord(byte[] record) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
            int version = in.readUnsignedByte();
            if (version != RECORD_VERSION) {
                throw new DamagedException("its record version is " + version + ", not " + RECORD_VERSION);
            }
            String rootSegment = in.readUTF();
            StorageRoot root = StorageRoot.fromSegment(rootSegment)
                    .orElseThrow(() -> new DamagedException("unknown storage root '" + rootSegment + "'"));
            String owner = in.readUTF();
            String scid = in.readUTF();
            String path = in.readUTF();
            String typeName = in.readUTF();
            BlobType type = BlobType.fromWireName(typeName)
                    .orElseThrow(() -> new DamagedException("unknown blob type '" + typeName + "'"));
            long size = in.readLong();
            long etag = in.readLong();
            Instant clientFileTime = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
            String displayName = in.readBoolean() ? in.readUTF() : null;
            if (in.available() != 0) {
                throw new DamagedException("its record has " + in.available() + " unexpected trailing bytes");
            }
            if (etag < 0 || etag > Etag.MAX || size < 0) {
                throw new DamagedException("its record holds an impossible size or ETag");
            }
            return new BlobMetadata(new BlobKey(new Namespace(root, owner, scid), path, type), size, new Etag(etag),
                    clientFileTime, displayName);
        } catch (EOFException e) {
            throw new DamagedException("its metadata record is truncated");
        }
    }

    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new DamagedException("it ended while being read");
            }
        }
        return buffer.flip();
    }

    /** The file is not a complete, consistent version file. */
    static final class DamagedException extends IOException {
        DamagedException(String reason) {
            super(reason);
        }
    }
}
