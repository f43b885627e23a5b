package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.titlestorage.json.JsonLimits;
import dev.xblmock.titlestorage.json.JsonRules;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class JsonRulesPropertiesTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Property(tries = 300)
    void documentsWithinTheLimitsAlwaysPass(@ForAll("documents") JsonNode document) {
        byte[] body = MAPPER.writeValueAsBytes(document);
        assertThatCode(() -> JsonRules.SPEC.validate(new ByteArrayInputStream(body))).doesNotThrowAnyException();
    }

    @Property(tries = 100)
    void prettyPrintedDocumentsWithinTheLimitsPassToo(@ForAll("documents") JsonNode document) {
        byte[] body = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        assertThatCode(() -> JsonRules.SPEC.validate(new ByteArrayInputStream(body))).doesNotThrowAnyException();
    }

    @Property(tries = 100)
    void anyStringOverTenTwentyFourCodePointsFails(@ForAll("longStrings") String value,
                                                   @ForAll @IntRange(min = 0, max = 5) int nesting) {
        JsonNode document = NODES.objectNode().put("s", value);
        String pointer = "/s";
        for (int i = 0; i < nesting; i++) {
            document = NODES.objectNode().set("n" + i, NODES.arrayNode().add(document));
            pointer = "/n" + i + "/0" + pointer;
        }
        String detail = detail(MAPPER.writeValueAsBytes(document));
        int length = value.codePointCount(0, value.length());
        assertThat(detail).isIn(
                "The string at " + pointer + " is " + length + " characters long; at most 1024 are allowed.",
                "The string at " + pointer + " is more than 1024 characters long; at most 1024 are allowed.");
    }

    @Property(tries = 100)
    void anyPropertyNameOverSixtyFourCodePointsFails(@ForAll("longNames") String name) {
        String detail = detail(MAPPER.writeValueAsBytes(NODES.objectNode().set("o", NODES.objectNode().put(name, 1))));
        assertThat(detail).isIn(
                "The property name at /o/" + name.replace("~", "~0").replace("/", "~1") + " is "
                        + name.codePointCount(0, name.length()) + " characters long; at most 64 are allowed.",
                "A property name in the object at /o is more than 64 characters long; at most 64 are allowed.");
    }

    @Property(tries = 100)
    void anyNumberOverThirtyTwoCharactersFails(@ForAll("longNumbers") String number) {
        String detail = detail(("{\"a\":[" + number + "]}").getBytes(StandardCharsets.UTF_8));
        assertThat(detail).isIn(
                "The number at /a/0 is " + number.length() + " characters long; at most 32 are allowed.",
                "The number at /a/0 is more than 32 characters long; at most 32 are allowed.");
    }

    @Property(tries = 500)
    void arbitraryBytesEitherPassOrFailAsInvalidJsonWithoutLeakingInternals(@ForAll @Size(max = 64) byte[] body) {
        try {
            JsonRules.SPEC.validate(new ByteArrayInputStream(body));
        } catch (XblException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
            // backticks and newlines may legitimately appear inside a quoted JSON pointer of generated names
            assertThat(e.detail()).doesNotContain("tools.jackson", "Exception", "[Source", "Feature");
        }
    }

    @Property(tries = 300)
    void mangledJsonEitherPassesOrFailsAsInvalidJsonWithoutLeakingInternals(
            @ForAll("documents") JsonNode document, @ForAll @IntRange(min = 0, max = 10_000) int cut,
            @ForAll("junk") String junk) {
        String json = MAPPER.writeValueAsString(document);
        int at = cut % (json.length() + 1);
        byte[] body = (json.substring(0, at) + junk + json.substring(at)).getBytes(StandardCharsets.UTF_8);
        try {
            JsonRules.SPEC.validate(new ByteArrayInputStream(body));
        } catch (XblException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
            // backticks and newlines may legitimately appear inside a quoted JSON pointer of generated names
            assertThat(e.detail()).doesNotContain("tools.jackson", "Exception", "[Source", "Feature");
        }
    }

    private static String detail(byte[] body) {
        try {
            JsonRules.SPEC.validate(new ByteArrayInputStream(body));
        } catch (XblException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
            return e.detail();
        }
        throw new AssertionError("expected InvalidJson");
    }

    // --- generators ---

    /** Any Unicode scalar value (no lone surrogates: those cannot be encoded as UTF-8). */
    private static Arbitrary<String> codePoint() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7E)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1F)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xD7FF)),
                Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)))
                .map(Character::toString);
    }

    private static Arbitrary<String> text(int minCodePoints, int maxCodePoints) {
        return codePoint().list().ofMinSize(minCodePoints).ofMaxSize(maxCodePoints).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<String> longStrings() {
        return text(1025, 2500);
    }

    @Provide
    Arbitrary<String> longNames() {
        return text(65, 300);
    }

    @Provide
    Arbitrary<String> longNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(200);
        return Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.of("", ".5", ".0001"),
                        Arbitraries.of("", "e7", "E-12", "e+300"))
                .as((sign, integer, fraction, exponent) ->
                        sign + (integer.length() > 1 ? "1" + integer.substring(1) : integer) + fraction + exponent)
                .filter(number -> number.length() > 32);
    }

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.of("", ",", "]", "}", "{", "[", ":", "\"", "\\", "x", "1", "-", "/*", "\u0000", "\uFEFF",
                "NaN", " ", "{\"a\":", "\"\\u12\"");
    }

    @Provide
    Arbitrary<JsonNode> documents() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, object(1)),
                Tuple.of(1, scalar()));
    }

    private static Arbitrary<JsonNode> value(int depth) {
        if (depth >= JsonLimits.SPEC.maxDepth()) {
            return scalar();
        }
        return Arbitraries.frequencyOf(
                Tuple.of(6, scalar()),
                Tuple.of(1, Arbitraries.lazy(() -> object(depth + 1))),
                Tuple.of(1, Arbitraries.lazy(() -> array(depth + 1))));
    }

    private static Arbitrary<JsonNode> object(int depth) {
        Arbitrary<String> names = text(0, 64);
        return Combinators.combine(names.list().ofMaxSize(5), value(depth).list().ofMaxSize(5)).as((keys, values) -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
                object.set(keys.get(i), values.get(i));
            }
            return (JsonNode) object;
        });
    }

    private static Arbitrary<JsonNode> array(int depth) {
        return value(depth).list().ofMaxSize(5).map(elements -> {
            ArrayNode array = NODES.arrayNode();
            elements.forEach(array::add);
            return (JsonNode) array;
        });
    }

    private static Arbitrary<JsonNode> scalar() {
        return Arbitraries.oneOf(
                text(0, 1024).map(s -> (JsonNode) NODES.stringNode(s)),
                Arbitraries.longs().map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d)),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-" + "9".repeat(31)),
                        new java.math.BigInteger("9".repeat(32))).map(n -> (JsonNode) NODES.numberNode(n)),
                Arbitraries.of(List.<JsonNode>of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())));
    }
}
