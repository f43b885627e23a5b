package dev.xblmock.cluster;

import javax.sql.DataSource;

import dev.xblmock.emulator.RequestJournal;
import dev.xblmock.emulator.RequestJournalContract;

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

    @Override
    protected void stopStream(RequestJournal journal) {
        ((ClusterRequestJournal) journal).stop();
    }
}
