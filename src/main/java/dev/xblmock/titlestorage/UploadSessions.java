package dev.xblmock.titlestorage;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.storage.Resettable;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.settings.StorageProperties;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.store.StagedUpload;
import jakarta.annotation.PreDestroy;

/**
 * Pending multi-block uploads by token id. An upload idle for longer than
 * {@code xblmock.storage.upload-idle-timeout} expires: its token is refused and its staged bytes freed
 * (a background sweep frees abandoned uploads even if nobody asks for them again). The memory and filesystem
 * backends keep them here only; the cluster backend shares them ({@link ClusterUploadSessions}).
 */
public class UploadSessions implements Resettable {

    final ConcurrentHashMap<String, UploadSession> sessions = new ConcurrentHashMap<>();
    final Clock clock;
    final long idleTimeoutMillis;
    private final ScheduledExecutorService sweeper;

    public UploadSessions(Clock clock, StorageProperties properties) {
        this.clock = clock;
        this.idleTimeoutMillis = properties.uploadIdleTimeout().toMillis();
        this.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "upload-session-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1_000, Math.min(idleTimeoutMillis, 60_000));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** Multi-block uploads started and neither committed, expired nor reset. */
    public int unfinished() {
        Instant now = clock.instant();
        int count = 0;
        for (UploadSession session : sessions.values()) {
            synchronized (session) {
                if (!session.committed() && !expired(session, now)) {
                    count++;
                }
            }
        }
        return count;
    }

    UploadSession start(BlobKey key, StagedUpload staged, BlobAttributes attributes) {
        String id = UUID.randomUUID().toString();
        return new UploadSession(id, key, staged, attributes, clock.instant());
    }

    /** Makes a session whose first block was accepted findable by its token. */
    void register(UploadSession session) {
        sessions.put(session.id, session);
    }

    /**
     * A non-final block was accepted ({@link UploadSession#accepted} done) on a session that had
     * {@code blocksBefore} blocks. Shared sessions record it, or throw {@link dev.xblmock.titlestorage.store.UploadMovedOnException}
     * when another instance accepted a block first.
     */
    void advanced(UploadSession session, int blocksBefore) {
    }

    /** The final block is about to be committed: shared sessions make the commit finish the session too. */
    void committing(UploadSession session, int blocksBefore, String token, byte[] digest) {
    }

    /** The live session a token belongs to, bound to {@code key}; 400 InvalidContinuationToken otherwise. */
    UploadSession find(String token, BlobKey key) {
        int dash = token.lastIndexOf('-');
        UploadSession session = dash < 0 ? null : sessions.get(token.substring(0, dash));
        if (session == null) {
            throw invalid("continuationToken '%s' is unknown (or its upload expired or was reset).", token);
        }
        synchronized (session) {
            if (expired(session, clock.instant())) {
                remove(session);
                throw invalid("continuationToken '%s' expired after %d ms without a block "
                        + "(xblmock.storage.upload-idle-timeout).", token, idleTimeoutMillis);
            }
        }
        if (!session.key.equals(key)) {
            throw invalid("continuationToken '%s' belongs to an upload of another blob (%s).", token,
                    session.key.fileName());
        }
        return session;
    }

    Instant now() {
        return clock.instant();
    }

    /** Forgets a session; its staged bytes are freed unless they were committed. */
    void remove(UploadSession session) {
        if (sessions.remove(session.id, session) && !session.committed()) {
            session.staged.close();
        }
    }

    void sweep() {
        Instant now = clock.instant();
        sessions.values().forEach(session -> {
            synchronized (session) {
                if (expired(session, now)) {
                    remove(session);
                }
            }
        });
    }

    private boolean expired(UploadSession session, Instant now) {
        return now.toEpochMilli() - session.lastActivity.toEpochMilli() > idleTimeoutMillis;
    }

    static XblException invalid(String format, Object... args) {
        return XblException.of(ErrorCode.INVALID_CONTINUATION_TOKEN, format, args);
    }

    @Override
    public void reset() {
        sessions.values().forEach(this::remove);
    }

    @PreDestroy
    void stop() {
        sweeper.shutdownNow();
    }
}
