package dev.xblmock.titlestorage.store;

/** The store contract against the memory backend. */
class MemoryBlobStoreTest extends BlobStoreContractTest {

    @Override
    protected BlobStore newStore(EtagSource etags, StagingBudget staging) {
        return new MemoryBlobStore(etags, staging);
    }
}
