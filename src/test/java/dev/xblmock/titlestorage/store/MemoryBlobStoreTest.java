package dev.xblmock.titlestorage.store;

/** The store contract against the memory backend. */
class MemoryBlobStoreTest extends BlobStoreContractTest {

    @Override
    protected BlobStore newStore(EtagSource etags) {
        return new MemoryBlobStore(etags, new StagedMemory(Long.MAX_VALUE));
    }
}
