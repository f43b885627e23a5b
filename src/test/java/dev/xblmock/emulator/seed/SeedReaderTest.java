package dev.xblmock.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.emulator.config.EmulatorProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The YAML parser's own limits: no alias, bounded nesting, bounded lines; and the size limit while reading. */
class SeedReaderTest {

    private final SeedReader reader = new SeedReader(new EmulatorProperties(null,
            new EmulatorProperties.ControlPlane(true, 1_000_000, null), null, null));

    private JsonNode read(String text, SeedFormat format) {
        return reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), format);
    }

    private XblException refused(String text, SeedFormat format) {
        return catchThrowableOfType(XblException.class, () -> read(text, format));
    }

    @Test
    void anAliasBombIsRefusedAtItsFirstAlias() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(8)).append("*a").append(i - 1).append("]\n");
        }

        XblException e = refused(bomb.toString(), SeedFormat.YAML);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SEED);
        assertThat(e.detail()).isEqualTo("The manifest uses the YAML alias *a0 at line 2, column 10; aliases are not "
                + "supported, write the value out.");
    }

    @Test
    void aSingleAliasIsRefusedInsteadOfBecomingTheAnchorsName() {
        assertThat(refused("blobs: &b []\nusers: *b\n", SeedFormat.YAML).detail())
                .isEqualTo("The manifest uses the YAML alias *b at line 2, column 8; aliases are not supported, "
                        + "write the value out.");
        assertThat(read("blobs: &b []\n", SeedFormat.YAML).toString()).isEqualTo("{\"blobs\":[]}");
    }

    @Test
    void nestingIsBoundedInYamlAndJsonWithoutJacksonsWording() {
        String expected = "The manifest nests deeper than 64 levels; a json blob may nest 16 levels (SPEC 7).";
        assertThat(refused("a: " + "[".repeat(100_000), SeedFormat.YAML).detail()).isEqualTo(expected);
        assertThat(refused("- ".repeat(100_000) + "x", SeedFormat.YAML).detail()).isEqualTo(expected);
        assertThat(refused("[".repeat(100_000), SeedFormat.JSON).detail()).isEqualTo(expected);
        assertThat(read("[".repeat(64) + "]".repeat(64), SeedFormat.JSON)).isNotNull();
    }

    @Test
    void aYamlLineLongerThan64KibIsRefusedWithItsNumber() {
        String longLine = "a: " + "x".repeat(SeedReader.MAX_YAML_LINE_BYTES);

        assertThat(refused("users: []\r\nblobs: []\n" + longLine, SeedFormat.YAML).detail())
                .isEqualTo("Line 3 of the YAML manifest is longer than 65536 bytes; break long text or base64 over "
                        + "several lines (a block scalar: 'base64: |'), or post the manifest as JSON.");
        assertThat(read("a: " + "x".repeat(SeedReader.MAX_YAML_LINE_BYTES - 3) + "\nb: 1\n", SeedFormat.YAML)
                .get("b").asInt()).isEqualTo(1);
        assertThat(read("{\"a\":\"" + "x".repeat(200_000) + "\"}", SeedFormat.JSON).get("a").asString())
                .hasSize(200_000);
    }

    @Test
    void theSizeIsCheckedWhileReadingAndAgainstTheDeclaredLength() {
        String big = "{\"a\":\"" + "x".repeat(1_000_000) + "\"}";
        XblException e = refused(big, SeedFormat.JSON);
        assertThat(e.errorCode()).isEqualTo(ErrorCode.BODY_TOO_LARGE);
        assertThat(e.detail()).isEqualTo("The seed manifest is larger than 1000000 bytes "
                + "(xblmock.control-plane.max-manifest-bytes); put big blobs in files beside a startup seed.");

        XblException declared = catchThrowableOfType(XblException.class,
                () -> reader.read(new ByteArrayInputStream(new byte[0]), SeedFormat.YAML, 1_000_001));
        assertThat(declared.errorCode()).isEqualTo(ErrorCode.BODY_TOO_LARGE);
    }

    @Test
    void aSecondDocumentIsNamedPlainly() {
        assertThat(refused("users: []\n---\nblobs: []\n", SeedFormat.YAML).detail())
                .isEqualTo("The manifest is not valid YAML at line 3, column 1: more content follows the root value.");
    }
}
