package dev.xblmock.titlestorage.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.xblmock.cluster.ClusterDatabase;
import dev.xblmock.cluster.ClusterEngines;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing leaks on the cluster backend: after overwrite churn, deletes, discarded and abandoned uploads (an
 * instance that died before committing), a sweep leaves in the bucket exactly the objects of the live versions,
 * and never anything younger than the grace period.
 */
class ClusterBlobStoreSweepTest {

    private static final Namespace NAMESPACE = new Namespace(StorageRoot.GLOBAL, "", "00000000-0000-0000-0000-000000000007");
    private static final int MIB = ClusterStagedUpload.OBJECT_BYTES;

    private ClusterDatabase database;
    private final List<ClusterBlobStore> stores = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = ClusterDatabase.create();
    }

    @AfterEach
    void close() {
        stores.forEach(ClusterBlobStore::close);
        if (database != null) {
            database.close();
        }
    }

    private ClusterBlobStore store(Duration grace) {
        ClusterBlobStore store = new ClusterBlobStore(database.dataSource(), ClusterEngines.get().s3(), database.bucket(),
                StagingBudget.unlimited(), grace);
        stores.add(store);
        return store;
    }

    @Test
    void afterChurnTheBucketHoldsExactlyTheObjectsOfTheLiveVersions() throws Exception {
        ClusterBlobStore store = store(Duration.ZERO);
        List<byte[]> live = churn(store);
        assertThat(objects()).isGreaterThan(expectedObjects(live));

        Thread.sleep(5); // dead_since and last_activity now lie before the (zero) grace period
        int removed = store.sweep();

        assertThat(removed).isGreaterThan(0);
        assertThat(objects()).isEqualTo(expectedObjects(live));
        for (int i = 0; i < live.size(); i++) {
            byte[] bytes = live.get(i);
            BlobContent content = store.open(key(i)).orElseThrow();
            assertThat(content.open().readAllBytes()).as("blob %d", i).isEqualTo(bytes);
        }
        assertThat(store.sweep()).isZero();
    }

    @Test
    void nothingYoungerThanTheGracePeriodIsSwept() throws Exception {
        ClusterBlobStore store = store(Duration.ofHours(1));
        put(store, key(0), new byte[100]);
        BlobContent replaced = store.open(key(0)).orElseThrow();
        put(store, key(0), new byte[200]);
        StagedUpload pending = store.stage();
        pending.append(new ByteArrayInputStream(new byte[300]));
        int before = objects();

        assertThat(store.sweep()).isZero();

        assertThat(objects()).isEqualTo(before);
        assertThat(replaced.open().readAllBytes()).hasSize(100);
        store.commit(key(1), pending, BlobAttributes.NONE, WriteGuard.NONE);
        assertThat(store.open(key(1)).orElseThrow().open().readAllBytes()).hasSize(300);
    }

    @Test
    void sweepersOfSeveralInstancesShareTheWork() throws Exception {
        ClusterBlobStore first = store(Duration.ZERO);
        ClusterBlobStore second = store(Duration.ZERO);
        List<byte[]> live = churn(first);
        Thread.sleep(5);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(first::sweep);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::sweep);

        assertThat(a.get() + b.get()).isGreaterThan(0);
        assertThat(objects()).isEqualTo(expectedObjects(live));
    }

    /** Overwrites, deletes, a discarded and two abandoned uploads; the blobs left, by key index. */
    private List<byte[]> churn(ClusterBlobStore store) throws IOException {
        List<byte[]> live = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            live.add(null);
        }
        for (int round = 0; round < 12; round++) {
            int i = round % 4;
            // sizes across the object size: 0, 1 or 2 objects (and one of 2 MiB + 1: 3 objects)
            int size = switch (round % 5) {
                case 0 -> 0;
                case 1 -> 10_000;
                case 2 -> MIB;
                case 3 -> MIB + 1;
                default -> 2 * MIB + 1;
            };
            byte[] bytes = BlobStoreContractTest.pattern(size, round);
            put(store, key(i), bytes);
            live.set(i, bytes);
        }
        store.delete(key(3), WriteGuard.NONE);
        live.remove(3);
        StagedUpload discarded = store.stage();
        discarded.append(new ByteArrayInputStream(new byte[5000]));
        discarded.close();
        for (int n = 0; n < 2; n++) {
            StagedUpload abandoned = store.stage(); // never committed nor closed: its instance died
            abandoned.append(new ByteArrayInputStream(new byte[MIB + 7]));
        }
        return live;
    }

    private static void put(ClusterBlobStore store, BlobKey key, byte[] bytes) throws IOException {
        StagedUpload staged = store.stage();
        staged.append(new ByteArrayInputStream(bytes));
        store.commit(key, staged, BlobAttributes.NONE, WriteGuard.NONE);
    }

    private static BlobKey key(int i) {
        return new BlobKey(NAMESPACE, "churn/" + i, BlobType.BINARY);
    }

    /** One object per started MiB of each live blob (each was written by one append). */
    private static int expectedObjects(List<byte[]> live) {
        return live.stream().mapToInt(bytes -> (bytes.length + MIB - 1) / MIB).sum();
    }

    private int objects() {
        return ClusterEngines.get().objectCount(database.bucket());
    }
}
