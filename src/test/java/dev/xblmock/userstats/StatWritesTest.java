package dev.xblmock.userstats;

import dev.xblmock.common.json.JsonMappers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.userstats.wire.Stat;
import dev.xblmock.userstats.wire.StatType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatWritesTest {

    private static JsonNode json(String text) {
        return JsonMappers.strict().readTree(text);
    }

    private static Stat stat(String definition) {
        return StatWrites.stat("X", json(definition), "stats.X");
    }

    @Test
    void patchWithGamertagPutsAndRemovals() {
        StatsPatch patch = StatWrites.patch(json("""
                {"gamertag":"WarriorSaint","stats":{"A":{"type":"Integer","value":"1"},"B":null,"C":{"type":"String","value":"c"}}}"""));
        assertThat(patch.setsGamertag()).isTrue();
        assertThat(patch.gamertag()).isEqualTo("WarriorSaint");
        assertThat(patch.puts()).containsExactly(new Stat("A", StatType.INTEGER, "1", null), new Stat("C", StatType.STRING, "c", null));
        assertThat(patch.removals()).containsExactly("B");
    }

    @Test
    void absentGamertagIsKeptAndNullClearsIt() {
        assertThat(StatWrites.patch(json("{\"stats\":{}}")).setsGamertag()).isFalse();
        StatsPatch clear = StatWrites.patch(json("{\"gamertag\":null}"));
        assertThat(clear.setsGamertag()).isTrue();
        assertThat(clear.gamertag()).isNull();
    }

    @Test
    void numbersBecomeTheirDecimalText() {
        assertThat(stat("{\"type\":\"Integer\",\"value\":66}").value()).isEqualTo("66");
        assertThat(stat("{\"type\":\"Integer\",\"value\":-9223372036854775808}").value()).isEqualTo("-9223372036854775808");
        assertThat(stat("{\"type\":\"Integer\",\"value\":1E+2}").value()).isEqualTo("100");
        assertThat(stat("{\"type\":\"Double\",\"value\":0.1}").value()).isEqualTo("0.1");
        assertThat(stat("{\"type\":\"Double\",\"value\":2.50}").value()).isEqualTo("2.50");
        assertThat(stat("{\"type\":\"Double\",\"value\":-1.5e-3}").value()).isEqualTo("-0.0015");
        assertThat(stat("{\"type\":\"Double\",\"value\":12345678901234567890.123456789}").value())
                .isEqualTo("12345678901234567890.123456789");
        assertThat(stat("{\"type\":\"String\",\"value\":18446744073709551616}").value()).isEqualTo("18446744073709551616");
        assertThat(stat("{\"type\":\"String\",\"value\":\"  spaced \"}").value()).isEqualTo("  spaced ");
    }

    @Test
    void hugeExponentsAreRefusedWithoutExpandingThem() {
        assertThatThrownBy(() -> stat("{\"type\":\"String\",\"value\":1e999999999}"))
                .isInstanceOf(XblException.class)
                .hasMessage("stats.X.value has too large an exponent to write as decimal text; send it as a string.");
        assertThatThrownBy(() -> stat("{\"type\":\"Integer\",\"value\":1e-999999999}"))
                .hasMessage("stats.X.value has too large an exponent to write as decimal text; send it as a string.");
    }

    @Test
    void valueMetadataIsKeptAsGivenOrCompacted() {
        assertThat(stat("{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":\"[1, 2]\"}").valueMetadata()).isEqualTo("[1, 2]");
        assertThat(stat("{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":{\"a\": [1, {\"b\": null}]}}").valueMetadata())
                .isEqualTo("{\"a\":[1,{\"b\":null}]}");
        assertThat(stat("{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":null}").valueMetadata()).isNull();
        assertThatThrownBy(() -> stat("{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":\" \"}"))
                .hasMessage("stats.X.valuemetadata must be a string of valid JSON text, not empty.");
        assertThatThrownBy(() -> stat("{\"type\":\"Integer\",\"value\":\"1\",\"valuemetadata\":\"{} x\"}"))
                .hasMessageStartingWith("stats.X.valuemetadata must be a string of valid JSON text: ");
    }

    @Test
    void errorDetailsNeverCarryControlCharacters() {
        assertThatThrownBy(() -> stat("{\"type\":\"Integer\",\"value\":\"1\\u0000\"}"))
                .hasMessage("stats.X.value '1\\u0000' is invalid: a stat of type Integer needs a signed 64-bit integer in decimal digits.");
        assertThatThrownBy(() -> stat("{\"type\":\"Integer\",\"value\":\"" + "9".repeat(100) + "\"}"))
                .hasMessage("stats.X.value '" + "9".repeat(64) + "…' is invalid: a stat of type Integer needs a signed 64-bit "
                        + "integer in decimal digits.");
    }

    @Test
    void gamertagRules() {
        assertThat(StatWrites.gamertag(json("\"Major Nelson#1234\""), "gamertag")).isEqualTo("Major Nelson#1234");
        assertThat(StatWrites.gamertag(json("\"" + "g".repeat(64) + "\""), "gamertag")).hasSize(64);
        assertThatThrownBy(() -> StatWrites.gamertag(json("\"" + "g".repeat(65) + "\""), "users[0].gamertag"))
                .hasMessage("users[0].gamertag must have 1 to 64 characters; it has 65.");
    }

    @Test
    void typeErrorsAreInvalidStatAndShapeErrorsInvalidBody() {
        assertThatThrownBy(() -> stat("{\"type\":\"Long\",\"value\":\"1\"}"))
                .isInstanceOfSatisfying(XblException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_STAT));
        assertThatThrownBy(() -> StatWrites.patch(json("[]")))
                .isInstanceOfSatisfying(XblException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_BODY));
    }
}
