package dev.xblmock.userstats;

import java.util.List;

import dev.xblmock.userstats.wire.Stat;

/**
 * A merge into one user's stats for one scid (control plane PUT, seed): stats to write (each replaces the
 * stat of the same name), stat names to remove, and optionally a new gamertag (null clears it).
 */
public record StatsPatch(boolean setsGamertag, String gamertag, List<Stat> puts, List<String> removals) {

    public StatsPatch {
        puts = List.copyOf(puts);
        removals = List.copyOf(removals);
    }

    public static StatsPatch of(List<Stat> puts) {
        return new StatsPatch(false, null, puts, List.of());
    }
}
