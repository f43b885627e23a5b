package dev.xblmock.cluster.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import javax.sql.DataSource;

import dev.xblmock.emulator.journal.RequestJournal;
import dev.xblmock.emulator.journal.RequestJournalContract;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The cluster's journal against the shared contract: two instances on one database. */
class ClusterRequestJournalTest extends RequestJournalContract {

    private DataSource database;
    private int capacity;

    @Override
    protected RequestJournal newJournal(int capacity) {
        database = SharedStateDatabase.fresh();
        this.capacity = capacity;
        return new ClusterRequestJournal(database, properties(capacity));
    }

    @Override
    protected RequestJournal sameJournal() {
        return new ClusterRequestJournal(database, properties(capacity));
    }

    @Override
    protected void startStream(RequestJournal journal) {
        ((ClusterRequestJournal) journal).start();
    }

    @Test
    void aRequestIsNotFailedWhenTheJournalCannotBeWritten() {
        RequestJournal unreachable = new ClusterRequestJournal(
                new SimpleDriverDataSource(new Driver(), "jdbc:postgresql://127.0.0.1:1/nowhere"), properties(10));

        long sequence = unreachable.begin();
        assertThat(sequence).isEqualTo(-1);
        assertThatNoException().isThrownBy(() -> unreachable.record(sequence, "r", 0, "GET", "/x", null, 200, 0, null, null));
        assertThatNoException().isThrownBy(() -> unreachable.record(7, "r", 0, "GET", "/x", null, 200, 0, null, null));
    }

    @Override
    protected void stopStream(RequestJournal journal) {
        ((ClusterRequestJournal) journal).stop();
    }
}
