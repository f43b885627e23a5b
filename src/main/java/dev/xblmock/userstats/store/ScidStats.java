package dev.xblmock.userstats.store;

import dev.xblmock.userstats.wire.Stat;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stats of one user for one scid: an immutable snapshot, replaced as a whole on every write so a reader
 * never sees half of an update. Stats keep the order in which they were first written; rewriting a stat
 * keeps its place.
 */
public final class ScidStats {

    public static final ScidStats EMPTY = new ScidStats(Map.of());

    private final Map<String, Stat> stats;

    private ScidStats(Map<String, Stat> stats) {
        this.stats = stats;
    }

    public Stat get(String name) {
        return stats.get(name);
    }

    public Collection<Stat> all() {
        return stats.values();
    }

    public boolean isEmpty() {
        return stats.isEmpty();
    }

    public int size() {
        return stats.size();
    }

    /** A new snapshot with {@code puts} written (replacing same-named stats) and {@code removals} removed. */
    public ScidStats merged(Collection<Stat> puts, Collection<String> removals) {
        Map<String, Stat> next = new LinkedHashMap<>(stats);
        puts.forEach(stat -> next.put(stat.name(), stat));
        removals.forEach(next::remove);
        return next.isEmpty() ? EMPTY : new ScidStats(Collections.unmodifiableMap(next));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScidStats s && stats.equals(s.stats);
    }

    @Override
    public int hashCode() {
        return stats.hashCode();
    }

    @Override
    public String toString() {
        return stats.values().toString();
    }
}
