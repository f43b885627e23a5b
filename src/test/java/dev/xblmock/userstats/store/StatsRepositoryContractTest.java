package dev.xblmock.userstats.store;

import dev.xblmock.userstats.wire.StatType;
import dev.xblmock.userstats.wire.Stat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.xblmock.common.identity.Xuid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link StatsRepository} must have, whatever keeps the snapshots. One subclass per
 * backend supplies the repository.
 */
abstract class StatsRepositoryContractTest {

    protected StatsRepository repository;
    private final Xuid xuid = new Xuid(2533274792693551L);

    /** A new, empty repository. */
    protected abstract StatsRepository newRepository() throws Exception;

    /** Writes per writer in the concurrency test: a durable backend pays a disk flush for each. */
    protected int concurrentWritesEach() {
        return 2_000;
    }

    @BeforeEach
    void createRepository() throws Exception {
        repository = newRepository();
    }

    private static ScidStats generation(int g, int count) {
        List<Stat> stats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            stats.add(new Stat("S" + i, StatType.INTEGER, Integer.toString(g), null));
        }
        return ScidStats.EMPTY.merged(stats, List.of());
    }

    @Test
    void unknownUserIsTheEmptySnapshot() {
        assertThat(repository.find(xuid)).isSameAs(UserStats.EMPTY);
    }

    @Test
    void updateStoresAndReturnsTheNewSnapshotAndAnEmptyOneForgetsTheUser() {
        UserStats stored = repository.update(xuid, user -> user.withGamertag("G"));
        assertThat(stored.gamertag()).isEqualTo("G");
        assertThat(repository.find(new Xuid(2533274792693551L))).isEqualTo(stored);
        assertThat(repository.update(xuid, user -> user.withGamertag(null))).isSameAs(UserStats.EMPTY);
        assertThat(repository.find(xuid)).isSameAs(UserStats.EMPTY);
    }

    @Test
    void deleteAndReset() {
        repository.update(xuid, user -> user.withGamertag("G"));
        repository.update(new Xuid(1), user -> user.withGamertag("H"));
        repository.delete(xuid);
        assertThat(repository.find(xuid)).isSameAs(UserStats.EMPTY);
        assertThat(repository.find(new Xuid(1)).gamertag()).isEqualTo("H");
        repository.reset();
        assertThat(repository.find(new Xuid(1))).isSameAs(UserStats.EMPTY);
    }

    @Test
    void snapshotsKeepEveryScidAndStatInOrderWithTheirTypesAndMetadata() {
        ScidStats first = ScidStats.EMPTY.merged(List.of(
                new Stat("Zeta", StatType.STRING, "héllo ☃", null),
                new Stat("Alpha", StatType.DOUBLE, "1.5e3", "{\"unit\":\"m\"}",
                        orderedProperties("Zorder", "first", "DisplayName", "Ålpha ☃")),
                new Stat("Mid", StatType.INTEGER, "-9223372036854775808", null)), List.of());
        ScidStats second = ScidStats.EMPTY.merged(List.of(new Stat("Only", StatType.INTEGER, "7", null)), List.of());
        repository.update(xuid, user -> user.withGamertag("Plåyer One").withScid("scid-b", first).withScid("scid-a", second));

        UserStats found = repository.find(xuid);

        assertThat(found.gamertag()).isEqualTo("Plåyer One");
        assertThat(found.scids().keySet()).containsExactly("scid-b", "scid-a");
        assertThat(found.scid("scid-b").all()).containsExactlyElementsOf(first.all());
        assertThat(found.scid("scid-b").get("Alpha").valueMetadata()).isEqualTo("{\"unit\":\"m\"}");
        assertThat(found.scid("scid-b").get("Alpha").properties()).containsExactly(
                java.util.Map.entry("Zorder", "first"), java.util.Map.entry("DisplayName", "Ålpha ☃"));
        assertThat(found.scid("scid-b").get("Zeta").properties()).isEmpty();
        assertThat(found.scid("scid-a").all()).containsExactlyElementsOf(second.all());
    }

    private static java.util.Map<String, String> orderedProperties(String... keyValue) {
        java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValue.length; i += 2) {
            properties.put(keyValue[i], keyValue[i + 1]);
        }
        return properties;
    }

    @Test
    void aChangeThatFailsLeavesTheSnapshotAsItWas() {
        UserStats before = repository.update(xuid, user -> user.withGamertag("Before"));
        RuntimeException refusal = new IllegalStateException("refused");
        try {
            repository.update(xuid, user -> {
                throw refusal;
            });
        } catch (IllegalStateException e) {
            assertThat(e).isSameAs(refusal);
        }
        assertThat(repository.find(xuid)).isEqualTo(before);
    }

    @Test
    void usersAreIndependentAndTheLargestXuidIsAUserLikeAnyOther() {
        Xuid largest = new Xuid(-1L); // 18446744073709551615
        repository.update(largest, user -> user.withGamertag("Max"));
        repository.update(new Xuid(1), user -> user.withGamertag("One"));
        assertThat(repository.find(largest).gamertag()).isEqualTo("Max");
        assertThat(repository.find(new Xuid(1)).gamertag()).isEqualTo("One");
        assertThat(repository.find(new Xuid(2))).isSameAs(UserStats.EMPTY);
    }

    @Test
    void concurrentWritersLoseNoUpdateAndReadersSeeWholeSnapshots() throws Exception {
        int writers = 4;
        int writesEach = concurrentWritesEach();
        ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String scid = "scid" + w;
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int g = 1; g <= writesEach; g++) {
                        ScidStats next = generation(g, 8);
                        repository.update(xuid, user -> user.withScid(scid, next));
                    }
                    return null;
                }));
            }
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    start.await();
                    int reads = 0;
                    while (!done.get()) {
                        UserStats snapshot = repository.find(xuid);
                        for (ScidStats stats : snapshot.scids().values()) {
                            assertThat(stats.all()).hasSize(8);
                            assertThat(stats.all().stream().map(Stat::value).distinct()).hasSize(1);
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            done.set(true);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(1, TimeUnit.MINUTES)).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        UserStats last = repository.find(xuid);
        assertThat(last.scids()).hasSize(writers);
        last.scids().values().forEach(stats -> assertThat(stats.get("S0").value()).isEqualTo(Integer.toString(writesEach)));
    }
}
