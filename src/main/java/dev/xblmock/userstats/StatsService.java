package dev.xblmock.userstats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.userstats.store.ScidStats;
import dev.xblmock.userstats.wire.Stat;
import dev.xblmock.userstats.store.StatsRepository;
import dev.xblmock.userstats.store.UserStats;
import dev.xblmock.userstats.wire.V1BatchRequest;
import dev.xblmock.userstats.wire.V1BatchResponse;
import dev.xblmock.userstats.wire.V1ScidStats;
import dev.xblmock.userstats.wire.V1UserStats;
import dev.xblmock.userstats.wire.V2BatchRequest.GroupRequest;
import dev.xblmock.userstats.wire.V2BatchRequest.Source;
import dev.xblmock.userstats.wire.V2BatchRequest.StatRequest;
import dev.xblmock.userstats.wire.V2BatchRequest;
import dev.xblmock.userstats.wire.V2BatchResponse;
import dev.xblmock.userstats.wire.V2Group;
import dev.xblmock.userstats.wire.V2SingleResponse;
import dev.xblmock.userstats.wire.V2Stat;
import dev.xblmock.userstats.wire.V2StatList;
import org.springframework.stereotype.Service;

/**
 * The User Statistics rules (SPEC 4, 7): single-user and batch reads in the v1 and v2/v3 shapes, and the
 * writes of the control plane and the seed. Reads take one snapshot per user, so an answer about a user is
 * consistent across their scids. Knows nothing of HTTP.
 */
@Service
public class StatsService {

    private final StatsRepository repository;
    private final StatsCatalog catalog;
    private final StatsProperties limits;

    public StatsService(StatsRepository repository, StatsCatalog catalog, StatsProperties limits) {
        this.repository = repository;
        this.catalog = catalog;
        this.limits = limits;
    }

    // ---- reads --------------------------------------------------------------------------------------

    /** v1 single user (SPEC 4.1): {@code names} in the order asked; empty means every stat of the scid. */
    public V1UserStats readV1(Xuid xuid, String scid, List<String> names) {
        UserStats user = repository.find(xuid);
        return new V1UserStats(xuid.toString(), user.gamertag(), List.of(v1Scid(user, scid, names)));
    }

    /** v2/v3 single user (SPEC 4.4): one {@code statlistscollection} entry, {@code "stats":[]} when unknown. */
    public V2SingleResponse readV2(Xuid xuid, String scid, List<String> names, boolean includeValueMetadata) {
        UserStats user = repository.find(xuid);
        String id = xuid.toString();
        List<V2Stat> stats = new ArrayList<>();
        for (Stat stat : select(user.scid(scid), names)) {
            stats.add(v2Stat(null, id, scid, null, stat, includeValueMetadata));
        }
        return new V2SingleResponse(List.of(V2StatList.forXuid(id, stats)));
    }

    /** v1 batch (SPEC 4.2): one entry per requested user in request order, one scid entry per requested scid. */
    public V1BatchResponse batchV1(V1BatchRequest request) {
        List<V1UserStats> users = new ArrayList<>(request.users().size());
        for (Xuid xuid : request.users()) {
            UserStats user = repository.find(xuid);
            List<V1ScidStats> scids = new ArrayList<>(request.scids().size());
            for (V1BatchRequest.ScidRequest scid : request.scids()) {
                scids.add(v1Scid(user, scid.scid(), scid.stats()));
            }
            users.add(new V1UserStats(xuid.toString(), user.gamertag(), scids));
        }
        return new V1BatchResponse(users);
    }

    /** v2/v3 batch (SPEC 4.4, 7): stats per xuid in requested order, then each requested group. */
    public V2BatchResponse batchV2(V2BatchRequest request, boolean includeValueMetadata) {
        List<String> statScids = resolveStats(request.stats());
        List<String> groupScids = new ArrayList<>(request.groups().size());
        for (int i = 0; i < request.groups().size(); i++) {
            groupScids.add(resolve(request.groups().get(i).source(), "groups[" + i + "]"));
        }
        // one snapshot per distinct user serves both the stats and the groups of that user
        Map<Xuid, UserStats> snapshots = new HashMap<>();
        request.xuids().forEach(xuid -> snapshots.computeIfAbsent(xuid, repository::find));

        List<V2StatList> lists = new ArrayList<>(request.xuids().size());
        for (Xuid xuid : request.xuids()) {
            UserStats user = snapshots.get(xuid);
            String id = xuid.toString();
            List<V2Stat> stats = new ArrayList<>();
            for (int i = 0; i < request.stats().size(); i++) {
                StatRequest asked = request.stats().get(i);
                String scid = statScids.get(i);
                Stat stat = user.scid(scid).get(asked.name());
                if (stat != null) {
                    stats.add(v2Stat(Map.of(), id, scid, asked.source().titleId(), stat, includeValueMetadata));
                }
            }
            lists.add(V2StatList.forXuid(id, stats));
        }

        List<V2Group> groups = new ArrayList<>(request.groups().size());
        for (int i = 0; i < request.groups().size(); i++) {
            GroupRequest asked = request.groups().get(i);
            String scid = groupScids.get(i);
            List<V2StatList> groupLists = catalog.group(asked.name(), scid)
                    .map(group -> groupLists(group, request.xuids(), snapshots, includeValueMetadata))
                    .orElse(List.of());
            groups.add(new V2Group(asked.name(), asked.source().titleId(), groupLists));
        }
        return new V2BatchResponse(groups, lists);
    }

    // ---- writes (control plane, seed) ----------------------------------------------------------------

    /**
     * Merges {@code patch} into the user's stats for {@code scid} in one atomic step; returns what is now
     * stored for the user and that scid.
     */
    public StoredStats write(Xuid xuid, String scid, StatsPatch patch) {
        UserStats stored = repository.update(xuid, user -> {
            UserStats next = patch.setsGamertag() ? user.withGamertag(patch.gamertag()) : user;
            return next.withScid(scid, next.scid(scid).merged(patch.puts(), patch.removals()));
        });
        return StoredStats.of(xuid, scid, stored);
    }

    /** Sets (or with null clears) the user's gamertag, e.g. from the seed's {@code users}. */
    public void setGamertag(Xuid xuid, String gamertag) {
        repository.update(xuid, user -> user.withGamertag(gamertag));
    }

    public UserStats find(Xuid xuid) {
        return repository.find(xuid);
    }

    /** What is stored for the user and one scid, as the control plane's stats PUT answers it. */
    public StoredStats stored(Xuid xuid, String scid) {
        return StoredStats.of(xuid, scid, repository.find(xuid));
    }

    /** Every user something is stored about (stats or a gamertag), by xuid. */
    public List<Xuid> users() {
        return repository.users().stream().sorted().toList();
    }

    /** Forgets the user entirely: every stat and the gamertag. */
    public void deleteUser(Xuid xuid) {
        repository.delete(xuid);
    }

    /** Removes the user's stats for one scid (the gamertag stays). */
    public void deleteScid(Xuid xuid, String scid) {
        repository.update(xuid, user -> user.withoutScid(scid));
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static V1ScidStats v1Scid(UserStats user, String scid, List<String> names) {
        return new V1ScidStats(scid, select(user.scid(scid), names));
    }

    /** The stats asked for, in the order asked (absent ones omitted); no names means all of them. */
    private static List<Stat> select(ScidStats stats, List<String> names) {
        if (names.isEmpty()) {
            return List.copyOf(stats.all());
        }
        List<Stat> selected = new ArrayList<>(names.size());
        for (String name : names) {
            Stat stat = stats.get(name);
            if (stat != null) {
                selected.add(stat);
            }
        }
        return selected;
    }

    private List<V2StatList> groupLists(StatGroup group, List<Xuid> xuids, Map<Xuid, UserStats> snapshots,
                                        boolean includeValueMetadata) {
        List<V2StatList> lists = new ArrayList<>(xuids.size());
        for (Xuid xuid : xuids) {
            ScidStats owned = snapshots.get(xuid).scid(group.scid());
            String id = xuid.toString();
            List<V2Stat> stats = new ArrayList<>();
            for (GroupStat member : group.stats()) {
                Stat stat = owned.get(member.name());
                if (stat != null) {
                    stats.add(v2Stat(member.properties(), id, group.scid(), null, stat, includeValueMetadata));
                }
            }
            lists.add(V2StatList.forXuid(id, stats));
        }
        return lists;
    }

    private static V2Stat v2Stat(Map<String, String> groupProperties, String xuid, String scid, String titleId,
                                 Stat stat, boolean includeValueMetadata) {
        return new V2Stat(groupProperties, xuid, scid, titleId, stat.name(), stat.type().wireName(), stat.value(),
                includeValueMetadata ? stat.valueMetadata() : null, stat.properties());
    }

    /** Resolves every stat's scid and applies the v1 limits per scid: at most max-scids, max-stats-per-scid each. */
    private List<String> resolveStats(List<StatRequest> stats) {
        List<String> scids = new ArrayList<>(stats.size());
        Map<String, Integer> perScid = new LinkedHashMap<>();
        for (int i = 0; i < stats.size(); i++) {
            String member = "stats[" + i + "]";
            String scid = resolve(stats.get(i).source(), member);
            int count = perScid.merge(scid, 1, Integer::sum);
            if (perScid.size() > limits.maxScids()) {
                throw XblException.of(ErrorCode.INVALID_BODY, "%s asks for scid '%s', making %d distinct scids; "
                        + "at most %d are allowed (xblmock.stats.max-scids).", member, scid, perScid.size(),
                        limits.maxScids());
            }
            if (count > limits.maxStatsPerScid()) {
                throw XblException.of(ErrorCode.INVALID_BODY, "%s makes %d stats asked for scid '%s'; at most %d "
                        + "per scid are allowed (xblmock.stats.max-stats-per-scid).", member, count, scid,
                        limits.maxStatsPerScid());
            }
            scids.add(scid);
        }
        return scids;
    }

    private String resolve(Source source, String member) {
        if (source.scid() != null) {
            return source.scid();
        }
        return catalog.scidOf(source.titleId()).orElseThrow(() -> XblException.of(ErrorCode.UNKNOWN_TITLE,
                "%s.titleId '%s' has no scid mapping; define it in the seed manifest's 'titles'.",
                member, source.titleId()));
    }
}
