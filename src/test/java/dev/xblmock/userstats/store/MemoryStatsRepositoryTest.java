package dev.xblmock.userstats.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.xblmock.common.Xuid;
import org.junit.jupiter.api.Test;

class MemoryStatsRepositoryTest {

    private final MemoryStatsRepository repository = new MemoryStatsRepository();
    private final Xuid xuid = new Xuid(2533274792693551L);

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
    void concurrentWritersLoseNoUpdateAndReadersSeeWholeSnapshots() throws Exception {
        int writers = 4;
        int writesEach = 2_000;
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
