package dev.xblmock.common.identity;

import static dev.xblmock.common.XblAssertions.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.xblmock.common.error.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

/** Strict percent-decoding: what decodes, and where exactly each hostile form is refused. */
@PropertyDefaults(tries = 300)
class PercentDecoderTest {

    private static final ErrorCode E = ErrorCode.INVALID_PATH;

    /** A query value is data: separators included, only controls and lone surrogates are refused. */
    @Provide
    Arbitrary<String> queryText() {
        return Arbitraries.strings().all().ofMaxLength(60)
                .filter(s -> s.codePoints().noneMatch(cp -> cp < 0x20 || cp == 0x7F
                        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)));
    }

    /** Text without the characters the path decoder refuses even when encoded (separators, controls). */
    @Provide
    Arbitrary<String> harmlessText() {
        return Arbitraries.strings().all().ofMaxLength(60)
                .filter(s -> s.codePoints().noneMatch(cp -> cp == '/' || cp == '\\' || cp < 0x20 || cp == 0x7F
                        || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)));
    }

    @Property
    void everyEncodedQueryValueDecodesBackToItself(@ForAll("queryText") String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8); // spaces become '+'
        assertThat(PercentDecoder.decodeQuery(encoded, "q", E)).isEqualTo(text);
    }

    @Property
    void everyEncodedPathSegmentDecodesBackToItself(@ForAll("harmlessText") String text) {
        String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(PercentDecoder.decode(encoded, "p", E)).isEqualTo(text);
    }

    @Example
    void decodes() {
        assertThat(PercentDecoder.decode("abc", "p", E)).isEqualTo("abc");
        assertThat(PercentDecoder.decode("a%20b", "p", E)).isEqualTo("a b");
        assertThat(PercentDecoder.decode("a+b", "p", E)).isEqualTo("a+b");
        assertThat(PercentDecoder.decodeQuery("a+b", "q", E)).isEqualTo("a b");
        assertThat(PercentDecoder.decodeQuery("a%2Bb", "q", E)).isEqualTo("a+b");
        assertThat(PercentDecoder.decode("%C3%A9%c3%a9", "p", E)).isEqualTo("éé");
        assertThat(PercentDecoder.decode("%F0%9F%98%80", "p", E)).isEqualTo("😀");
        assertThat(PercentDecoder.decode("", "p", E)).isEmpty();
        // non-ASCII text stands for itself, with or without escapes around it
        assertThat(PercentDecoder.decode("é", "p", E)).isEqualTo("é");
        assertThat(PercentDecoder.decode("é%20😀", "p", E)).isEqualTo("é 😀");
    }

    @Example
    void refusesEncodedSeparators() {
        assertThat(rejects(E, () -> PercentDecoder.decode("a%2Fb", "The path", E)).detail())
                .isEqualTo("The path contains an encoded separator '%2F' at position 2; separators may not be percent-encoded.");
        assertThat(rejects(E, () -> PercentDecoder.decode("ab%2f", "p", E)).detail()).contains("'%2f' at position 3;");
        assertThat(rejects(E, () -> PercentDecoder.decode("%5C", "p", E)).detail()).contains("'%5C' at position 1;");
    }

    @Example
    void inTheQueryEveryEscapeIsData() {
        assertThat(PercentDecoder.decodeQuery("%2F%5C%3F%26%3D%2C%25%2B", "q", E)).isEqualTo("/\\?&=,%+");
        assertThat(PercentDecoder.decodeQuery("Maps%2FArena", "q", E)).isEqualTo("Maps/Arena");
        assertThat(PercentDecoder.decodeQuery("x%5cy", "q", E)).isEqualTo("x\\y");
        assertThat(PercentDecoder.decodeQuery("a\\b", "q", E)).isEqualTo("a\\b");
        assertThat(rejects(E, () -> PercentDecoder.decodeQuery("a%0Ab", "q", E)).detail()).contains("'%0A' at position 2.");
        assertThat(rejects(E, () -> PercentDecoder.decodeQuery("a%zz", "q", E)).detail()).contains("'%zz' at position 2;");
    }

    @Example
    void refusesBackslashesAndControlCharacters() {
        assertThat(rejects(E, () -> PercentDecoder.decode("a\\b", "The path", E)).detail())
                .isEqualTo("The path contains a backslash at position 2; use '/' between segments.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%41\\", "p", E)).detail()).contains("backslash at position 4;");
        assertThat(rejects(E, () -> PercentDecoder.decode("ab%00", "The path", E)).detail())
                .isEqualTo("The path contains an encoded control character '%00' at position 3.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%1F", "p", E)).detail()).contains("'%1F' at position 1.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%7f", "p", E)).detail()).contains("'%7f' at position 1.");
        assertThat(rejects(E, () -> PercentDecoder.decode("a\tb", "The path", E)).detail())
                .isEqualTo("The path contains the control character U+0009 at position 2.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%20\u007f", "p", E)).detail())
                .contains("U+007F at position 4.");
    }

    @Example
    void refusesMalformedEscapes() {
        assertThat(rejects(E, () -> PercentDecoder.decode("a%zz", "The path", E)).detail())
                .isEqualTo("The path has an invalid percent-encoding '%zz' at position 2; '%' must be followed by two hex digits.");
        assertThat(rejects(E, () -> PercentDecoder.decode("a%4", "The path", E)).detail())
                .isEqualTo("The path has an incomplete percent-encoding '%4' at position 2.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%", "p", E)).detail()).contains("'%' at position 1.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%4g", "p", E)).detail()).contains("'%4g' at position 1;");
        assertThat(rejects(E, () -> PercentDecoder.decode("%+1", "p", E)).detail()).contains("'%+1' at position 1;");
        // only ASCII hex digits count: Arabic-Indic and full-width digits are not hex
        rejects(E, () -> PercentDecoder.decode("%\u0663\u0663", "p", E));
        rejects(E, () -> PercentDecoder.decode("%\uff21\uff21", "p", E));
    }

    @Example
    void refusesInvalidUtf8NamingWhereItStarts() {
        assertThat(rejects(E, () -> PercentDecoder.decode("ab%C3%28", "The path", E)).detail())
                .isEqualTo("The path is not valid UTF-8 after percent-decoding: the bytes at position 3 do not form a character.");
        assertThat(rejects(E, () -> PercentDecoder.decode("%C3", "p", E)).detail()).contains("position 1 ");
        assertThat(rejects(E, () -> PercentDecoder.decode("xyz%80", "p", E)).detail()).contains("position 4 ");
        rejects(E, () -> PercentDecoder.decode("%C0%AF", "p", E)); // overlong '/'
        rejects(E, () -> PercentDecoder.decode("%ED%A0%80", "p", E)); // an encoded surrogate
        rejects(E, () -> PercentDecoder.decode("%FF", "p", E));
        assertThat(rejects(E, () -> PercentDecoder.decode("a%20\ud800", "p", E)).detail())
                .contains("unpaired surrogate at position 5.");
    }

    @Example
    void usesTheGivenErrorCode() {
        rejects(ErrorCode.INVALID_PARAMETER, () -> PercentDecoder.decodeQuery("%zz", "Query parameter 'x'", ErrorCode.INVALID_PARAMETER));
        rejects(ErrorCode.INVALID_SCID, () -> PercentDecoder.decode("a%2F", "scid", ErrorCode.INVALID_SCID));
    }
}
