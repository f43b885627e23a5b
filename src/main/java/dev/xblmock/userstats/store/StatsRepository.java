package dev.xblmock.userstats.store;

import java.util.List;
import java.util.function.UnaryOperator;

import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.storage.Resettable;

/**
 * Where user stats live. Each user is one immutable {@link UserStats} snapshot: reads get a whole snapshot,
 * writes replace it atomically, so concurrent readers never see a torn document. Implementations are
 * storage-agnostic (memory now, a filesystem one later) and safe under concurrent reads and writes.
 */
public interface StatsRepository extends Resettable {

    /** The user's current snapshot; {@link UserStats#EMPTY} when nothing is stored for them. */
    UserStats find(Xuid xuid);

    /**
     * Atomically replaces the user's snapshot with {@code change} applied to the current one (writes to
     * the same user are serialised). A change yielding an empty snapshot forgets the user.
     *
     * @return the snapshot now stored
     */
    UserStats update(Xuid xuid, UnaryOperator<UserStats> change);

    /** Forgets the user: stats and gamertag. */
    void delete(Xuid xuid);

    /** Every user something is stored about, in no particular order. */
    List<Xuid> users();
}
