package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Test;

class StatsCatalogTest {

    private final StatsCatalog catalog = new StatsCatalog();

    @Test
    void titlesAreKeyedByTheirCanonicalDecimalForm() {
        catalog.defineTitle("01717113201", "00000000-0000-0000-0000-000066591171");
        assertThat(catalog.scidOf("1717113201")).contains("00000000-0000-0000-0000-000066591171");
        assertThat(catalog.scidOf(TitleIds.parse("0000001717113201", "titleId"))).isPresent();
        catalog.defineTitle("1717113201", "other");
        assertThat(catalog.scidOf("1717113201")).contains("other");
        assertThat(catalog.titleCount()).isEqualTo(1);
    }

    @Test
    void invalidTitlesAndScidsAreRefused() {
        assertThatThrownBy(() -> catalog.defineTitle("4294967296", "s")).isInstanceOf(XblException.class)
                .hasMessage("titleId '4294967296' must be a title id: an unsigned 32-bit decimal number (at most 4294967295).");
        assertThatThrownBy(() -> catalog.defineTitle("1", "bad scid")).isInstanceOf(XblException.class);
        assertThat(TitleIds.parse("4294967295", "t")).isEqualTo("4294967295");
        assertThat(TitleIds.parse("0", "t")).isEqualTo("0");
    }

    @Test
    void groupsAreKeyedByNameAndScid() {
        StatGroup hero = new StatGroup("Hero", "s", List.of(new GroupStat("Kills", Map.of("Ordinal", "1"))));
        catalog.defineGroup(hero);
        assertThat(catalog.group("Hero", "s")).contains(hero);
        assertThat(catalog.group("Hero", "t")).isEmpty();
        assertThat(catalog.group("hero", "s")).isEmpty();
        assertThat(catalog.groupCount()).isEqualTo(1);
        catalog.reset();
        assertThat(catalog.group("Hero", "s")).isEmpty();
    }

    @Test
    void groupDefinitionsAreValidated() {
        assertThatThrownBy(() -> new StatGroup("Bad name", "s", List.of()))
                .hasMessage("group name: stat name 'Bad name' contains U+0020 at position 4; only letters, digits, '_', '.' and '-' are allowed.");
        assertThatThrownBy(() -> new GroupStat("bad/stat")).isInstanceOf(XblException.class);
        assertThat(new GroupStat("A", null).properties()).isEmpty();
    }

    @Test
    void groupPropertiesKeepTheirOrder() {
        var properties = new java.util.LinkedHashMap<String, String>();
        properties.put("Ordinal", "3");
        properties.put("DisplayName", "Creatures Tamed");
        properties.put("SortOrder", "Descending");
        assertThat(new GroupStat("CreatureTamed", properties).properties().keySet())
                .containsExactly("Ordinal", "DisplayName", "SortOrder");
    }
}
