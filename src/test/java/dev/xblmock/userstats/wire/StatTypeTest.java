package dev.xblmock.userstats.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatTypeTest {

    @Test
    void wireNamesAreCaseSensitive() {
        assertThat(StatType.fromWireName("Integer")).contains(StatType.INTEGER);
        assertThat(StatType.fromWireName("Double")).contains(StatType.DOUBLE);
        assertThat(StatType.fromWireName("String")).contains(StatType.STRING);
        assertThat(StatType.fromWireName("integer")).isEmpty();
        assertThat(StatType.fromWireName("Int64")).isEmpty();
        assertThat(StatType.fromWireName(null)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "66", "007", "9223372036854775807", "-9223372036854775808"})
    void integersThatFitIn64Bits(String value) {
        assertThat(StatType.INTEGER.violation(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "9223372036854775808", "-9223372036854775809", "1.0", "1e3", "+1", " 1", "0x10", "abc",
            "12345678901234567890123"})
    void notA64BitInteger(String value) {
        assertThat(StatType.INTEGER.violation(value))
                .contains("a stat of type Integer needs a signed 64-bit integer in decimal digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1.5", "2.50", "1e3", "1E-7", "-0.0", "1.7976931348623157e308", "007.5"})
    void finiteDoubles(String value) {
        assertThat(StatType.DOUBLE.violation(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NaN", "Infinity", "-Infinity", "1e400", "1.", ".5", "1d", "0x1p3", " 1", "1,5"})
    void notAFiniteDouble(String value) {
        assertThat(StatType.DOUBLE.violation(value)).contains("a stat of type Double needs a finite decimal number");
    }

    @Test
    void anyTextIsAString() {
        assertThat(StatType.STRING.violation("")).isEmpty();
        assertThat(StatType.STRING.violation("héllo \"x\"")).isEmpty();
    }
}
