package dev.xblmock.userstats.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything stored about one user: the gamertag (when known) and the stats per scid. Immutable; every
 * change yields a new snapshot that the repository swaps in atomically, so one read of a user is consistent
 * across all of their scids.
 */
public final class UserStats {

    public static final UserStats EMPTY = new UserStats(null, Map.of());

    private final String gamertag;
    private final Map<String, ScidStats> scids;

    private UserStats(String gamertag, Map<String, ScidStats> scids) {
        this.gamertag = gamertag;
        this.scids = scids;
    }

    /** The user's gamertag, or null when none is known. */
    public String gamertag() {
        return gamertag;
    }

    /** The stats for {@code scid}; {@link ScidStats#EMPTY} when the user has none there. */
    public ScidStats scid(String scid) {
        return scids.getOrDefault(scid, ScidStats.EMPTY);
    }

    /** Every scid with at least one stat, in the order they were first written. */
    public Map<String, ScidStats> scids() {
        return scids;
    }

    /** Nothing is known about the user: the repository forgets such a user. */
    public boolean isEmpty() {
        return gamertag == null && scids.isEmpty();
    }

    /** A snapshot with {@code gamertag} set (null clears it). */
    public UserStats withGamertag(String gamertag) {
        return Objects.equals(gamertag, this.gamertag) ? this : new UserStats(gamertag, scids);
    }

    /** A snapshot whose {@code scid} stats are {@code stats} (an empty one removes the scid). */
    public UserStats withScid(String scid, ScidStats stats) {
        Map<String, ScidStats> next = new LinkedHashMap<>(scids);
        if (stats.isEmpty()) {
            next.remove(scid);
        } else {
            next.put(scid, stats);
        }
        return new UserStats(gamertag, next.isEmpty() ? Map.of() : Collections.unmodifiableMap(next));
    }

    public UserStats withoutScid(String scid) {
        return scids.containsKey(scid) ? withScid(scid, ScidStats.EMPTY) : this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserStats u && Objects.equals(gamertag, u.gamertag) && scids.equals(u.scids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(gamertag, scids);
    }

    @Override
    public String toString() {
        return "UserStats[gamertag=" + gamertag + ", scids=" + scids + "]";
    }
}
