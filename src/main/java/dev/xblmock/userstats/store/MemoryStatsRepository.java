package dev.xblmock.userstats.store;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import dev.xblmock.common.identity.Xuid;

/** The in-memory {@link StatsRepository}: one immutable snapshot per user in a concurrent map. */
public class MemoryStatsRepository implements StatsRepository {

    private final ConcurrentHashMap<Xuid, UserStats> users = new ConcurrentHashMap<>();

    @Override
    public List<Xuid> users() {
        return List.copyOf(users.keySet());
    }

    @Override
    public UserStats find(Xuid xuid) {
        return users.getOrDefault(xuid, UserStats.EMPTY);
    }

    @Override
    public UserStats update(Xuid xuid, UnaryOperator<UserStats> change) {
        UserStats stored = users.compute(xuid, (key, current) -> {
            UserStats next = change.apply(current == null ? UserStats.EMPTY : current);
            return next.isEmpty() ? null : next;
        });
        return stored == null ? UserStats.EMPTY : stored;
    }

    @Override
    public void delete(Xuid xuid) {
        users.remove(xuid);
    }

    @Override
    public void reset() {
        users.clear();
    }
}
