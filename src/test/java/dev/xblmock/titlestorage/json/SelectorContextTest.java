package dev.xblmock.titlestorage.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorContextTest {

    @Nested
    class AcceptLanguage {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "en-US,en;q=0.9|en-US",
                "fr-FR|fr-FR",
                "  de-DE ; q=1 , en|de-DE",
                "fr;q=0.1, en;q=0.9|fr",
                ", , ja-JP|ja-JP",
                "zh-Hant-TW|zh-Hant-TW",
                "EN-us|EN-us"})
        void takesTheFirstTagAsWritten(String header, String tag) {
            assertThat(SelectorContext.firstLanguageTag(header)).isEqualTo(tag);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "*", "*;q=0.5, en", " * ", ",", ";q=1,en"})
        void hasNoLocaleForNothingOrAWildcard(String header) {
            assertThat(SelectorContext.firstLanguageTag(header)).isNull();
        }
    }

    @Nested
    class CustomSelector {

        @Test
        void parsesNameValuePairs() {
            assertThat(SelectorContext.parseCustomSelector("platform.pc,season.winter"))
                    .containsExactly(Map.entry("platform", "pc"), Map.entry("season", "winter"));
        }

        @Test
        void splitsEachItemAtItsFirstDot() {
            assertThat(SelectorContext.parseCustomSelector("build.1.2.3,a..b"))
                    .containsExactly(Map.entry("build", "1.2.3"), Map.entry("a", ".b"));
        }

        @Test
        void allowsAnEmptyValueAndKeepsWhitespace() {
            assertThat(SelectorContext.parseCustomSelector("a., b . c "))
                    .containsExactly(Map.entry("a", ""), Map.entry(" b ", " c "));
        }

        @Test
        void absentParameterMeansNoSelectors() {
            assertThat(SelectorContext.parseCustomSelector(null)).isEmpty();
        }

        private void assertInvalid(String value, String detail) {
            assertThatThrownBy(() -> SelectorContext.parseCustomSelector(value))
                    .isInstanceOfSatisfying(XblException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.detail()).isEqualTo(detail);
                    });
        }

        @Test
        void rejectsEmptyItems() {
            assertInvalid("", "The query parameter customSelector '' has an empty item (item 1); "
                    + "expected <name>.<value>[,<name>.<value>…].");
            assertInvalid("a.1,", "The query parameter customSelector 'a.1,' has an empty item (item 2); "
                    + "expected <name>.<value>[,<name>.<value>…].");
            assertInvalid("a.1,,b.2", "The query parameter customSelector 'a.1,,b.2' has an empty item (item 2); "
                    + "expected <name>.<value>[,<name>.<value>…].");
        }

        @Test
        void rejectsAnItemWithoutADot() {
            assertInvalid("a.1,platform", "The query parameter customSelector item 'platform' has no '.' between name "
                    + "and value; expected <name>.<value>[,<name>.<value>…].");
        }

        @Test
        void rejectsAnEmptyName() {
            assertInvalid(".pc", "The query parameter customSelector item '.pc' has an empty name; "
                    + "expected <name>.<value>[,<name>.<value>…].");
        }

        @Test
        void rejectsANameGivenTwice() {
            assertInvalid("a.1,a.2", "The query parameter customSelector names 'a' more than once; "
                    + "expected <name>.<value>[,<name>.<value>…].");
        }

        @Test
        void quotesFormatCharactersLiterally() {
            assertInvalid("%s%n", "The query parameter customSelector item '%s%n' has no '.' between name "
                    + "and value; expected <name>.<value>[,<name>.<value>…].");
        }
    }

    @Nested
    class Building {

        @Test
        void buildsTheContextFromRawRequestValues() {
            SelectorContext context = SelectorContext.of("1234", "en-GB,en;q=0.8", "platform.pc");
            assertThat(context).isEqualTo(new SelectorContext("1234", "en-GB", Map.of("platform", "pc")));
        }

        @Test
        void everyPartMayBeAbsent() {
            assertThat(SelectorContext.of(null, null, null)).isEqualTo(SelectorContext.none());
            assertThat(SelectorContext.none().custom()).isEmpty();
        }

        @Test
        void copiesTheCustomMap() {
            Map<String, String> custom = new HashMap<>(Map.of("a", "1"));
            SelectorContext context = new SelectorContext(null, null, custom);
            custom.put("b", "2");
            assertThat(context.custom()).containsOnlyKeys("a");
            assertThatThrownBy(() -> context.custom().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
            assertThat(new SelectorContext(null, null, null).custom()).isEmpty();
        }
    }
}
