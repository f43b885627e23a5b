package dev.xblmock.titlestorage.store;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import dev.xblmock.cluster.ClusterSql;
import dev.xblmock.common.web.StorageFailures;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Etag;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.NamespaceUsage;
import dev.xblmock.titlestorage.domain.StorageRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * The cluster backend's store (docs/ARCHITECTURE.md, "Cluster backend"): metadata in PostgreSQL, bytes in an S3
 * bucket, shared by any number of instances. Each decision is taken by the database in one short transaction:
 * a commit or delete locks its namespace's row, reads the blob's row, runs the {@link WriteGuard} against them
 * and writes, so preconditions and quotas hold across instances; ETags come from one database sequence. Blob
 * bytes are immutable objects: a version is the ordered list of its slices, so replacing a blob never touches the
 * bytes of the version a reader may still stream.
 *
 * <p>Nothing leaks: every object is recorded before it is written, and {@link #sweep()} removes the objects and
 * rows of versions dead (replaced, deleted, reset) for longer than the grace period and of uploads idle for
 * longer than it (abandoned, or written by an instance that died before committing). Sweepers of several
 * instances claim disjoint rows ({@code FOR UPDATE SKIP LOCKED}).
 */
public class ClusterBlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterBlobStore.class);
    private static final String NAMESPACE_WHERE = "root = ? AND owner = ? AND scid = ?";
    /** Staging areas one sweep claims at a time. */
    static final int SWEEP_BATCH = 100;
    /** How long a claim keeps other sweepers away: a sweeper that died mid-way is taken over after it. */
    private static final String CLAIM_TIME = "interval '10 minutes'";

    private final ClusterSql sql;
    private final S3Client s3;
    private final String bucket;
    private final StagingBudget staging;
    private final Duration grace;
    private ScheduledExecutorService sweeper;

    /**
     * @param grace how long a dead version stays readable (downloads under way finish) and how long an
     *              unfinished upload may idle before its bytes are removed: {@code xblmock.storage.upload-idle-timeout}
     */
    public ClusterBlobStore(DataSource dataSource, S3Client s3, String bucket, StagingBudget staging, Duration grace) {
        this.sql = new ClusterSql(dataSource);
        this.s3 = s3;
        this.bucket = bucket;
        this.staging = staging;
        this.grace = grace;
    }

    /** Sweeps in the background, every {@code grace} (at least every minute, at most every second), until closed. */
    public synchronized ClusterBlobStore startSweeping() {
        if (sweeper == null) {
            sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "cluster-blob-sweeper");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1_000, Math.min(grace.toMillis(), 60_000));
            sweeper.scheduleWithFixedDelay(() -> {
                try {
                    sweep();
                } catch (RuntimeException e) {
                    log.warn("The cluster's sweeper failed; it tries again in {} ms", period, e);
                }
            }, period, period, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public synchronized void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------------

    @Override
    public Optional<BlobMetadata> metadata(BlobKey key) {
        return sql.run("read the blob's metadata", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT size, etag, client_file_time, "
                    + "display_name FROM blob WHERE " + NAMESPACE_WHERE + " AND file_name = ?")) {
                bindKey(select, 1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(metadata(key, row)) : Optional.empty();
                }
            }
        });
    }

    /** One statement: the current version's metadata and its segments. */
    @Override
    public Optional<BlobContent> open(BlobKey key) {
        return sql.run("open the blob", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT b.size, b.etag, b.client_file_time, "
                    + "b.display_name, s.object_key, s.object_offset, s.length FROM blob b LEFT JOIN segment s "
                    + "ON s.staging_id = b.version WHERE b.root = ? AND b.owner = ? AND b.scid = ? AND b.file_name = ? "
                    + "ORDER BY s.seq")) {
                bindKey(select, 1, key);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    BlobMetadata metadata = metadata(key, row);
                    List<ClusterSegment> segments = new ArrayList<>();
                    do {
                        String objectKey = row.getString(5);
                        if (objectKey != null) {
                            segments.add(new ClusterSegment(objectKey, row.getLong(6), row.getLong(7)));
                        }
                    } while (row.next());
                    return Optional.of(new ClusterBlobContent(metadata, segments));
                }
            }
        });
    }

    private final class ClusterBlobContent implements BlobContent {
        private final BlobMetadata metadata;
        private final List<ClusterSegment> segments;

        ClusterBlobContent(BlobMetadata metadata, List<ClusterSegment> segments) {
            this.metadata = metadata;
            this.segments = List.copyOf(segments);
        }

        @Override
        public BlobMetadata metadata() {
            return metadata;
        }

        @Override
        public InputStream open(long offset, long length) {
            if (offset < 0 || length < 0 || offset + length > metadata.size()) {
                throw new IndexOutOfBoundsException("range " + offset + "+" + length + " outside " + metadata.size());
            }
            return stream(segments, offset, length);
        }
    }

    InputStream stream(List<ClusterSegment> segments, long offset, long length) {
        return new ClusterObjectStream(s3, bucket, segments, offset, length);
    }

    @Override
    public List<BlobMetadata> list(Namespace namespace, String directory) {
        return sql.run("list the namespace", connection -> {
            String range = directory.isEmpty() ? "" : " AND file_name >= ? AND file_name < ?";
            try (PreparedStatement select = connection.prepareStatement("SELECT size, etag, client_file_time, "
                    + "display_name, file_name FROM blob WHERE " + NAMESPACE_WHERE + range + " ORDER BY file_name")) {
                bindNamespace(select, 1, namespace);
                if (!directory.isEmpty()) {
                    // "dir/" up to "dir0": exactly the names starting with "dir/" ('0' follows '/')
                    select.setString(4, directory + "/");
                    select.setString(5, directory + "0");
                }
                List<BlobMetadata> result = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        result.add(metadata(key(namespace, row.getString(5)), row));
                    }
                }
                return result;
            }
        });
    }

    @Override
    public long usedBytes(Namespace namespace) {
        return sql.run("read the namespace's usage", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT used_bytes FROM namespace WHERE " + NAMESPACE_WHERE)) {
                bindNamespace(select, 1, namespace);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public List<NamespaceUsage> namespaces() {
        return sql.run("list the namespaces", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT root, owner, scid, blobs, used_bytes FROM namespace WHERE blobs > 0");
                 ResultSet row = select.executeQuery()) {
                List<NamespaceUsage> result = new ArrayList<>();
                while (row.next()) {
                    Namespace namespace = new Namespace(StorageRoot.valueOf(row.getString(1)), row.getString(2),
                            row.getString(3));
                    result.add(new NamespaceUsage(namespace, row.getInt(4), row.getLong(5)));
                }
                return result;
            }
        });
    }

    // ---- staging --------------------------------------------------------------------------------------------

    @Override
    public StagedUpload stage() {
        return new ClusterStagedUpload(this, staging);
    }

    /** Unique although instances that resume one upload each add objects to it. */
    String objectKey(UUID stagingId) {
        return "staging/" + stagingId + "/" + UUID.randomUUID();
    }

    /**
     * Records the object as the staging area's (creating its row, refreshing its activity), then writes it. Refused
     * when a sweeper claimed the area: an upload abandoned for longer than the grace period gets no more objects.
     */
    void writeObject(UUID stagingId, String objectKey, byte[] bytes, int length) {
        int recorded = sql.run("record the staged object", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("WITH s AS (INSERT INTO staging (id) "
                    + "VALUES (?) ON CONFLICT (id) DO UPDATE SET last_activity = now() "
                    + "WHERE staging.claimed_until IS NULL AND NOT staging.committed RETURNING id) "
                    + "INSERT INTO stored_object (object_key, staging_id) SELECT ?, id FROM s")) {
                insert.setObject(1, stagingId);
                insert.setString(2, objectKey);
                return insert.executeUpdate();
            }
        });
        if (recorded == 0) {
            throw StorageFailures.clusterUnavailable("stage the upload's bytes",
                    new IllegalStateException("staging area " + stagingId + " was removed as abandoned"));
        }
        try {
            s3.putObject(request -> request.bucket(bucket).key(objectKey).contentLength((long) length),
                    RequestBody.fromContentProvider(ContentStreamProvider.fromInputStreamSupplier(
                            () -> new ByteArrayInputStream(bytes, 0, length)), length, "application/octet-stream"));
        } catch (SdkException e) {
            throw StorageFailures.clusterUnavailable("write the staged upload to the bucket", e);
        }
    }

    /** Removes an uncommitted staging area: its objects first, then its rows (what fails is left to the sweeper). */
    void discard(UUID stagingId, List<String> objectKeys) {
        try {
            deleteObjects(objectKeys);
            sql.run("discard the staged upload", connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM staging WHERE id = ? AND NOT committed")) {
                    delete.setObject(1, stagingId);
                    return delete.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            // the upload's staging area is still recorded: the sweeper removes it once it has idled out
        }
    }

    void deleteObjects(List<String> objectKeys) {
        for (int from = 0; from < objectKeys.size(); from += 1000) {
            List<ObjectIdentifier> batch = objectKeys.subList(from, Math.min(from + 1000, objectKeys.size())).stream()
                    .map(key -> ObjectIdentifier.builder().key(key).build()).toList();
            s3.deleteObjects(request -> request.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
        }
    }

    // ---- writes ---------------------------------------------------------------------------------------------

    /**
     * One transaction: lock the namespace's row (created if new), read the blob's row, run the guard, then record
     * the version's segments, upsert the blob with the next ETag and update the counters in one statement.
     */
    @Override
    public BlobMetadata commit(BlobKey key, StagedUpload staged, BlobAttributes attributes, WriteGuard guard) {
        if (!(staged instanceof ClusterStagedUpload upload)) {
            throw new IllegalArgumentException("not staged by this store");
        }
        List<ClusterSegment> segments = upload.segments();
        long size = segments.stream().mapToLong(ClusterSegment::length).sum();
        BlobMetadata metadata = sql.transaction("commit the blob", connection -> {
            long usedBytes = lockNamespace(connection, key.namespace(), true);
            Current current = current(connection, key);
            guard.check(Optional.ofNullable(current).map(Current::metadata), usedBytes);
            recordVersion(connection, upload.id, segments);
            try (PreparedStatement upsert = connection.prepareStatement("WITH b AS (INSERT INTO blob (root, owner, "
                    + "scid, file_name, size, etag, client_file_time, display_name, version) VALUES (?, ?, ?, ?, ?, "
                    + "nextval('blob_etag'), ?, ?, ?) ON CONFLICT (root, owner, scid, file_name) DO UPDATE SET "
                    + "size = EXCLUDED.size, etag = EXCLUDED.etag, client_file_time = EXCLUDED.client_file_time, "
                    + "display_name = EXCLUDED.display_name, version = EXCLUDED.version RETURNING etag), "
                    + "n AS (UPDATE namespace SET used_bytes = used_bytes + ?, blobs = blobs + ? WHERE " + NAMESPACE_WHERE
                    + "), d AS (UPDATE staging SET dead_since = now() WHERE id = ?) SELECT etag FROM b")) {
                bindKey(upsert, 1, key);
                upsert.setLong(5, size);
                upsert.setString(6, attributes.clientFileTime() == null ? null : attributes.clientFileTime().toString());
                upsert.setString(7, attributes.displayName());
                upsert.setObject(8, upload.id);
                upsert.setLong(9, size - (current == null ? 0 : current.metadata.size()));
                upsert.setInt(10, current == null ? 1 : 0);
                bindNamespace(upsert, 11, key.namespace());
                upsert.setObject(14, current == null ? null : current.version, Types.OTHER);
                BlobMetadata committed;
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    committed = new BlobMetadata(key, size, new Etag(row.getLong(1)), attributes.clientFileTime(),
                            attributes.displayName());
                }
                ClusterStagedUpload.SessionClaim claim = upload.claim();
                if (claim != null) {
                    finishSession(connection, claim, committed.etag());
                }
                return committed;
            }
        });
        upload.committed();
        return metadata;
    }

    /** Marks the staging area committed (creating it for an upload that wrote no object) and records its segments. */
    private static void recordVersion(Connection connection, UUID stagingId, List<ClusterSegment> segments)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("WITH s AS (INSERT INTO staging (id, committed) "
                + "VALUES (?, true) ON CONFLICT (id) DO UPDATE SET committed = true, last_activity = now() "
                + "WHERE staging.claimed_until IS NULL AND NOT staging.committed RETURNING id), "
                + "g AS (INSERT INTO segment (staging_id, seq, object_key, object_offset, length) "
                + "SELECT s.id, u.seq, u.object_key, u.object_offset, u.length FROM s, "
                + "unnest(?::int[], ?::text[], ?::bigint[], ?::bigint[]) AS u (seq, object_key, object_offset, length) "
                + "ON CONFLICT (staging_id, seq) DO NOTHING) "
                + "SELECT count(*) FROM s")) {
            insert.setObject(1, stagingId);
            bindSegments(connection, insert, 2, 0, segments);
            try (ResultSet row = insert.executeQuery()) {
                row.next();
                if (row.getInt(1) == 0) {
                    throw new SQLException("staging area " + stagingId + " was removed as abandoned or committed twice");
                }
            }
        }
    }

    @Override
    public boolean delete(BlobKey key, WriteGuard guard) {
        return sql.transaction("delete the blob", connection -> {
            long usedBytes = lockNamespace(connection, key.namespace(), false);
            Current current = usedBytes < 0 ? null : current(connection, key);
            guard.check(Optional.ofNullable(current).map(Current::metadata), Math.max(usedBytes, 0));
            if (current == null) {
                return false;
            }
            try (PreparedStatement delete = connection.prepareStatement("WITH b AS (DELETE FROM blob WHERE "
                    + NAMESPACE_WHERE + " AND file_name = ?), n AS (UPDATE namespace SET used_bytes = used_bytes - ?, "
                    + "blobs = blobs - 1 WHERE " + NAMESPACE_WHERE + ") UPDATE staging SET dead_since = now() WHERE id = ?")) {
                bindKey(delete, 1, key);
                delete.setLong(5, current.metadata.size());
                bindNamespace(delete, 6, key.namespace());
                delete.setObject(9, current.version);
                delete.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Locks the namespace's row for the rest of the transaction and returns its used bytes. With {@code create}, a
     * missing row is created (and locked); without, a missing namespace gives -1 and locks nothing.
     */
    private static long lockNamespace(Connection connection, Namespace namespace, boolean create) throws SQLException {
        String statement = create
                ? "INSERT INTO namespace (root, owner, scid) VALUES (?, ?, ?) ON CONFLICT (root, owner, scid) "
                        + "DO UPDATE SET blobs = namespace.blobs RETURNING used_bytes"
                : "SELECT used_bytes FROM namespace WHERE " + NAMESPACE_WHERE + " FOR UPDATE";
        try (PreparedStatement lock = connection.prepareStatement(statement)) {
            bindNamespace(lock, 1, namespace);
            try (ResultSet row = lock.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    private record Current(BlobMetadata metadata, UUID version) {
    }

    private static Current current(Connection connection, BlobKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT size, etag, client_file_time, "
                + "display_name, version FROM blob WHERE " + NAMESPACE_WHERE + " AND file_name = ?")) {
            bindKey(select, 1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Current(metadata(key, row), row.getObject(5, UUID.class)) : null;
            }
        }
    }

    /**
     * Every blob goes; their versions are dead from now and swept after the grace period (a download under way
     * finishes). Unfinished uploads are their sessions' to close.
     */
    @Override
    public void reset() {
        sql.transaction("reset the blob store", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("WITH b AS (DELETE FROM blob RETURNING "
                    + "version), n AS (DELETE FROM namespace) UPDATE staging SET dead_since = now() WHERE id IN "
                    + "(SELECT version FROM b)")) {
                return statement.executeUpdate();
            }
        });
    }

    // ---- multi-block upload sessions, shared by the instances -------------------------------------------------

    /** Records a multi-block upload after its first block: the session and the block's segments. */
    public void insertSession(String id, BlobKey key, StagedUpload staged, BlobAttributes first, int blocks,
                              String lastBlockToken, byte[] lastBlockDigest) {
        ClusterStagedUpload upload = (ClusterStagedUpload) staged;
        sql.transaction("record the upload session", connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upload_session (id, root, owner, "
                    + "scid, file_name, staging_id, first_client_file_time, first_display_name, blocks, "
                    + "last_block_token, last_block_digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, id);
                bindKey(insert, 2, key);
                insert.setObject(6, upload.id);
                insert.setString(7, first.clientFileTime() == null ? null : first.clientFileTime().toString());
                insert.setString(8, first.displayName());
                insert.setInt(9, blocks);
                insert.setString(10, lastBlockToken);
                insert.setBytes(11, lastBlockDigest);
                insert.executeUpdate();
            }
            insertSegments(connection, upload.id, upload.recorded(), upload.unrecorded());
            return null;
        });
        upload.allRecorded();
    }

    /**
     * Accepts a non-final block in one statement: only if the session still has {@code blocksBefore} blocks (no
     * other instance accepted this block meanwhile), counting it and recording its segments.
     *
     * @throws UploadMovedOnException when another instance accepted a block first
     */
    public void advanceSession(String id, int blocksBefore, StagedUpload staged, String token, byte[] digest) {
        ClusterStagedUpload upload = (ClusterStagedUpload) staged;
        List<ClusterSegment> added = upload.unrecorded();
        int first = upload.recorded();
        boolean advanced = sql.run("accept the block", connection -> {
            try (PreparedStatement update = connection.prepareStatement("WITH c AS (UPDATE upload_session SET "
                    + "blocks = blocks + 1, last_block_token = ?, last_block_digest = ?, last_activity = now() "
                    + "WHERE id = ? AND blocks = ? AND committed_etag IS NULL RETURNING staging_id), "
                    + "t AS (UPDATE staging SET last_activity = now() WHERE id IN (SELECT staging_id FROM c)), "
                    + "g AS (INSERT INTO segment (staging_id, seq, object_key, object_offset, length) "
                    + "SELECT c.staging_id, u.seq, u.object_key, u.object_offset, u.length FROM c, "
                    + "unnest(?::int[], ?::text[], ?::bigint[], ?::bigint[]) AS u (seq, object_key, object_offset, length)) "
                    + "SELECT count(*) FROM c")) {
                update.setString(1, token);
                update.setBytes(2, digest);
                update.setString(3, id);
                update.setInt(4, blocksBefore);
                bindSegments(connection, update, 5, first, added);
                try (ResultSet row = update.executeQuery()) {
                    row.next();
                    return row.getInt(1) == 1;
                }
            }
        });
        if (!advanced) {
            throw new UploadMovedOnException(id);
        }
        upload.allRecorded();
    }

    /** The final block's commit also finishes the session, in its transaction, if no other instance did. */
    public void claimSessionOnCommit(StagedUpload staged, String id, int blocksBefore, String token, byte[] digest) {
        ((ClusterStagedUpload) staged).claim(new ClusterStagedUpload.SessionClaim(id, blocksBefore, token, digest));
    }

    private static void finishSession(Connection connection, ClusterStagedUpload.SessionClaim claim, Etag etag)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE upload_session SET blocks = blocks + 1, "
                + "last_block_token = ?, last_block_digest = ?, committed_etag = ?, last_activity = now() "
                + "WHERE id = ? AND blocks = ? AND committed_etag IS NULL")) {
            update.setString(1, claim.token());
            update.setBytes(2, claim.digest());
            update.setLong(3, etag.value());
            update.setString(4, claim.sessionId());
            update.setInt(5, claim.blocksBefore());
            if (update.executeUpdate() != 1) {
                throw new UploadMovedOnException(claim.sessionId());
            }
        }
    }

    /** The session as the database holds it; empty when there is none (never started, removed or reset). */
    public Optional<ClusterSessionRow> loadSession(String id, Duration idleTimeout) {
        return sql.run("read the upload session", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT root, owner, scid, file_name, "
                    + "staging_id, first_client_file_time, first_display_name, blocks, last_block_token, "
                    + "last_block_digest, committed_etag, last_activity < now() - ?::interval FROM upload_session "
                    + "WHERE id = ?")) {
                select.setString(1, idleTimeout.toMillis() + " milliseconds");
                select.setString(2, id);
                try (ResultSet result = select.executeQuery()) {
                    if (!result.next()) {
                        return Optional.empty();
                    }
                    Namespace namespace = new Namespace(StorageRoot.valueOf(result.getString(1)), result.getString(2),
                            result.getString(3));
                    String clientFileTime = result.getString(6);
                    long etag = result.getLong(11);
                    Etag committed = result.wasNull() ? null : new Etag(etag);
                    return Optional.of(new ClusterSessionRow(id, key(namespace, result.getString(4)),
                            result.getObject(5, UUID.class), new BlobAttributes(clientFileTime == null ? null
                                    : Instant.parse(clientFileTime), result.getString(7)), result.getInt(8),
                            result.getString(9), result.getBytes(10), committed, result.getBoolean(12)));
                }
            }
        });
    }

    /**
     * The accepted bytes of a multi-block upload, resumed on this instance: counted in its staging budget until
     * committed, closed or {@linkplain #release released}.
     */
    public StagedUpload resume(UUID stagingId) {
        List<ClusterSegment> segments = sql.run("read the upload's segments", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT object_key, object_offset, length "
                    + "FROM segment WHERE staging_id = ? ORDER BY seq")) {
                select.setObject(1, stagingId);
                List<ClusterSegment> result = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        result.add(new ClusterSegment(row.getString(1), row.getLong(2), row.getLong(3)));
                    }
                }
                return result;
            }
        });
        return new ClusterStagedUpload(this, staging, stagingId, segments);
    }

    /** Lets go of a resumed upload that another instance carries on, keeping its bytes. */
    public void release(StagedUpload staged) {
        ((ClusterStagedUpload) staged).release();
    }

    public void deleteSession(String id) {
        sql.run("remove the upload session", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM upload_session WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate();
            }
        });
    }

    /** Sessions idle for longer than the timeout, on any instance (the staging sweeper removes their bytes). */
    public int deleteExpiredSessions(Duration idleTimeout) {
        return sql.run("remove expired upload sessions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM upload_session WHERE last_activity < now() - ?::interval")) {
                delete.setString(1, idleTimeout.toMillis() + " milliseconds");
                return delete.executeUpdate();
            }
        });
    }

    /** Unfinished (neither committed nor expired) multi-block uploads of every instance. */
    public int unfinishedSessions(Duration idleTimeout) {
        return sql.run("count the upload sessions", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM upload_session "
                    + "WHERE committed_etag IS NULL AND last_activity >= now() - ?::interval")) {
                select.setString(1, idleTimeout.toMillis() + " milliseconds");
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        });
    }

    /** Every session of every instance goes (reset); their staging areas are swept once idle. */
    public void deleteSessions() {
        sql.run("remove the upload sessions", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM upload_session")) {
                return delete.executeUpdate();
            }
        });
    }

    private static void insertSegments(Connection connection, UUID stagingId, int first, List<ClusterSegment> segments)
            throws SQLException {
        if (segments.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO segment (staging_id, seq, object_key, "
                + "object_offset, length) SELECT ?, u.seq, u.object_key, u.object_offset, u.length FROM "
                + "unnest(?::int[], ?::text[], ?::bigint[], ?::bigint[]) AS u (seq, object_key, object_offset, length)")) {
            insert.setObject(1, stagingId);
            bindSegments(connection, insert, 2, first, segments);
            insert.executeUpdate();
        }
    }

    /** Four array parameters from {@code index}: the segments' sequence numbers (from {@code first}), keys, offsets, lengths. */
    private static void bindSegments(Connection connection, PreparedStatement statement, int index, int first,
                                     List<ClusterSegment> segments) throws SQLException {
        int n = segments.size();
        Integer[] seqs = new Integer[n];
        String[] keys = new String[n];
        Long[] offsets = new Long[n];
        Long[] lengths = new Long[n];
        for (int i = 0; i < n; i++) {
            seqs[i] = first + i;
            keys[i] = segments.get(i).objectKey();
            offsets[i] = segments.get(i).offset();
            lengths[i] = segments.get(i).length();
        }
        statement.setArray(index, connection.createArrayOf("int4", seqs));
        statement.setArray(index + 1, connection.createArrayOf("text", keys));
        statement.setArray(index + 2, connection.createArrayOf("int8", offsets));
        statement.setArray(index + 3, connection.createArrayOf("int8", lengths));
    }

    // ---- sweeping -------------------------------------------------------------------------------------------

    /**
     * Removes what outlived the grace period, batch by batch: claims staging areas (a claimed one takes no more
     * objects and cannot be committed), deletes their objects from the bucket, then their rows. A failure leaves
     * the claim to expire, and a later sweep, on any instance, finishes the work.
     *
     * @return the number of staging areas removed
     */
    public int sweep() {
        int removed = 0;
        while (true) {
            List<UUID> claimed = claim();
            if (claimed.isEmpty()) {
                return removed;
            }
            deleteObjects(objectsOf(claimed));
            sql.run("remove swept staging areas", connection -> {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM staging WHERE id = ANY (?)")) {
                    delete.setArray(1, connection.createArrayOf("uuid", claimed.toArray()));
                    return delete.executeUpdate();
                }
            });
            removed += claimed.size();
            if (claimed.size() < SWEEP_BATCH) {
                return removed;
            }
        }
    }

    private List<UUID> claim() {
        return sql.run("claim staging areas to sweep", connection -> {
            try (PreparedStatement claim = connection.prepareStatement("WITH doomed AS (SELECT id FROM staging "
                    + "WHERE (claimed_until IS NULL OR claimed_until < now()) AND ((dead_since < now() - ?::interval) "
                    + "OR (NOT committed AND last_activity < now() - ?::interval)) LIMIT " + SWEEP_BATCH
                    + " FOR UPDATE SKIP LOCKED) UPDATE staging SET claimed_until = now() + " + CLAIM_TIME
                    + " FROM doomed WHERE staging.id = doomed.id RETURNING staging.id")) {
                String interval = grace.toMillis() + " milliseconds";
                claim.setString(1, interval);
                claim.setString(2, interval);
                List<UUID> ids = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) {
                        ids.add(row.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    private List<String> objectsOf(List<UUID> stagingIds) {
        return sql.run("list swept objects", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT object_key FROM stored_object WHERE staging_id = ANY (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", stagingIds.toArray()));
                List<String> keys = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        keys.add(row.getString(1));
                    }
                }
                return keys;
            }
        });
    }

    // ---- mapping --------------------------------------------------------------------------------------------

    private static void bindNamespace(PreparedStatement statement, int first, Namespace namespace) throws SQLException {
        statement.setString(first, namespace.root().name());
        statement.setString(first + 1, namespace.owner());
        statement.setString(first + 2, namespace.scid());
    }

    private static void bindKey(PreparedStatement statement, int first, BlobKey key) throws SQLException {
        bindNamespace(statement, first, key.namespace());
        statement.setString(first + 3, key.fileName());
    }

    /** Columns 1-4 of {@code row}: size, etag, client_file_time, display_name. */
    private static BlobMetadata metadata(BlobKey key, ResultSet row) throws SQLException {
        String clientFileTime = row.getString(3);
        return new BlobMetadata(key, row.getLong(1), new Etag(row.getLong(2)),
                clientFileTime == null ? null : Instant.parse(clientFileTime), row.getString(4));
    }

    private static BlobKey key(Namespace namespace, String fileName) {
        int comma = fileName.lastIndexOf(',');
        BlobType type = BlobType.fromWireName(fileName.substring(comma + 1))
                .orElseThrow(() -> new IllegalStateException("unknown blob type in " + fileName));
        return new BlobKey(namespace, fileName.substring(0, comma), type);
    }
}
