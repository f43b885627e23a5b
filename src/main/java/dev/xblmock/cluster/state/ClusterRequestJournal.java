package dev.xblmock.cluster.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.emulator.config.EmulatorProperties;
import dev.xblmock.emulator.journal.RequestJournal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The request journal of the cluster backend, in {@code journal_entry}: the requests of every instance, newest
 * first, bounded by {@code xblmock.journal.capacity}. A request claims its place from the database sequence when
 * it arrives ({@code nextval}) and is written when it is over (one {@code INSERT}); reads take the newest
 * {@code capacity} entries above the floor a reset leaves. Every {@value #TRIM_EVERY} entries an instance deletes
 * those older than the newest {@code capacity}.
 *
 * <p>The live stream on each instance follows the table: a poller reads what was written since it last looked,
 * in the order it was written ({@code recorded}), every {@value #POLL_MILLIS} ms, and hands it to the stream.
 * A {@code recorded} number can become visible after a higher one (two instances committing in the other order),
 * so the poller waits for such a gap up to {@value #GAP_PATIENCE_MILLIS} ms before it gives up on it (a write
 * that failed) rather than skip an entry.
 */
public class ClusterRequestJournal extends RequestJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterRequestJournal.class);

    static final int TRIM_EVERY = 64;
    static final long POLL_MILLIS = 100;
    static final long GAP_PATIENCE_MILLIS = 2_000;
    private static final int POLL_BATCH = 1_000;
    private static final String COLUMNS =
            "sequence, recorded, request_id, epoch_millis, method, path, query, status, duration_nanos, xuid, error_code";

    private final JdbcClient jdbc;
    private final AtomicInteger recordedHere = new AtomicInteger();
    private final Follower follower = new Follower();
    private volatile Thread poller;

    public ClusterRequestJournal(DataSource dataSource, EmulatorProperties properties) {
        super(properties);
        this.jdbc = JdbcClient.create(dataSource);
    }

    /**
     * The place of an arriving request, from the shared sequence: the journal's order across instances. When the
     * database cannot be asked, the request goes unjournaled (-1, below every floor) rather than fail.
     */
    @Override
    public long begin() {
        long local = super.begin(); // counts the request in flight here
        if (local < 0) {
            return local;
        }
        try {
            return jdbc.sql("SELECT nextval('journal_sequence')").query(Long.class).single();
        } catch (DataAccessException e) {
            log.warn("A request is not journaled: the journal's sequence cannot be read ({})", e.getMessage());
            return -1;
        }
    }

    /**
     * One insert; a request that arrived before the last reset is not written. The journal is a diagnostic: an
     * entry the database refuses is logged and dropped, and the request it describes is not failed for it.
     */
    @Override
    public void record(long sequence, String id, long epochMillis, String method, String path, String query,
                       int status, long durationNanos, Xuid xuid, String errorCode) {
        if (!enabled() || sequence < 0) {
            return;
        }
        try {
            insert(sequence, id, epochMillis, method, path, query, status, durationNanos, xuid, errorCode);
        } catch (DataAccessException e) {
            log.warn("Journal entry {} dropped: the database refused it ({})", sequence, e.getMessage());
        }
    }

    private void insert(long sequence, String id, long epochMillis, String method, String path, String query,
                        int status, long durationNanos, Xuid xuid, String errorCode) {
        jdbc.sql("""
                        INSERT INTO journal_entry (sequence, request_id, epoch_millis, method, path, query, status,
                                                   duration_nanos, xuid, error_code)
                        SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM journal_state WHERE ? >= floor""")
                .params(sequence, id, epochMillis, method, path, query, status, durationNanos,
                        xuid == null ? null : xuid.value(), errorCode, sequence)
                .update();
        if (recordedHere.incrementAndGet() % TRIM_EVERY == 0) {
            jdbc.sql("""
                            DELETE FROM journal_entry WHERE sequence <= (
                                SELECT sequence FROM journal_entry ORDER BY sequence DESC OFFSET ? LIMIT 1)""")
                    .param(capacity()).update();
        }
    }

    @Override
    public List<Entry> newestFirst(Predicate<Entry> filter, int limit) {
        if (!enabled()) {
            return List.of();
        }
        List<Entry> newest = jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry"
                        + " WHERE sequence >= (SELECT floor FROM journal_state) ORDER BY sequence DESC LIMIT ?")
                .param(capacity()).query(ClusterRequestJournal::entry).list();
        List<Entry> result = new ArrayList<>(Math.min(limit, newest.size()));
        for (Entry entry : newest) {
            if (result.size() == limit) {
                break;
            }
            if (filter.test(entry)) {
                result.add(entry);
            }
        }
        return result;
    }

    /** Empties the journal for every instance: one statement deletes the entries and raises the floor. */
    @Override
    public void reset() {
        awaitRequestsInFlight();
        jdbc.sql("""
                WITH dropped AS (DELETE FROM journal_entry)
                UPDATE journal_state SET floor = nextval('journal_sequence')""").update();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Long xuid = rs.getObject("xuid", Long.class);
        return new Entry(rs.getLong("sequence"), rs.getString("request_id"), rs.getLong("epoch_millis"),
                rs.getString("method"), rs.getString("path"), rs.getString("query"), rs.getInt("status"),
                rs.getLong("duration_nanos"), xuid == null ? null : new Xuid(xuid), rs.getString("error_code"));
    }

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        follower.startHere();
        Thread thread = new Thread(this::follow, "xblmock-journal-follower");
        thread.setDaemon(true);
        poller = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = poller;
        poller = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    private void follow() {
        while (poller == Thread.currentThread()) {
            try {
                follower.poll().forEach(this::publish);
            } catch (DataAccessException e) {
                log.debug("Reading the shared journal failed; trying again", e);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Follows {@code journal_entry} by {@code recorded}: everything up to {@code watermark} was handed on (or given
     * up), {@code above} holds what was handed on beyond a gap that may still fill.
     */
    private final class Follower {
        private long watermark = -1;
        private final TreeSet<Long> above = new TreeSet<>();
        private long gapSeen;

        /** Live views show what is written from now on. */
        synchronized void startHere() {
            watermark = jdbc.sql("SELECT coalesce(max(recorded), 0) FROM journal_entry").query(Long.class).single();
            above.clear();
        }

        synchronized List<Entry> poll() {
            if (watermark < 0) {
                startHere();
            }
            List<Recorded> rows = jdbc.sql("SELECT " + COLUMNS + " FROM journal_entry WHERE recorded > ? ORDER BY recorded LIMIT ?")
                    .params(watermark, POLL_BATCH)
                    .query((rs, row) -> new Recorded(rs.getLong("recorded"), entry(rs, row))).list();
            List<Entry> fresh = new ArrayList<>();
            for (Recorded row : rows) {
                if (above.add(row.recorded())) {
                    fresh.add(row.entry());
                }
            }
            advance();
            return fresh;
        }

        private void advance() {
            while (above.remove(watermark + 1)) {
                watermark++;
            }
            if (above.isEmpty()) {
                gapSeen = 0;
                return;
            }
            long now = System.nanoTime();
            if (gapSeen == 0) {
                gapSeen = now;
            } else if (now - gapSeen > GAP_PATIENCE_MILLIS * 1_000_000) {
                watermark = above.first() - 1; // a write that never committed
                gapSeen = 0;
                advance();
            }
        }
    }

    private record Recorded(long recorded, Entry entry) {
    }
}
