package dev.xblmock.titlestorage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.NamespaceUsage;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.json.DocumentView;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.store.BlobContent;
import dev.xblmock.titlestorage.store.BlobMetadata;
import dev.xblmock.titlestorage.store.BlobStore;
import dev.xblmock.titlestorage.store.StagedUpload;
import dev.xblmock.titlestorage.store.UploadMovedOnException;
import dev.xblmock.titlestorage.store.WriteGuard;
import org.springframework.stereotype.Service;

/**
 * The Title Storage rules (SPEC 3): type rules, ownership, conditional requests, ranges, whole and
 * multi-block uploads, quota, listings. Knows nothing of HTTP; errors are {@link XblException}s.
 */
@Service
public class TitleStorageService {

    private final BlobStore store;
    private final UploadSessions sessions;
    private final AccessRules access;
    private final StorageProperties properties;
    private final JsonDocuments documents;

    public TitleStorageService(BlobStore store, UploadSessions sessions, AccessRules access,
                               StorageProperties properties, JsonDocuments documents) {
        this.store = store;
        this.sessions = sessions;
        this.access = access;
        this.properties = properties;
        this.documents = documents;
    }

    // ---- download -------------------------------------------------------------------------------------------

    /**
     * @param parameters parsed only after the type and ownership checks, so a refusal comes in SPEC 7's order
     *                   (ownership before query and header validation)
     */
    public Download download(BlobKey key, Identity caller, Supplier<DownloadCommand> parameters) {
        checkType(key);
        access.checkRead(caller, key.namespace());
        DownloadCommand command = parameters.get();
        DocumentView view = documents.viewFor(key.type(), command);
        return download(key, command.preconditions(), command.range(), view);
    }

    /**
     * The control plane's read: the stored bytes as they are (no {@code select}, config virtual nodes left
     * unresolved), for any namespace; ranges and conditions as on the Xbox route.
     */
    public Download stored(BlobKey key, Preconditions preconditions, ByteRange range) {
        checkType(key);
        return download(key, preconditions, range, null);
    }

    private Download download(BlobKey key, Preconditions preconditions, ByteRange range, DocumentView view) {
        Optional<BlobContent> content = store.open(key);
        if (preconditions.checkRead(content.map(BlobContent::metadata)) == Preconditions.ReadOutcome.NOT_MODIFIED) {
            return new Download.NotModified(content.get().metadata().etag());
        }
        BlobContent blob = content.orElseThrow(() -> XblException.of(ErrorCode.BLOB_NOT_FOUND,
                "Blob %s does not exist in %s.", key.fileName(), key.namespace().rootPath()));
        BlobMetadata metadata = blob.metadata();
        Optional<byte[]> document = view == null ? Optional.empty() : view.render(blob);
        if (document.isPresent()) {
            return new Download.Document(metadata.etag(), document.get());
        }
        ByteRange.Resolved resolved = range == null ? null : range.resolve(metadata.size());
        long offset = resolved == null ? 0 : resolved.offset();
        long length = resolved == null ? metadata.size() : resolved.length();
        return new Download.Bytes(metadata.etag(), key.type().contentType(), length, resolved,
                () -> blob.open(offset, length));
    }

    // ---- upload ---------------------------------------------------------------------------------------------

    /** @param parameters parsed only after the type and ownership checks (SPEC 7's order) */
    public UploadOutcome upload(BlobKey key, Identity caller, Supplier<UploadCommand> parameters, InputStream body)
            throws IOException {
        checkType(key);
        access.checkWrite(caller, key.namespace());
        UploadCommand command = parameters.get();
        String token = command.continuationToken();
        if (key.type().isJson() && (token != null || Boolean.FALSE.equals(command.finalBlock()))) {
            throw XblException.of(ErrorCode.MULTI_BLOCK_NOT_ALLOWED,
                    "%s blobs must be uploaded whole: finalBlock=false and continuationToken are for binary blobs only.",
                    key.type().wireName());
        }
        if (token != null && command.finalBlock() == null) {
            throw XblException.of(ErrorCode.INVALID_PARAMETER,
                    "Query parameter 'finalBlock' (true or false) is required with 'continuationToken'.");
        }
        if (command.contentLength() != null && command.contentLength() > properties.maxRequestBytes()) {
            throw BodyLimits.tooLarge(properties.maxRequestBytes());
        }
        if (token != null) {
            return continueUpload(key, command, token, body);
        }
        if (Boolean.FALSE.equals(command.finalBlock())) {
            return startUpload(key, command, body);
        }
        return wholeUpload(key, command, body);
    }

    private UploadOutcome wholeUpload(BlobKey key, UploadCommand command, InputStream body) throws IOException {
        StagedUpload staged = store.stage();
        boolean committed = false;
        try {
            staged.append(limits(body, 0, 0));
            if (key.type().isJson()) {
                try (InputStream json = staged.open(0, staged.size())) {
                    documents.validate(json);
                }
            }
            BlobMetadata metadata = store.commit(key, staged, attributes(command, BlobAttributes.NONE),
                    guard(command.preconditions(), key.namespace(), staged.size()));
            committed = true;
            return UploadOutcome.created(metadata.etag());
        } finally {
            if (!committed) {
                staged.close();
            }
        }
    }

    private UploadOutcome startUpload(BlobKey key, UploadCommand command, InputStream body) throws IOException {
        StagedUpload staged = store.stage();
        boolean started = false;
        try {
            BodyLimits block = limits(body, 0, properties.minBlockBytes());
            staged.append(block);
            command.preconditions().checkWrite(store.metadata(key));
            UploadSession session = sessions.start(key, staged, attributes(command, BlobAttributes.NONE));
            synchronized (session) {
                session.accepted(null, block.sha256(), sessions.now());
                sessions.register(session);
                started = true;
                return UploadOutcome.blockAccepted(session.currentToken());
            }
        } finally {
            if (!started) {
                staged.close();
            }
        }
    }

    private UploadOutcome continueUpload(BlobKey key, UploadCommand command, String token, InputStream body)
            throws IOException {
        UploadSession session = sessions.find(token, key);
        boolean finalBlock = command.finalBlock();
        synchronized (session) {
            if (!session.committed() && token.equals(session.currentToken())) {
                return acceptBlock(session, command, token, finalBlock, body);
            }
            if (token.equals(session.lastBlockToken)) {
                BodyLimits retransmitted = new BodyLimits(body, properties.maxRequestBytes(), Long.MAX_VALUE,
                        properties.maxBlobBytes(), 0);
                retransmitted.transferTo(OutputStream.nullOutputStream());
                return retransmission(session, token, retransmitted.sha256());
            }
            throw stale(session, token);
        }
    }

    /** The answer to a block sent again with the token it was accepted with: the same, if its bytes are the same. */
    private static UploadOutcome retransmission(UploadSession session, String token, byte[] digest) {
        if (!token.equals(session.lastBlockToken)) {
            throw stale(session, token);
        }
        if (session.isRetransmission(token, digest)) {
            return session.committed()
                    ? UploadOutcome.committed(session.committedEtag)
                    : UploadOutcome.blockAccepted(session.currentToken());
        }
        throw UploadSessions.invalid("continuationToken '%s' was already used for a block with different "
                + "bytes; send the next block with '%s'.", token,
                session.committed() ? "no token (the upload is committed)" : session.currentToken());
    }

    private static XblException stale(UploadSession session, String token) {
        return UploadSessions.invalid("continuationToken '%s' is stale; %s.", token, session.committed()
                ? "the upload was already committed"
                : "the next block must be sent with '" + session.currentToken() + "'");
    }

    /**
     * Another instance of the cluster accepted this token's block while this one received it (the client sent it
     * twice at once): this attempt left nothing, and it is answered as a retransmission of that block.
     */
    private UploadOutcome movedOn(BlobKey key, String token, byte[] digest) {
        UploadSession session = sessions.find(token, key);
        synchronized (session) {
            return retransmission(session, token, digest);
        }
    }

    private UploadOutcome acceptBlock(UploadSession session, UploadCommand command, String token, boolean finalBlock,
                                      InputStream body) throws IOException {
        StagedUpload staged = session.staged;
        long before = staged.size();
        int blocksBefore = session.blocks;
        BodyLimits block = limits(body, before, finalBlock ? 0 : properties.minBlockBytes());
        staged.append(block);
        byte[] digest = block.sha256(); // once: the digest is finished by reading it
        if (!finalBlock) {
            session.accepted(token, digest, sessions.now());
            try {
                sessions.advanced(session, blocksBefore);
            } catch (UploadMovedOnException moved) {
                return movedOn(session.key, token, digest);
            }
            return UploadOutcome.blockAccepted(session.currentToken());
        }
        BlobMetadata metadata;
        try {
            sessions.committing(session, blocksBefore, token, digest);
            metadata = store.commit(session.key, staged, attributes(command, session.firstBlockAttributes),
                    guard(command.preconditions(), session.key.namespace(), staged.size()));
        } catch (UploadMovedOnException moved) {
            staged.truncate(before);
            return movedOn(session.key, token, digest);
        } catch (RuntimeException refused) {
            staged.truncate(before); // a refused block does not consume its token
            throw refused;
        }
        session.accepted(token, digest, sessions.now());
        session.committed(metadata.etag());
        return UploadOutcome.committed(metadata.etag());
    }

    private BodyLimits limits(InputStream body, long alreadyStaged, long minBytes) {
        return new BodyLimits(body, properties.maxRequestBytes(), properties.maxBlobBytes() - alreadyStaged,
                properties.maxBlobBytes(), minBytes);
    }

    /** clientFileTime and displayName of this request win over the first block's. */
    private static BlobAttributes attributes(UploadCommand command, BlobAttributes fallback) {
        return new BlobAttributes(
                command.clientFileTime() != null ? command.clientFileTime() : fallback.clientFileTime(),
                command.displayName() != null ? command.displayName() : fallback.displayName());
    }

    private WriteGuard guard(Preconditions preconditions, Namespace namespace, long newSize) {
        long quota = properties.quotaBytesFor(namespace.root());
        boolean hard = properties.quotaEnforcement() == StorageProperties.QuotaEnforcement.HARD;
        return (current, usedBytes) -> {
            preconditions.checkWrite(current);
            long after = usedBytes - current.map(BlobMetadata::size).orElse(0L) + newSize;
            if (hard && after > quota) {
                throw XblException.of(ErrorCode.QUOTA_EXCEEDED,
                        "This write would take %s to %d bytes; its quota is %d bytes (xblmock.storage.quota-enforcement=hard).",
                        namespace.rootPath(), after, quota);
            }
        };
    }

    // ---- delete, list, quota --------------------------------------------------------------------------------

    public void delete(BlobKey key, Identity caller, Preconditions preconditions) {
        checkType(key);
        access.checkWrite(caller, key.namespace());
        store.delete(key, (current, usedBytes) -> preconditions.checkDelete(current));
    }

    /** @param parameters parsed only after the ownership check (SPEC 7's order) */
    public ListingPage list(Namespace namespace, String directory, Identity caller, Supplier<ListingPaging> parameters) {
        access.checkRead(caller, namespace);
        ListingPaging paging = parameters.get();
        int maxItems = paging.maxItems();
        int offset = paging.continuationToken() != null
                ? ListingTokens.decode(paging.continuationToken(), namespace, directory)
                : paging.skipItems();
        List<BlobMetadata> all = store.list(namespace, directory);
        int from = Math.min(offset, all.size());
        int to = (int) Math.min((long) from + maxItems, all.size());
        List<ListingPage.Item> items = all.subList(from, to).stream()
                .map(m -> new ListingPage.Item(m.key().fileName(), m.etag(), m.size(), m.clientFileTime(), m.displayName()))
                .toList();
        String next = to < all.size() ? ListingTokens.encode(namespace, directory, to) : null;
        return new ListingPage(items, all.size(), next);
    }

    public QuotaInfo quota(Namespace namespace, Identity caller) {
        access.checkRead(caller, namespace);
        return new QuotaInfo(store.usedBytes(namespace), properties.quotaBytesFor(namespace.root()));
    }

    /** Every namespace holding a blob, ordered by its root path (the control plane's storage browser). */
    public List<NamespaceUsage> namespaces() {
        return store.namespaces().stream()
                .sorted(Comparator.comparing((NamespaceUsage usage) -> usage.namespace().rootPath()))
                .toList();
    }

    public int unfinishedUploads() {
        return sessions.unfinished();
    }

    public long quotaBytes(Namespace namespace) {
        return properties.quotaBytesFor(namespace.root());
    }

    // ---- seeding --------------------------------------------------------------------------------------------

    /**
     * The seed's write, first half: the blob staged and checked by the same type and JSON rules as an upload
     * (the seed is the administrator: no owner, quota or precondition). Nothing is visible until
     * {@link #commitSeed}; a manifest that fails later closes what it staged.
     */
    public SeedBlob stageSeed(BlobKey key, BlobAttributes attributes, InputStream content) throws IOException {
        checkType(key);
        StagedUpload staged = store.stage();
        try {
            staged.append(content);
            if (key.type().isJson()) {
                try (InputStream json = staged.open(0, staged.size())) {
                    documents.validate(json);
                }
            }
            return new SeedBlob(key, attributes, staged);
        } catch (IOException | RuntimeException e) {
            staged.close();
            throw e;
        }
    }

    /** The seed's write, second half: the staged blob becomes the stored version. */
    public void commitSeed(SeedBlob blob) {
        store.commit(blob.key, blob.staged, blob.attributes, WriteGuard.NONE);
    }

    /** A seed blob staged and checked, not yet stored; {@link #close()} drops it. */
    public static final class SeedBlob implements AutoCloseable {
        private final BlobKey key;
        private final BlobAttributes attributes;
        private final StagedUpload staged;

        private SeedBlob(BlobKey key, BlobAttributes attributes, StagedUpload staged) {
            this.key = key;
            this.attributes = attributes;
            this.staged = staged;
        }

        @Override
        public void close() {
            staged.close();
        }
    }

    private static void checkType(BlobKey key) {
        StorageRoot root = key.namespace().root();
        if (!root.allows(key.type())) {
            throw XblException.of(ErrorCode.TYPE_NOT_ALLOWED, "Type '%s' is not allowed in %s storage; allowed: %s.",
                    key.type().wireName(), root.segment(), root.allowedTypes());
        }
    }
}
