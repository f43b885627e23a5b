package dev.xblmock.titlestorage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.titlestorage.settings.BatchProperties;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchRequestReaderTest {

    private final BatchRequestReader reader = new BatchRequestReader(new BatchProperties(100, null));

    @Test
    void acceptsNumbersAndDecimalStringsInOrderWithDuplicates() {
        List<Xuid> xuids = reader.parse(bytes(
                "{\"xuids\":[123, \"456\", 18446744073709551615, \"18446744073709551615\", \"0001\", 0, 123]}"));
        assertThat(xuids).extracting(Xuid::toString)
                .containsExactly("123", "456", "18446744073709551615", "18446744073709551615", "1", "0", "123");
    }

    @Test
    void ignoresOtherMembers() {
        assertThat(reader.parse(bytes("{\"other\":{\"a\":[1]},\"xuids\":[\"7\"]}"))).containsExactly(new Xuid(7));
    }

    @Test
    void acceptsExactlyMaxXuidsEntries() {
        assertThat(reader.parse(bytes(xuidsBody(100)))).hasSize(100);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"xuids\":[]}                          | InvalidBody | Member 'xuids' must hold 1 to 100 entries; it holds 0.",
        "{\"xuids\":5}                           | InvalidBody | Member 'xuids' must be an array, not the number 5.",
        "{\"xuids\":\"5\"}                       | InvalidBody | Member 'xuids' must be an array, not a string.",
        "{\"xuids\":null}                        | InvalidBody | Member 'xuids' must be an array, not null.",
        "{\"xuids\":{\"a\":1}}                   | InvalidBody | Member 'xuids' must be an array, not an object.",
        "{}                                      | InvalidBody | The request body lacks the member 'xuids'; send {\"xuids\":[<xuid>, …]}.",
        "{\"XUIDS\":[1]}                         | InvalidBody | The request body lacks the member 'xuids'; send {\"xuids\":[<xuid>, …]}.",
        "[1,2]                                   | InvalidBody | The request body must be a JSON object {\"xuids\":[<xuid>, …]}.",
        "\"xuids\"                               | InvalidBody | The request body must be a JSON object {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[-1]}                        | InvalidXuid | xuids[0] (-1) must be an unsigned 64-bit integer: 0 to 18446744073709551615.",
        "{\"xuids\":[1, 18446744073709551616]}   | InvalidXuid | xuids[1] (18446744073709551616) must be an unsigned 64-bit integer: 0 to 18446744073709551615.",
        "{\"xuids\":[\"18446744073709551616\"]}  | InvalidXuid | xuids[0] '18446744073709551616' is greater than 18446744073709551615.",
        "{\"xuids\":[\"12a\"]}                   | InvalidXuid | xuids[0] '12a' must be an unsigned 64-bit decimal number of 1 to 20 digits.",
        "{\"xuids\":[\"\"]}                      | InvalidXuid | xuids[0] '' must be an unsigned 64-bit decimal number of 1 to 20 digits.",
        "{\"xuids\":[\"-1\"]}                    | InvalidXuid | xuids[0] '-1' must be an unsigned 64-bit decimal number of 1 to 20 digits.",
        "{\"xuids\":[\" 1\"]}                    | InvalidXuid | xuids[0] ' 1' must be an unsigned 64-bit decimal number of 1 to 20 digits.",
        "{\"xuids\":[1.5]}                       | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not the fractional number 1.5.",
        "{\"xuids\":[2.0]}                       | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not the fractional number 2.0.",
        "{\"xuids\":[1e3]}                       | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not the fractional number 1000.0.",
        "{\"xuids\":[true]}                      | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not a boolean.",
        "{\"xuids\":[null]}                      | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not null.",
        "{\"xuids\":[[1]]}                       | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not an array.",
    })
    void rejects(String body, String code, String detail) {
        assertRejected(() -> reader.parse(bytes(body)), code, detail);
    }

    @Test
    void rejectsMoreThanMaxXuidsEntries() {
        assertRejected(() -> reader.parse(bytes(xuidsBody(101))), "InvalidBody",
                "Member 'xuids' must hold 1 to 100 entries; it holds 101.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                          | The request body is empty; send {\"xuids\":[<xuid>, …]}.",
        "'  '                        | The request body is empty; send {\"xuids\":[<xuid>, …]}.",
        "xuids=1                     | The request body is not valid JSON (line 1, column 1); send {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[1]                | The request body is not valid JSON (line 1, column 13); send {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[1]} {}            | The request body is not valid JSON (line 1, column 15); send {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[01]}              | The request body is not valid JSON (line 1, column 12); send {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[1],\"xuids\":[2]}   | The request body is not valid JSON (line 1, column 21); send {\"xuids\":[<xuid>, …]}.",
    })
    void rejectsWhatIsNotJson(String body, String detail) {
        assertRejected(() -> reader.parse(bytes(body)), "InvalidBody", detail);
    }

    @Test
    void rejectsBodiesOverTheLimit() {
        BatchRequestReader small = new BatchRequestReader(new BatchProperties(100, 20L));
        String body = "{\"xuids\":[1,2,3,4,5]}"; // 21 bytes
        assertRejected(() -> small.read(stream(body), -1), "BodyTooLarge",
                "The request body exceeds 20 bytes (xblmock.batch.max-body-bytes).");
        assertThat(readQuietly(small, "{\"xuids\":[1,2,3,45]}")).hasSize(4);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        BatchRequestReader small = new BatchRequestReader(new BatchProperties(100, 20L));
        InputStream unreadable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the body must not be read");
            }
        };
        assertRejected(() -> small.read(unreadable, 21), "BodyTooLarge",
                "The request body exceeds 20 bytes (xblmock.batch.max-body-bytes).");
    }

    @Test
    void theDefaultBodyLimitScalesWithMaxXuids() {
        assertThat(new BatchProperties(100, null).bodyLimit()).isEqualTo(65_536);
        assertThat(new BatchProperties(1, null).bodyLimit()).isEqualTo(65_536);
        assertThat(new BatchProperties(1000, null).bodyLimit()).isEqualTo(655_360);
        assertThat(new BatchProperties(1000, 100L).bodyLimit()).isEqualTo(100);
    }

    @Test
    void aBodyOfMaxXuidsLongestStringsFitsTheDefaultLimit() throws IOException {
        String longest = IntStream.range(0, 100).mapToObj(i -> "\"18446744073709551615\"")
                .collect(Collectors.joining(",\n    ", "{\n  \"xuids\": [\n    ", "\n  ]\n}"));
        assertThat(reader.read(stream(longest), longest.length())).hasSize(100);
    }

    private static List<Xuid> readQuietly(BatchRequestReader reader, String body) {
        return reader.read(stream(body), body.length());
    }

    private static void assertRejected(ThrowingCallable call, String code, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(XblException.class, e -> {
            assertThat(e.errorCode().code()).isEqualTo(code);
            assertThat(e.detail()).isEqualTo(detail);
            assertThat(e.errorCode().status().value()).isEqualTo(400);
        });
    }

    static String xuidsBody(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "{\"xuids\":[", "]}"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(bytes(text));
    }
}
