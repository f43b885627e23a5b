package dev.xblmock.userstats;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.storage.ProcessLocalState;
import dev.xblmock.common.storage.Resettable;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/**
 * What the seed manifest says about titles and stat groups (SPEC 4.4, 7): the {@code titles} mapping of a
 * title id to its scid, and the {@code groups} definitions. Filled by the seed loader (or tests); emptied by
 * reset. Defining a title or group again replaces it. The cluster backend's subclass keeps them in the shared
 * database instead.
 */
@Component
@Conditional(ProcessLocalState.class)
public class StatsCatalog implements Resettable {

    private record GroupKey(String name, String scid) {
    }

    private final ConcurrentHashMap<String, String> titles = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<GroupKey, StatGroup> groups = new ConcurrentHashMap<>();

    /** Maps {@code titleId} (unsigned 32-bit decimal) to {@code scid}. */
    public void defineTitle(String titleId, String scid) {
        String id = TitleIds.parse(titleId, "titleId");
        titles.put(id, Identifiers.scid(scid));
    }

    public void defineGroup(StatGroup group) {
        groups.put(new GroupKey(group.name(), group.scid()), group);
    }

    /** The scid of a title id in canonical form (see {@link TitleIds#parse}). */
    public Optional<String> scidOf(String titleId) {
        return Optional.ofNullable(titles.get(titleId));
    }

    public Optional<StatGroup> group(String name, String scid) {
        return Optional.ofNullable(groups.get(new GroupKey(name, scid)));
    }

    /** Every title id and its scid, by title id. */
    public Map<String, String> titles() {
        return new TreeMap<>(titles);
    }

    /** Every group, by scid then name. */
    public List<StatGroup> groups() {
        return groups.values().stream()
                .sorted(Comparator.comparing(StatGroup::scid).thenComparing(StatGroup::name)).toList();
    }

    public int titleCount() {
        return titles.size();
    }

    public int groupCount() {
        return groups.size();
    }

    @Override
    public void reset() {
        titles.clear();
        groups.clear();
    }
}
