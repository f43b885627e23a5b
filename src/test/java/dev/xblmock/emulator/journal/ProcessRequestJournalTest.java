package dev.xblmock.emulator.journal;

/** The in-process journal against the shared contract; one process is its own "other instance". */
class ProcessRequestJournalTest extends RequestJournalContract {

    @Override
    protected RequestJournal newJournal(int capacity) {
        return new RequestJournal(properties(capacity));
    }

    @Override
    protected RequestJournal sameJournal() {
        return journal;
    }
}
