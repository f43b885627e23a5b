package dev.xblmock.titlestorage.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SelectTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The kind of document the SPEC's examples select from. */
    private static final JsonNode GAME = json("""
            {"weapon":{"name":"poison","damage":12.5,"tags":["green","slow"]},
             "level":[{"quest":"intro"},{"quest":"forest","boss":null},{"quest":"cave"},{"quest":"castle"}],
             "grid":[[1,2,3],[4,5,6]],
             "empty":{},
             "a.b":1,
             "title":"Game"}
            """);

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    private static String select(String selector, JsonNode document) {
        return MAPPER.writeValueAsString(Select.parse(selector).apply(document));
    }

    @Nested
    class Selecting {

        @Test
        void selectsANestedPropertyNamedAfterTheLastName() {
            assertThat(select("weapon.name", GAME)).isEqualTo("{\"name\":\"poison\"}");
        }

        @Test
        void selectsThroughAnArrayIndex() {
            assertThat(select("level[3].quest", GAME)).isEqualTo("{\"quest\":\"castle\"}");
            assertThat(select("level[0].quest", GAME)).isEqualTo("{\"quest\":\"intro\"}");
        }

        @Test
        void namesAnArrayElementAfterTheArraysProperty() {
            assertThat(select("level[1]", GAME)).isEqualTo("{\"level\":{\"quest\":\"forest\",\"boss\":null}}");
            assertThat(select("weapon.tags[1]", GAME)).isEqualTo("{\"tags\":\"slow\"}");
        }

        @Test
        void followsConsecutiveIndices() {
            assertThat(select("grid[1][2]", GAME)).isEqualTo("{\"grid\":6}");
        }

        @Test
        void selectsWholeContainersAndTopLevelMembers() {
            assertThat(select("weapon", GAME))
                    .isEqualTo("{\"weapon\":{\"name\":\"poison\",\"damage\":12.5,\"tags\":[\"green\",\"slow\"]}}");
            assertThat(select("level", GAME)).startsWith("{\"level\":[{\"quest\":\"intro\"}");
            assertThat(select("empty", GAME)).isEqualTo("{\"empty\":{}}");
            assertThat(select("title", GAME)).isEqualTo("{\"title\":\"Game\"}");
        }

        @Test
        void findsAMemberWhoseValueIsNull() {
            assertThat(select("level[1].boss", GAME)).isEqualTo("{\"boss\":null}");
        }

        @Test
        void keepsNumbersAsNumbers() {
            assertThat(select("weapon.damage", GAME)).isEqualTo("{\"damage\":12.5}");
        }

        @Test
        void acceptsLeadingZerosInAnIndex() {
            assertThat(select("level[003].quest", GAME)).isEqualTo("{\"quest\":\"castle\"}");
        }

        @Test
        void treatsAnyCharacterButDotAndBracketsAsPartOfAName() {
            JsonNode document = json("{\"my key\":{\"ü-ñ$\":[true]}}");
            assertThat(select("my key.ü-ñ$[0]", document)).isEqualTo("{\"ü-ñ$\":true}");
        }

        @Test
        void exposesTheSelectorAndTheMemberName() {
            Select select = Select.parse("level[3].quest");
            assertThat(select.selector()).isEqualTo("level[3].quest");
            assertThat(select.toString()).isEqualTo("level[3].quest");
            assertThat(select.memberName()).isEqualTo("quest");
            assertThat(Select.parse("grid[1][2]").memberName()).isEqualTo("grid");
        }

        @Test
        void doesNotModifyTheDocument() {
            JsonNode document = json("{\"a\":{\"b\":1}}");
            Select.parse("a.b").apply(document);
            assertThat(document).isEqualTo(json("{\"a\":{\"b\":1}}"));
        }
    }

    @Nested
    class NotFound {

        private void assertNotFound(String selector, String detail) {
            assertThatThrownBy(() -> Select.parse(selector).apply(GAME))
                    .isInstanceOfSatisfying(XblException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.SELECT_NOT_FOUND);
                        assertThat(e.status()).isEqualTo(404);
                        assertThat(e.detail()).isEqualTo(detail);
                    });
        }

        @Test
        void missingTopLevelMember() {
            assertNotFound("armour", "The query parameter select 'armour' selects nothing: "
                    + "the document has no member 'armour'.");
        }

        @Test
        void missingNestedMember() {
            assertNotFound("weapon.colour", "The query parameter select 'weapon.colour' selects nothing: "
                    + "'weapon' has no member 'colour'.");
            assertNotFound("level[2].boss", "The query parameter select 'level[2].boss' selects nothing: "
                    + "'level[2]' has no member 'boss'.");
        }

        @Test
        void indexOutOfRange() {
            assertNotFound("level[4].quest", "The query parameter select 'level[4].quest' selects nothing: "
                    + "'level' has 4 elements, so it has no element [4].");
            assertNotFound("grid[0][3]", "The query parameter select 'grid[0][3]' selects nothing: "
                    + "'grid[0]' has 3 elements, so it has no element [3].");
            assertNotFound("level[99999999999999999999]", "The query parameter select 'level[99999999999999999999]' "
                    + "selects nothing: 'level' has 4 elements, so it has no element [2147483647].");
        }

        @Test
        void indexingSomethingThatIsNotAnArray() {
            assertNotFound("weapon[0]", "The query parameter select 'weapon[0]' selects nothing: "
                    + "'weapon' is an object, not an array, so it has no element [0].");
            assertNotFound("title[0]", "The query parameter select 'title[0]' selects nothing: "
                    + "'title' is a string, not an array, so it has no element [0].");
        }

        @Test
        void propertyOfSomethingThatIsNotAnObject() {
            assertNotFound("weapon.name.first", "The query parameter select 'weapon.name.first' selects nothing: "
                    + "'weapon.name' is a string, not an object, so it has no member 'first'.");
            assertNotFound("level.quest", "The query parameter select 'level.quest' selects nothing: "
                    + "'level' is an array, not an object, so it has no member 'quest'.");
            assertNotFound("level[1].boss.name", "The query parameter select 'level[1].boss.name' selects nothing: "
                    + "'level[1].boss' is null, not an object, so it has no member 'name'.");
            assertNotFound("weapon.damage.x", "The query parameter select 'weapon.damage.x' selects nothing: "
                    + "'weapon.damage' is a number, not an object, so it has no member 'x'.");
        }

        @Test
        void aNameContainingADotCannotBeSelected() {
            assertNotFound("a.b", "The query parameter select 'a.b' selects nothing: "
                    + "the document has no member 'a'.");
        }

        @Test
        void aScalarDocumentHasNoMembers() {
            assertThatThrownBy(() -> Select.parse("a").apply(json("true")))
                    .isInstanceOfSatisfying(XblException.class, e -> assertThat(e.detail()).isEqualTo(
                            "The query parameter select 'a' selects nothing: the document is a boolean, not an object, "
                                    + "so it has no member 'a'."));
        }
    }

    @Nested
    class Malformed {

        private void assertMalformed(String selector, String detail) {
            assertThatThrownBy(() -> Select.parse(selector))
                    .isInstanceOfSatisfying(XblException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SELECT);
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.detail()).isEqualTo(detail);
                    });
        }

        @Test
        void emptyOrMissing() {
            String detail = "The query parameter select is empty; give a property path such as weapon.name or level[3].quest.";
            assertMalformed("", detail);
            assertMalformed(null, detail);
        }

        @Test
        void dots() {
            assertMalformed(".a", "The query parameter select '.a' starts with '.'; it must start with a property name.");
            assertMalformed("a.", "The query parameter select 'a.' ends with '.'; a property name must follow every '.'.");
            assertMalformed("a..b", "The query parameter select 'a..b' has '.' at position 3 where a property name was expected.");
            assertMalformed(".", "The query parameter select '.' starts with '.'; it must start with a property name.");
            assertMalformed("a.[0]", "The query parameter select 'a.[0]' has '[' at position 3 where a property name was expected.");
        }

        @Test
        void startingWithAnIndex() {
            assertMalformed("[0]", "The query parameter select '[0]' starts with '['; it must start with a property name.");
            assertMalformed("[0].a", "The query parameter select '[0].a' starts with '['; it must start with a property name.");
        }

        @Test
        void brackets() {
            assertMalformed("a[", "The query parameter select 'a[' opens '[' at position 2 without closing it.");
            assertMalformed("a[1", "The query parameter select 'a[1' opens '[' at position 2 without closing it.");
            assertMalformed("a[]", "The query parameter select 'a[]' has an empty array index at position 2.");
            assertMalformed("a[0][]", "The query parameter select 'a[0][]' has an empty array index at position 5.");
            assertMalformed("a]", "The query parameter select 'a]' has ']' at position 2 where '.', '[' or the end was expected.");
            assertMalformed("]", "The query parameter select ']' starts with ']'; it must start with a property name.");
            assertMalformed("a[0]b", "The query parameter select 'a[0]b' has 'b' at position 5 where '.', '[' or the end was expected.");
            assertMalformed("a[0]]", "The query parameter select 'a[0]]' has ']' at position 5 where '.', '[' or the end was expected.");
            assertMalformed("a[0].", "The query parameter select 'a[0].' ends with '.'; a property name must follow every '.'.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a[x]", "a[-1]", "a[+1]", "a[ 1]", "a[1 ]", "a[1.5]", "a[0x1]", "a[[0]]", "a[1e3]"})
        void indicesThatAreNotNonNegativeIntegers(String selector) {
            String index = selector.substring(2, selector.indexOf(']'));
            assertMalformed(selector, "The query parameter select '" + selector + "' has the array index '" + index
                    + "' at position 2; an index is a non-negative integer.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a%b", "%s", "a[%d]"})
        void formatCharactersInTheSelectorAreQuotedLiterally(String selector) {
            assertThatThrownBy(() -> Select.parse(selector).apply(GAME))
                    .isInstanceOfSatisfying(XblException.class, e -> assertThat(e.detail()).contains("'" + selector + "'"));
        }
    }
}
