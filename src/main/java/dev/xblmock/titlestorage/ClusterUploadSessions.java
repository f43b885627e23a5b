package dev.xblmock.titlestorage;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.titlestorage.store.ClusterBlobStore;
import dev.xblmock.titlestorage.store.ClusterSessionRow;
import dev.xblmock.titlestorage.store.UploadMovedOnException;

/**
 * Multi-block uploads on the cluster backend: the database holds every session, so a block may reach any
 * instance and an instance that dies loses nothing acknowledged. Each instance keeps the sessions it served
 * as a cache, checked against the database at every block (one SELECT); a stale or missing copy is replaced
 * by the database's state, its accepted bytes resumed from the bucket's objects. Accepting a block is one
 * conditional UPDATE (the block count must not have moved), and the final block's commit finishes the session
 * in the commit's transaction, so two instances can never both accept the same block.
 */
final class ClusterUploadSessions extends UploadSessions {

    private final ClusterBlobStore store;
    private final Duration idleTimeout;

    ClusterUploadSessions(Clock clock, StorageProperties properties, ClusterBlobStore store) {
        super(clock, properties);
        this.store = store;
        this.idleTimeout = properties.uploadIdleTimeout();
    }

    @Override
    void register(UploadSession session) {
        store.insertSession(session.id, session.key, session.staged, session.firstBlockAttributes, session.blocks,
                session.lastBlockToken, session.lastBlockDigest);
        super.register(session);
    }

    @Override
    UploadSession find(String token, BlobKey key) {
        int dash = token.lastIndexOf('-');
        String id = dash < 0 ? null : token.substring(0, dash);
        Optional<ClusterSessionRow> found = id == null ? Optional.empty() : store.loadSession(id, idleTimeout);
        UploadSession local = id == null ? null : sessions.get(id);
        if (found.isEmpty()) {
            if (local != null) {
                remove(local);
            }
            throw invalid("continuationToken '%s' is unknown (or its upload expired or was reset).", token);
        }
        ClusterSessionRow row = found.get();
        if (row.expired()) {
            if (local != null) {
                remove(local);
            }
            store.deleteSession(id);
            throw invalid("continuationToken '%s' expired after %d ms without a block "
                    + "(xblmock.storage.upload-idle-timeout).", token, idleTimeoutMillis);
        }
        if (!row.key().equals(key)) {
            throw invalid("continuationToken '%s' belongs to an upload of another blob (%s).", token,
                    row.key().fileName());
        }
        if (local != null) {
            synchronized (local) {
                if (local.blocks == row.blocks() && local.committed() == (row.committedEtag() != null)) {
                    return local;
                }
            }
        }
        UploadSession adopted = new UploadSession(id, row.key(),
                row.committedEtag() == null ? store.resume(row.stagingId()) : null, row.firstAttributes(),
                clock.instant());
        adopted.blocks = row.blocks();
        adopted.lastBlockToken = row.lastBlockToken();
        adopted.lastBlockDigest = row.lastBlockDigest();
        adopted.committedEtag = row.committedEtag();
        UploadSession previous = sessions.put(id, adopted);
        if (previous != null) {
            letGo(previous);
        }
        return adopted;
    }

    @Override
    void advanced(UploadSession session, int blocksBefore) {
        try {
            store.advanceSession(session.id, blocksBefore, session.staged, session.lastBlockToken,
                    session.lastBlockDigest);
        } catch (UploadMovedOnException moved) {
            sessions.remove(session.id, session);
            letGo(session);
            throw moved;
        }
    }

    @Override
    void committing(UploadSession session, int blocksBefore, String token, byte[] digest) {
        store.claimSessionOnCommit(session.staged, session.id, blocksBefore, token, digest);
    }

    /** Another instance carries the upload on: this copy goes, its bytes stay (they are the session's). */
    private void letGo(UploadSession session) {
        synchronized (session) {
            if (session.staged != null && !session.committed()) {
                store.release(session.staged);
            }
        }
    }

    /**
     * Sessions of any instance idle past the timeout go from the database (their bytes are swept with their staging
     * areas); a copy idle here is dropped, its bytes discarded only if the database has no live session for it.
     */
    @Override
    void sweep() {
        store.deleteExpiredSessions(idleTimeout);
        long now = clock.millis();
        for (UploadSession session : List.copyOf(sessions.values())) {
            if (now - session.lastActivity.toEpochMilli() <= idleTimeoutMillis) {
                continue;
            }
            Optional<ClusterSessionRow> row = store.loadSession(session.id, idleTimeout);
            if (row.isEmpty() || row.get().expired()) {
                remove(session);
            } else if (sessions.remove(session.id, session)) {
                letGo(session);
            }
        }
    }

    @Override
    public int unfinished() {
        return store.unfinishedSessions(idleTimeout);
    }

    @Override
    public void reset() {
        store.deleteSessions();
        super.reset();
    }
}
