package dev.xblmock.titlestorage.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonRulesTest {

    private static final String EMOJI = "\uD83D\uDE00"; // one code point, two chars, four UTF-8 bytes

    static void valid(String json) {
        valid(json.getBytes(StandardCharsets.UTF_8));
    }

    static void valid(byte[] body) {
        assertThatCode(() -> JsonRules.SPEC.validate(new ByteArrayInputStream(body))).doesNotThrowAnyException();
    }

    static String invalid(String json) {
        return invalid(json.getBytes(StandardCharsets.UTF_8));
    }

    /** Asserts an InvalidJson error and returns its detail. */
    static String invalid(byte[] body) {
        try {
            JsonRules.SPEC.validate(new ByteArrayInputStream(body));
        } catch (XblException e) {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.detail()).doesNotContain("tools.jackson", "Exception", "`", "[Source", "Feature", "\n");
            return e.detail();
        }
        throw new AssertionError("expected InvalidJson for " + new String(body, StandardCharsets.UTF_8));
    }

    static String repeat(String s, int times) {
        return s.repeat(times);
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    @Nested
    class DocumentShape {

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"a\":1}", " \t\r\n{ \"a\" : [ 1 , 2 ] }\n\n", "1", "-0.5e+10", "\"text\"",
                "true", "false", "null", "{\"a\":[],\"b\":{},\"c\":[{}]}"})
        void acceptsObjectsAndScalarRoots(String json) {
            valid(json);
        }

        @Test
        void rejectsZeroLengthBody() {
            assertThat(invalid("")).isEqualTo(
                    "The body is empty or only whitespace; a json or config blob must be a JSON document.");
        }

        @Test
        void rejectsWhitespaceOnlyBody() {
            assertThat(invalid(" \n\t ")).startsWith("The body is empty or only whitespace");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[]", "[1,2]", "  [{\"a\":1}]", "[", "[1,"})
        void rejectsArrayRoot(String json) {
            assertThat(invalid(json)).isEqualTo(
                    "The root of the document is an array; it must be an object or a scalar value.");
        }

        @Test
        void rejectsASecondRootValue() {
            assertThat(invalid("{} {}")).isEqualTo(
                    "Unexpected content after the root value at line 1, column 4; only whitespace may follow it.");
            assertThat(invalid("1 2")).isEqualTo(
                    "Unexpected content after the root value at line 1, column 3; only whitespace may follow it.");
            assertThat(invalid("{}" + "9".repeat(100_000))).startsWith(
                    "Unexpected content after the root value at line 1, column ");
            assertThat(invalid("{}\n\n  \"x\"")).isEqualTo(
                    "Unexpected content after the root value at line 3, column 3; only whitespace may follow it.");
        }

        @Test
        void rejectsGarbageAfterTheRootValue() {
            assertThat(invalid("{}x")).startsWith("The body is not well-formed JSON at line 1, column 3: ")
                    .contains("'x'");
        }

        @Test
        void acceptsTrailingWhitespace() {
            valid("{\"a\":1} \r\n\t ");
        }

        @Test
        void acceptsDuplicateMemberNames() {
            valid("{\"a\":1,\"a\":2}");
        }

        @Test
        void acceptsALeadingUtf8ByteOrderMark() {
            valid(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
            valid(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '1'});
        }

        @Test
        void rejectsAByteOrderMarkAnywhereElse() {
            assertThat(invalid(new byte[] {' ', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'}))
                    .startsWith("The body is not well-formed JSON at line 1, column 2: ");
        }

        @Test
        void rejectsAByteOrderMarkAlone() {
            assertThat(invalid(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).startsWith("The body is empty");
        }
    }

    @Nested
    class MalformedJson {

        @Test
        void namesLineAndColumnOfAnUnfinishedDocument() {
            assertThat(invalid("{\"a\":1")).isEqualTo(
                    "The body is not well-formed JSON at line 1, column 7: "
                            + "Unexpected end-of-input: expected close marker for Object.");
        }

        @Test
        void namesLineAndColumnOnLaterLines() {
            assertThat(invalid("{\n  \"a\": x\n}")).startsWith("The body is not well-formed JSON at line 2, column 8: ")
                    .contains("'x'");
        }

        @ParameterizedTest
        @ValueSource(strings = {"{a:1}", "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":+1}", "{\"a\":01}",
                "{\"a\":1,}", "{\"a\":[1,]}", "{/*c*/}", "{\"a\":1}//c", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}",
                "{\"a\" 1}", "{\"a\":tru}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":\"unterminated}",
                "{\"a\":1]", "}", "{\"a\":'x'}", "{\"a\":0x10}"})
        void rejectsEverythingOutsideTheJsonGrammarWithoutLeakingInternals(String json) {
            assertThat(invalid(json)).startsWith("The body is not well-formed JSON at line 1, column ");
        }

        @Test
        void rejectsARawNulByte() {
            assertThat(invalid(new byte[] {'{', 0, '}'})).startsWith("The body is not well-formed JSON at line 1, column 2: ");
        }

        @Test
        void rejectsUtf16WithoutByteOrderMark() {
            assertThat(invalid("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)))
                    .startsWith("The body is not well-formed JSON at line 1, column 2: ");
            assertThat(invalid("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE)))
                    .startsWith("The body is not well-formed JSON at line 1, column 1: ");
        }
    }

    @Nested
    class Utf8 {

        @Test
        void acceptsMultiByteCharacters() {
            valid("{\"é\":\"ü€" + EMOJI + "\"}");
        }

        @Test
        void rejectsAnOverlongEncoding() {
            assertThat(invalid(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'}))
                    .isEqualTo("The body is not valid UTF-8: the byte sequence at byte offset 6 is malformed.");
        }

        @Test
        void rejectsAnEncodedSurrogate() {
            assertThat(invalid(new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'}))
                    .isEqualTo("The body is not valid UTF-8: the byte sequence at byte offset 1 is malformed.");
        }

        @Test
        void rejectsALoneContinuationByte() {
            assertThat(invalid(new byte[] {'{', '}', ' ', (byte) 0x80}))
                    .isEqualTo("The body is not valid UTF-8: the byte sequence at byte offset 3 is malformed.");
        }

        @Test
        void rejectsASequenceTruncatedByTheEndOfTheBody() {
            assertThat(invalid(new byte[] {'"', (byte) 0xE2, (byte) 0x82}))
                    .isEqualTo("The body is not valid UTF-8: the byte sequence at byte offset 1 is malformed.");
        }

        @Test
        void rejectsUtf16ByteOrderMarks() {
            assertThat(invalid(new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0}))
                    .isEqualTo("The body is not valid UTF-8: the byte sequence at byte offset 0 is malformed.");
            assertThat(invalid(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}))
                    .isEqualTo("The body is not valid UTF-8: the byte sequence at byte offset 0 is malformed.");
        }

        @Test
        void reportsTheExactOffsetFarIntoALongBody() {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write('{');
            for (int i = 0; i < 20_000; i++) {
                body.write(i % 80 == 0 ? '\n' : ' ');
            }
            body.writeBytes("\"a\":\"".getBytes(StandardCharsets.UTF_8));
            int offset = body.size();
            body.write(0xF8); // never valid in UTF-8
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(invalid(body.toByteArray())).isEqualTo(
                    "The body is not valid UTF-8: the byte sequence at byte offset " + offset + " is malformed.");
        }

        @Test
        void decodesSequencesSplitAcrossReadBuffers() {
            // 4-byte characters at every alignment across the reader's 8 KiB buffer
            StringBuilder json = new StringBuilder("{");
            for (int i = 0; i < 40; i++) {
                json.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"")
                        .append("a".repeat(i % 4)).append(EMOJI.repeat(1000)).append('"');
            }
            json.append('}');
            valid(json.toString());
        }

        @Test
        void decodesWhenTheStreamHandsOutOneByteAtATime() throws IOException {
            byte[] body = ("{\"" + EMOJI + "é\":\"€" + EMOJI + "\"}").getBytes(StandardCharsets.UTF_8);
            InputStream trickle = new FilterInputStream(new ByteArrayInputStream(body)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 1));
                }
            };
            JsonRules.SPEC.validate(trickle);
            byte[] bomFirst = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'};
            InputStream trickleBom = new FilterInputStream(new ByteArrayInputStream(bomFirst)) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 1));
                }
            };
            JsonRules.SPEC.validate(trickleBom);
        }
    }

    @Nested
    class Numbers {

        @Test
        void acceptsThirtyTwoCharacters() {
            valid("{\"n\":" + "9".repeat(32) + "}");
            valid("{\"n\":-" + "9".repeat(31) + "}");
            valid("{\"n\":1." + "5".repeat(30) + "}");
            valid("{\"n\":-1.5e+" + "1".repeat(26) + "}");
            valid("9".repeat(32));
        }

        @Test
        void rejectsThirtyThreeCharacters() {
            assertThat(invalid("{\"n\":" + "9".repeat(33) + "}"))
                    .isEqualTo("The number at /n is 33 characters long; at most 32 are allowed.");
            assertThat(invalid("{\"n\":-" + "9".repeat(32) + "}"))
                    .isEqualTo("The number at /n is 33 characters long; at most 32 are allowed.");
            assertThat(invalid("{\"a\":[0,1.5e-" + "1".repeat(28) + "]}"))
                    .isEqualTo("The number at /a/1 is 33 characters long; at most 32 are allowed.");
            assertThat(invalid("9".repeat(33)))
                    .isEqualTo("The number at the document root is 33 characters long; at most 32 are allowed.");
        }

        @Test
        void stopsAGiganticNumberWithTheSameRule() {
            String huge = "9".repeat(100_000);
            assertThat(invalid("{\"a\":{\"b\":" + huge + "}}"))
                    .isEqualTo("The number at /a/b is more than 32 characters long; at most 32 are allowed.");
            assertThat(invalid("{\"a\":[1,2," + huge + "]}"))
                    .isEqualTo("The number at /a/2 is more than 32 characters long; at most 32 are allowed.");
            assertThat(invalid("{\"a\":[1.5e" + huge + "]}"))
                    .isEqualTo("The number at /a/0 is more than 32 characters long; at most 32 are allowed.");
            assertThat(invalid("{\"a\":1,\"b\":\"x\",\"c\":" + huge + "}"))
                    .isEqualTo("The number at /c is more than 32 characters long; at most 32 are allowed.");
            assertThat(invalid("{\"a\":1,\"a\":" + huge + "}")) // a repeated name is still told from a long one
                    .isEqualTo("The number at /a is more than 32 characters long; at most 32 are allowed.");
            assertThat(invalid("{" + quoted("n".repeat(65)) + ":" + huge + "}")) // document order: the name first
                    .isEqualTo("The property name at /" + "n".repeat(65) + " is 65 characters long; at most 64 are allowed.");
            assertThat(invalid(huge))
                    .isEqualTo("The number at the document root is more than 32 characters long; at most 32 are allowed.");
        }
    }

    @Nested
    class Strings {

        @Test
        void acceptsTenTwentyFourCodePoints() {
            valid("{\"s\":" + quoted("x".repeat(1024)) + "}");
            valid("{\"s\":" + quoted(EMOJI.repeat(1024)) + "}"); // 2048 chars
            valid("{\"s\":" + quoted("x".repeat(1023) + EMOJI) + "}");
            valid("{\"s\":" + quoted("\\u0041".repeat(1024)) + "}"); // escapes count as what they decode to
            valid("{\"s\":" + quoted("\\ud83d\\ude00".repeat(1024)) + "}");
            valid(quoted("x".repeat(1024)));
        }

        @Test
        void rejectsTenTwentyFiveCodePoints() {
            assertThat(invalid("{\"a\":{\"b\":" + quoted("x".repeat(1025)) + "}}"))
                    .isEqualTo("The string at /a/b is 1025 characters long; at most 1024 are allowed.");
            assertThat(invalid("{\"a\":[\"\",\"\"," + quoted("\\u0041".repeat(1025)) + "]}"))
                    .isEqualTo("The string at /a/2 is 1025 characters long; at most 1024 are allowed.");
            assertThat(invalid("{\"s\":" + quoted("x".repeat(1024) + EMOJI) + "}"))
                    .isEqualTo("The string at /s is 1025 characters long; at most 1024 are allowed.");
            assertThat(invalid(quoted("x".repeat(1025))))
                    .isEqualTo("The string at the document root is 1025 characters long; at most 1024 are allowed.");
        }

        @Test
        void stopsStringsBeyondTheSafetyNetWithTheSameRule() {
            assertThat(invalid("{\"s\":" + quoted(EMOJI.repeat(1025)) + "}"))
                    .isEqualTo("The string at /s is more than 1024 characters long; at most 1024 are allowed.");
            assertThat(invalid("{\"a\":[" + quoted("x".repeat(3_000_000)) + "]}"))
                    .isEqualTo("The string at /a/0 is more than 1024 characters long; at most 1024 are allowed.");
        }

        @Test
        void countsMemberNamesSeparately() {
            valid("{" + quoted("n".repeat(64)) + ":" + quoted("v".repeat(1024)) + "}");
        }
    }

    @Nested
    class PropertyNames {

        @Test
        void acceptsSixtyFourCodePoints() {
            valid("{" + quoted("n".repeat(64)) + ":1}");
            valid("{" + quoted(EMOJI.repeat(64)) + ":1}");
            valid("{" + quoted("\\u004e".repeat(64)) + ":1}");
        }

        @Test
        void rejectsSixtyFiveCodePointsNamingTheMember() {
            String name = "n".repeat(65);
            assertThat(invalid("{\"o\":{" + quoted(name) + ":1}}"))
                    .isEqualTo("The property name at /o/" + name + " is 65 characters long; at most 64 are allowed.");
            String mixed = EMOJI.repeat(33) + "n".repeat(32);
            assertThat(invalid("{" + quoted(mixed) + ":1}"))
                    .isEqualTo("The property name at /" + mixed + " is 65 characters long; at most 64 are allowed.");
        }

        @Test
        void stopsAGiganticNameWithTheSameRule() {
            assertThat(invalid("{\"o\":{\"ok\":1," + quoted("n".repeat(100_000)) + ":1}}"))
                    .isEqualTo("A property name in the object at /o is more than 64 characters long; at most 64 are allowed.");
            assertThat(invalid("{\"a\":[1,{\"b\":2}]," + quoted(EMOJI.repeat(65)) + ":1}"))
                    .isEqualTo("A property name in the object at the document root is more than 64 characters long; "
                            + "at most 64 are allowed.");
        }

        @Test
        void escapesPointerSegmentsAsRfc6901Says() {
            assertThat(invalid("{\"a/b\":{\"c~d\":{\"\":" + quoted("x".repeat(1025)) + "}}}"))
                    .isEqualTo("The string at /a~1b/c~0d/ is 1025 characters long; at most 1024 are allowed.");
        }
    }

    @Nested
    class Depth {

        /** {"a":{"a":…{"a":1}…}} with {@code levels} objects. */
        static String nestedObjects(int levels) {
            return "{\"a\":".repeat(levels - 1) + "{\"a\":1}" + "}".repeat(levels - 1);
        }

        @Test
        void acceptsSixteenLevels() {
            valid(nestedObjects(16));
            valid("{\"a\":" + "[".repeat(15) + "]".repeat(15) + "}");
            valid("{\"a\":" + "[".repeat(14) + "{\"b\":true}" + "]".repeat(14) + "}");
        }

        @Test
        void rejectsSeventeenLevelsNamingTheContainer() {
            assertThat(invalid(nestedObjects(17))).isEqualTo(
                    "The object at " + "/a".repeat(16) + " is nested 17 levels deep; at most 16 levels are allowed.");
            assertThat(invalid("{\"a\":" + "[".repeat(16) + "]".repeat(16) + "}")).isEqualTo(
                    "The array at /a" + "/0".repeat(15) + " is nested 17 levels deep; at most 16 levels are allowed.");
        }

        @Test
        void stopsAtSeventeenLevelsNoMatterHowDeepTheDocumentGoes() {
            assertThat(invalid(nestedObjects(10_000))).isEqualTo(
                    "The object at " + "/a".repeat(16) + " is nested 17 levels deep; at most 16 levels are allowed.");
        }

        @Test
        void countsDepthPerBranch() {
            String sixteen = nestedObjects(15);
            valid("{\"x\":" + sixteen + ",\"y\":" + sixteen + ",\"z\":[" + sixteen.replace("{\"a\":1}", "2") + "]}");
        }

        @Test
        void scalarsDoNotAddALevel() {
            valid(nestedObjects(16).replace("{\"a\":1}", "{\"a\":\"deep\"}"));
        }
    }

    @Nested
    class Arrays {

        static String elements(int n) {
            return IntStream.range(0, n).mapToObj(i -> "0").collect(Collectors.joining(","));
        }

        @Test
        void acceptsTenTwentyFourElements() {
            valid("{\"a\":[" + elements(1024) + "]}");
            valid("{\"a\":[[" + elements(1024) + "],[" + elements(1024) + "]]}");
        }

        @Test
        void rejectsTenTwentyFiveElementsNamingTheArray() {
            assertThat(invalid("{\"a\":[" + elements(1025) + "]}"))
                    .isEqualTo("The array at /a has more than 1024 elements; at most 1024 are allowed.");
            assertThat(invalid("{\"a\":[{},[" + elements(1025) + "]]}"))
                    .isEqualTo("The array at /a/1 has more than 1024 elements; at most 1024 are allowed.");
        }

        @Test
        void countsContainersAsElements() {
            String objects = IntStream.range(0, 1025).mapToObj(i -> "{}").collect(Collectors.joining(","));
            assertThat(invalid("{\"a\":[" + objects + "]}"))
                    .isEqualTo("The array at /a has more than 1024 elements; at most 1024 are allowed.");
        }
    }

    @Nested
    class Objects {

        static String members(int n, boolean distinct) {
            return IntStream.range(0, n).mapToObj(i -> quoted(distinct ? "m" + i : "m") + ":0")
                    .collect(Collectors.joining(","));
        }

        @Test
        void acceptsTenTwentyFourMembers() {
            valid("{" + members(1024, true) + "}");
            valid("{\"o\":{" + members(1024, true) + "}}");
        }

        @Test
        void rejectsTenTwentyFiveMembersNamingTheObject() {
            assertThat(invalid("{" + members(1025, true) + "}"))
                    .isEqualTo("The object at the document root has more than 1024 members; at most 1024 are allowed.");
            assertThat(invalid("{\"o\":[{" + members(1025, true) + "}]}"))
                    .isEqualTo("The object at /o/0 has more than 1024 members; at most 1024 are allowed.");
        }

        @Test
        void countsDuplicateNames() {
            valid("{" + members(1024, false) + "}");
            assertThat(invalid("{" + members(1025, false) + "}"))
                    .isEqualTo("The object at the document root has more than 1024 members; at most 1024 are allowed.");
        }
    }

    @Nested
    class Streams {

        @Test
        void leavesTheStreamOpen() {
            boolean[] closed = {false};
            InputStream body = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8)) {
                @Override
                public void close() {
                    closed[0] = true;
                }
            };
            JsonRules.SPEC.validate(body);
            assertThat(closed[0]).isFalse();
        }

        @Test
        void readsTheWholeDocumentIncludingTrailingWhitespace() {
            ByteArrayInputStream body = new ByteArrayInputStream("{\"a\":1}   ".getBytes(StandardCharsets.UTF_8));
            JsonRules.SPEC.validate(body);
            assertThat(body.available()).isZero();
        }

        @Test
        void reportsAFailingStreamAsAnIoErrorNotAsInvalidJson() {
            InputStream failing = new InputStream() {
                private int served;

                @Override
                public int read() throws IOException {
                    if (served++ == 0) {
                        return '{';
                    }
                    throw new IOException("Connection reset by peer");
                }
            };
            assertThatThrownBy(() -> JsonRules.SPEC.validate(failing))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasRootCauseMessage("Connection reset by peer");
        }
    }

    @Nested
    class CustomLimits {

        private final JsonRules small = new JsonRules(new JsonLimits(3, 4, 2, 2, 2, 2));

        @Test
        void appliesEveryConfiguredLimit() {
            assertThatCode(() -> small.validate(stream("{\"ab\":[\"abcd\",123]}"))).doesNotThrowAnyException();
            assertThat(detail(() -> small.validate(stream("{\"a\":1234}"))))
                    .isEqualTo("The number at /a is 4 characters long; at most 3 are allowed.");
            assertThat(detail(() -> small.validate(stream("{\"a\":\"abcde\"}"))))
                    .isEqualTo("The string at /a is 5 characters long; at most 4 are allowed.");
            assertThat(detail(() -> small.validate(stream("{\"abc\":1}"))))
                    .isEqualTo("The property name at /abc is 3 characters long; at most 2 are allowed.");
            assertThat(detail(() -> small.validate(stream("{\"a\":{\"b\":{}}}"))))
                    .isEqualTo("The object at /a/b is nested 3 levels deep; at most 2 levels are allowed.");
            assertThat(detail(() -> small.validate(stream("{\"a\":[1,2,3]}"))))
                    .isEqualTo("The array at /a has more than 2 elements; at most 2 are allowed.");
            assertThat(detail(() -> small.validate(stream("{\"a\":1,\"b\":2,\"c\":3}"))))
                    .isEqualTo("The object at the document root has more than 2 members; at most 2 are allowed.");
        }

        @Test
        void rejectsNonPositiveLimits() {
            assertThatThrownBy(() -> new JsonLimits(0, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxNumberLength");
        }

        @Test
        void specLimitsAreTheContractsValues() {
            assertThat(JsonRules.SPEC.limits()).isEqualTo(new JsonLimits(32, 1024, 64, 16, 1024, 1024));
        }

        private InputStream stream(String json) {
            return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        }

        private String detail(Runnable call) {
            try {
                call.run();
            } catch (XblException e) {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_JSON);
                return e.detail();
            }
            throw new AssertionError("expected InvalidJson");
        }
    }
}
