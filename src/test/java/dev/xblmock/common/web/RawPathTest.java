package dev.xblmock.common.web;

import static dev.xblmock.common.XblAssertions.rejects;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.util.List;

import dev.xblmock.common.error.ErrorCode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;

/** The raw-path rules every route shares, and the URI-safe form used as a problem's instance. */
@PropertyDefaults(tries = 300)
class RawPathTest {

    @Example
    void acceptsOrdinaryPaths() {
        for (String path : List.of("/", "/global/scids/x/data/a,json", "/global/scids/x/data/", "/a/b/",
                "/users/xuid(1)/scids/x/stats/a.b,c", "/sessions/a.b~c/scids/x", "/a/.../b", "/a/.b/c.", "/a;b=c",
                "/%C3%A9", "/a%20b", "/a<b>{c}")) {
            assertThatCode(() -> RawPath.validate(path)).as(path).doesNotThrowAnyException();
        }
    }

    @Example
    void refusesDotSegmentsNamingWhereTheyStart() {
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/a/./b")).detail())
                .isEqualTo("The request path contains the dot segment '.' at position 4; '.' and '..' segments are not allowed.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/a/../b")).detail())
                .contains("dot segment '..' at position 4;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/a/%2e%2E/b")).detail())
                .contains("dot segment '%2e%2E' at position 4;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/a/..;x=1/b")).detail())
                .contains("dot segment '..' at position 4;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/a/.")).detail()).contains("at position 4;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/..")).detail()).contains("at position 2;");
    }

    @Example
    void refusesEverythingThePercentDecoderRefusesWithPositionsInTheWholePath() {
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/global/scids/x/data/a%2Fb,json")).detail())
                .isEqualTo("The request path contains an encoded separator '%2F' at position 23; separators may not be percent-encoded.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/g/a\\b")).detail())
                .isEqualTo("The request path contains a backslash at position 5; use '/' between segments.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/g/a%00b")).detail())
                .isEqualTo("The request path contains an encoded control character '%00' at position 5.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/g/a%zz")).detail()).contains("'%zz' at position 5;");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/g/a%4")).detail()).contains("'%4' at position 5.");
        assertThat(rejects(ErrorCode.INVALID_PATH, () -> RawPath.validate("/g/a%5cb")).detail()).contains("'%5c' at position 5;");
    }

    @Example
    void uriReferenceKeepsValidPathsAndEncodesTheRest() {
        assertThat(RawPath.toUriReference("/global/scids/x/data/a%2Fb,json")).isEqualTo(URI.create("/global/scids/x/data/a%2Fb,json"));
        assertThat(RawPath.toUriReference("/users/xuid(1)/a;b=c:d@e!$&'()*+")).hasToString("/users/xuid(1)/a;b=c:d@e!$&'()*+");
        assertThat(RawPath.toUriReference("/a\\b")).hasToString("/a%5Cb");
        assertThat(RawPath.toUriReference("/a<b>{c}|^`\"[]")).hasToString("/a%3Cb%3E%7Bc%7D%7C%5E%60%22%5B%5D");
        assertThat(RawPath.toUriReference("/a%zz%4")).hasToString("/a%25zz%254");
        assertThat(RawPath.toUriReference("/é😀 ")).hasToString("/%C3%A9%F0%9F%98%80%20");
        assertThat(RawPath.toUriReference("/a?b#c")).hasToString("/a%3Fb%23c");
        assertThat(RawPath.toUriReference(null)).hasToString("/");
        assertThat(RawPath.toUriReference("")).hasToString("/");
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.strings().all().ofMaxLength(80).map(s -> "/" + s);
    }

    @Property
    void anyTextBecomesAUriReferenceWithoutQueryOrFragment(@ForAll("anyText") String raw) {
        URI uri = RawPath.toUriReference(raw);
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.getRawPath()).startsWith("/");
    }
}
