package dev.xblmock.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class ParserMessagesTest {

    @Test
    void dropsFeatureHintsAndSourceDescriptions() {
        assertThat(ParserMessages.clean(
                "Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow"))
                .isEqualTo("Non-standard token 'NaN'");
        assertThat(ParserMessages.clean("Unexpected end-of-input: expected close marker for Object "
                + "(start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); "
                + "line: 1, column: 1])"))
                .isEqualTo("Unexpected end-of-input: expected close marker for Object");
        assertThat(ParserMessages.clean("Unexpected character ('/' (code 47)): maybe a (non-standard) "
                + "comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)"))
                .isEqualTo("Unexpected character ('/' (code 47)): maybe a (non-standard) comment?");
    }

    @Test
    void keepsOnlyTheFirstLine() {
        assertThat(ParserMessages.clean("Unexpected character\n at [Source: x; line: 1]"))
                .isEqualTo("Unexpected character");
    }

    @Test
    void keepsAConstraintsNumbersButNotItsAccessor() {
        assertThat(ParserMessages.clean("Document nesting depth (501) exceeds the maximum allowed (500, from "
                + "`StreamReadConstraints.getMaxNestingDepth()`)"))
                .isEqualTo("Document nesting depth (501) exceeds the maximum allowed (500)");
    }

    @Test
    void cleansWhatJacksonReallySaysAboutDeepNesting() {
        JacksonException e = catchThrowableOfType(JacksonException.class,
                () -> JsonMapper.builder().build().readTree("[".repeat(2000)));

        assertThat(ParserMessages.clean(e.getOriginalMessage()))
                .isEqualTo("Document nesting depth (501) exceeds the maximum allowed (500)");
    }

    @Test
    void namesTrailingContentPlainly() {
        assertThat(ParserMessages.clean("Trailing token (`JsonToken.START_OBJECT`) found after value (bound as "
                + "`tools.jackson.databind.JsonNode`): not allowed as per `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`"))
                .isEqualTo("more content follows the root value");
    }

    @Test
    void fallsBackToAGenericSentenceWhenSomethingInternalRemains() {
        assertThat(ParserMessages.clean("Problem in tools.jackson.core.Foo")).isEqualTo(ParserMessages.GENERIC);
        assertThat(ParserMessages.clean("Something `odd`")).isEqualTo(ParserMessages.GENERIC);
        assertThat(ParserMessages.clean("failed: java.io.IOException: x")).isEqualTo(ParserMessages.GENERIC);
        assertThat(ParserMessages.clean(null)).isEqualTo(ParserMessages.GENERIC);
        assertThat(ParserMessages.clean("  ")).isEqualTo(ParserMessages.GENERIC);
        assertThat(ParserMessages.clean(null, "unreadable")).isEqualTo("unreadable");
    }
}
