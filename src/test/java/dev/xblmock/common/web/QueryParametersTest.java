package dev.xblmock.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Test;

/** SPEC 7 "Parameters": a query value is data, and only the parameters a route reads can be wrong. */
class QueryParametersTest {

    @Test
    void escapedSeparatorsAndDelimitersDecodeToTheirCharacters() {
        QueryParameters query = QueryParameters.parse("displayName=Maps%2FArena%5CNorth%3F%26%3D%2C%25%2B+x&select=a");
        assertThat(query.getOrNull("displayName")).isEqualTo("Maps/Arena\\North?&=,%+ x");
        assertThat(query.getOrNull("select")).isEqualTo("a");
    }

    @Test
    void anUnknownParameterIsIgnoredWhateverItHolds() {
        QueryParameters query = QueryParameters.parse("cache=%2Fbust&junk=%zz&%zz=1&ctl=%00&maxItems=5");
        assertThat(query.intParameter("maxItems", 1, 10)).hasValue(5);
        assertThat(query.getOrNull("displayName")).isNull();
        assertThat(query.getOrNull("cache")).isEqualTo("/bust");
    }

    @Test
    void invalidPercentEncodingInAParameterThatIsReadIsA400NamingIt() {
        QueryParameters query = QueryParameters.parse("displayName=a%zz&maxItems=%G1");
        XblException display = catchThrowableOfType(XblException.class, () -> query.getOrNull("displayName"));
        assertThat(display.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER);
        assertThat(display.detail()).isEqualTo("Query parameter 'displayName' has an invalid percent-encoding '%zz' "
                + "at position 2; '%' must be followed by two hex digits.");
        XblException max = catchThrowableOfType(XblException.class, () -> query.intParameter("maxItems", 1, 10));
        assertThat(max.detail()).startsWith("Query parameter 'maxItems' has an invalid percent-encoding '%G1'");
    }

    @Test
    void theFirstOccurrenceOfANameWins() {
        assertThat(QueryParameters.parse("a=1&a=2&b%3D=3").getOrNull("a")).isEqualTo("1");
        assertThat(QueryParameters.parse("a=1&a=2&b%3D=3").getOrNull("b=")).isEqualTo("3");
    }
}
