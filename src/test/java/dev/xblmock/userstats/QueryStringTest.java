package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xblmock.common.XblException;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesValuesAndKeepsTheFirstOccurrence() {
        QueryString query = QueryString.parse("operation=read&statNames=a%2Cb,c&include&statNames=x&&plus=a+b");
        assertThat(query.get("operation")).isEqualTo("read");
        assertThat(query.get("statNames")).isEqualTo("a,b,c");
        assertThat(query.get("include")).isEmpty();
        assertThat(query.get("plus")).isEqualTo("a b");
        assertThat(query.get("missing")).isNull();
        assertThat(QueryString.parse(null).get("a")).isNull();
    }

    @Test
    void malformedEscapesAre400() {
        assertThatThrownBy(() -> QueryString.parse("statNames=%G1")).isInstanceOf(XblException.class)
                .hasMessage("Query parameter 'statNames' has an invalid percent-encoding '%G1' at position 1.");
        assertThatThrownBy(() -> QueryString.parse("a=%4")).isInstanceOf(XblException.class)
                .hasMessage("Query parameter 'a' has an incomplete percent-encoding at position 1.");
    }
}
