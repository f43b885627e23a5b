package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The titles and groups the seed defines, in one process or shared by the instances of a cluster: one subclass per
 * implementation. {@link #sameCatalog()} is a second instance on the same catalog (the same object in one process).
 */
public abstract class StatsCatalogContract {

    private static final String SCID = "00000000-0000-0000-0000-000066591171";

    protected StatsCatalog catalog;

    protected abstract StatsCatalog newCatalog();

    protected abstract StatsCatalog sameCatalog();

    @BeforeEach
    void createCatalog() {
        catalog = newCatalog();
    }

    private static StatGroup hero(String scid, String ordinal) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Ordinal", ordinal);
        properties.put("DisplayName", "Creatures Tamed");
        properties.put("SortOrder", "Descending");
        return new StatGroup("Hero", scid, List.of(new GroupStat("CreatureTamed", properties), new GroupStat("Kills")));
    }

    @Test
    void aTitleDefinedThroughOneInstanceIsKnownToAll() {
        catalog.defineTitle("01717113201", SCID);
        StatsCatalog other = sameCatalog();

        assertThat(other.scidOf("1717113201")).contains(SCID);
        assertThat(other.scidOf("1717113202")).isEmpty();
        other.defineTitle("1717113201", "other-scid");
        assertThat(catalog.scidOf("1717113201")).contains("other-scid");
        assertThat(catalog.titleCount()).isEqualTo(1);
    }

    @Test
    void invalidDefinitionsAreRefusedAndStoreNothing() {
        assertThatThrownBy(() -> catalog.defineTitle("4294967296", SCID)).isInstanceOf(XblException.class);
        assertThatThrownBy(() -> catalog.defineTitle("1", "bad scid")).isInstanceOf(XblException.class);
        assertThat(sameCatalog().titleCount()).isZero();
    }

    @Test
    void groupsKeepTheirStatsAndPropertiesInOrder() {
        StatGroup hero = hero(SCID, "1");
        catalog.defineGroup(hero);
        StatsCatalog other = sameCatalog();

        StatGroup read = other.group("Hero", SCID).orElseThrow();
        assertThat(read).isEqualTo(hero);
        assertThat(read.stats().get(0).properties().keySet()).containsExactly("Ordinal", "DisplayName", "SortOrder");
        assertThat(other.group("hero", SCID)).isEmpty();
        assertThat(other.group("Hero", "s")).isEmpty();
        other.defineGroup(hero(SCID, "2"));
        assertThat(catalog.group("Hero", SCID)).contains(hero(SCID, "2"));
        assertThat(catalog.groupCount()).isEqualTo(1);
    }

    @Test
    void listedInOrder() {
        catalog.defineTitle("20", "b");
        catalog.defineTitle("100", "a");
        catalog.defineGroup(hero("s2", "1"));
        catalog.defineGroup(new StatGroup("Alpha", "s2", List.of()));
        catalog.defineGroup(hero("s1", "1"));

        StatsCatalog other = sameCatalog();
        assertThat(other.titles()).containsExactly(Map.entry("100", "a"), Map.entry("20", "b"));
        assertThat(other.groups()).extracting(g -> g.scid() + "/" + g.name()).containsExactly("s1/Hero", "s2/Alpha", "s2/Hero");
    }

    @Test
    void aResetOnOneInstanceEmptiesItForAll() {
        catalog.defineTitle("1", SCID);
        catalog.defineGroup(hero(SCID, "1"));

        sameCatalog().reset();

        assertThat(catalog.titles()).isEmpty();
        assertThat(catalog.groups()).isEmpty();
        assertThat(catalog.scidOf("1")).isEmpty();
    }
}
