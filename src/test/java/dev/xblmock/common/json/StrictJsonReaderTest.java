package dev.xblmock.common.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** The one strict reader: bounds, duplicate members, trailing content, and size before syntax. */
class StrictJsonReaderTest {

    private static final int MAX_BYTES = 4096;
    private static final int MAX_DEPTH = 8;

    /** Names each refusal by its rule, so a test sees which rule answered. */
    private static final StrictJsonReader.Answers ANSWERS = new StrictJsonReader.Answers() {
        @Override
        public XblException tooLarge(long declaredLength) {
            return new XblException(ErrorCode.BODY_TOO_LARGE, "too large, declared " + declaredLength);
        }

        @Override
        public XblException empty() {
            return new XblException(ErrorCode.INVALID_BODY, "empty");
        }

        @Override
        public XblException malformed(JacksonException e) {
            return new XblException(ErrorCode.INVALID_BODY, ParserMessages.clean(e.getOriginalMessage())
                    + StrictJsonReader.inParentheses(e.getLocation()));
        }
    };

    private final StrictJsonReader reader = new StrictJsonReader(MAX_BYTES, MAX_DEPTH, ANSWERS);

    private JsonNode read(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return reader.read(new ClosableBody(bytes), -1);
    }

    /** Like a servlet's body: reading after close fails, so the reader must not close what it drains. */
    private static final class ClosableBody extends ByteArrayInputStream {
        private boolean closed;

        ClosableBody(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            if (closed) {
                throw new java.io.UncheckedIOException(new java.io.IOException("Stream closed"));
            }
            return super.read(b, off, len);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private String refused(String text) {
        return catchThrowableOfType(XblException.class, () -> read(text)).detail();
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Property(tries = 40)
    void anyDocumentWithinTheDepthBoundIsRead(@ForAll @IntRange(min = 1, max = MAX_DEPTH) int depth) {
        assertThat(read(nested(depth)).isArray()).isTrue();
    }

    @Property(tries = 40)
    void anyDocumentOverTheDepthBoundIsRefusedWithTheSameRule(@ForAll @IntRange(min = MAX_DEPTH + 1, max = 2000) int depth) {
        XblException e = catchThrowableOfType(XblException.class, () -> read(nested(depth)));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_BODY);
        assertThat(e.detail()).isEqualTo("Document nesting depth (" + (MAX_DEPTH + 1)
                + ") exceeds the maximum allowed (" + MAX_DEPTH + ")");
    }

    @Property(tries = 40)
    void anyBodyOverTheSizeBoundIsRefusedAsTooLargeEvenWhenMalformed(
            @ForAll @IntRange(min = MAX_BYTES + 1, max = 3 * MAX_BYTES) int length, @ForAll boolean malformed) {
        String body = malformed ? "{" + "x".repeat(length - 1) : "\"" + "x".repeat(length - 2) + "\"";
        assertThat(refused(body)).isEqualTo("too large, declared -1");
    }

    @Test
    void aDeclaredLengthOverTheBoundIsRefusedUnread() {
        ByteArrayInputStream body = new ByteArrayInputStream("{}".getBytes(StandardCharsets.UTF_8));
        XblException e = catchThrowableOfType(XblException.class, () -> reader.read(body, MAX_BYTES + 1));
        assertThat(e.detail()).isEqualTo("too large, declared " + (MAX_BYTES + 1));
        assertThat(body.available()).isEqualTo(2);
    }

    @Test
    void duplicateMembersAreRefusedAtAnyDepth() {
        assertThat(refused("{\"a\":1,\"a\":2}")).isEqualTo("Duplicate Object property \"a\" (line 1, column 11)");
        assertThat(refused("{\"x\":{\"a\":1,\"a\":2}}")).isEqualTo("Duplicate Object property \"a\" (line 1, column 16)");
    }

    @Test
    void trailingContentIsRefused() {
        assertThat(refused("{} {}")).isEqualTo("more content follows the root value (line 1, column 4)");
    }

    @Test
    void anEmptyBodyIsTheEndpointsEmptyAnswer() {
        assertThat(refused("")).isEqualTo("empty");
        assertThat(refused(" \r\n\t")).isEqualTo("empty");
    }

    @Test
    void decimalsStayExact() {
        assertThat(read("{\"v\":0.10000000000000000001}").get("v").decimalValue().toPlainString())
                .isEqualTo("0.10000000000000000001");
    }

    @Test
    void stringLengthIsBoundedByTheMapper() {
        StrictJsonReader shortStrings = new StrictJsonReader(JsonMappers.strict(MAX_DEPTH, 16), MAX_BYTES, ANSWERS);
        assertThat(shortStrings.read(new ByteArrayInputStream("\"0123456789abcdef\"".getBytes(StandardCharsets.UTF_8)), -1)
                .asString()).hasSize(16);
        XblException e = catchThrowableOfType(XblException.class, () -> shortStrings.read(
                new ByteArrayInputStream("\"0123456789abcdefg\"".getBytes(StandardCharsets.UTF_8)), -1));
        assertThat(e.detail()).startsWith("String value length (17) exceeds the maximum allowed (16");
    }
}
