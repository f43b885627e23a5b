package dev.xblmock.common.web;

import static dev.xblmock.common.XblAssertions.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.AuthMode;
import dev.xblmock.common.identity.AuthProperties;
import dev.xblmock.common.identity.EmulatorTokens;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.identity.Xuid;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 1.1: what {@code identify()} makes of the Authorization header in each auth mode. */
class AuthenticationFilterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SECRET = "unit-test-secret";
    private static final String JWE = "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a2V5.aXY.Y2lwaGVy.dGFn";

    private static AuthenticationFilter filter(AuthMode mode) {
        AuthProperties properties = new AuthProperties(mode, SECRET);
        return new AuthenticationFilter((request, response, handler, ex) -> null, properties,
                new EmulatorTokens(properties), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Map<String, Object> claims(long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("xid", "2533274792693551");
        claims.put("uhs", "tokenhash");
        claims.put("gtg", "WarriorSaint");
        claims.put("tid", "1717113201");
        claims.put("sbx", "XDKS.1");
        claims.put("dev", true);
        claims.put("exp", exp);
        return claims;
    }

    private static String token(Map<String, Object> claims) {
        return new EmulatorTokens(new AuthProperties(AuthMode.STRICT, SECRET)).encode(claims);
    }

    private static String foreignToken(Map<String, Object> claims) {
        return new EmulatorTokens(new AuthProperties(AuthMode.STRICT, "another-secret")).encode(claims);
    }

    private static final String VALID = token(claims(NOW.getEpochSecond() + 3600));

    private static XblException unauthorized(AuthMode mode, String header) {
        XblException e = rejects(ErrorCode.UNAUTHORIZED, () -> filter(mode).identify(header));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.headers()).containsExactly(Map.entry("WWW-Authenticate", "XBL3.0"));
        return e;
    }

    private static void assertTheTokensCaller(Identity identity) {
        assertThat(identity.anonymous()).isFalse();
        assertThat(identity.xuid()).isEqualTo(new Xuid(2533274792693551L));
        assertThat(identity.userHash()).isEqualTo("tokenhash");
        assertThat(identity.gamertag()).isEqualTo("WarriorSaint");
        assertThat(identity.titleId()).isEqualTo("1717113201");
        assertThat(identity.sandbox()).isEqualTo("XDKS.1");
        assertThat(identity.developer()).isTrue();
        assertThat(identity.ownershipChecked()).isTrue();
    }

    @Nested
    class Off {

        @ParameterizedTest
        @ValueSource(strings = {"", "Bearer abc", "XBL3.0 x=;", "garbage"})
        void everyHeaderIsAnonymous(String header) {
            assertThat(filter(AuthMode.OFF).identify(header)).isEqualTo(Identity.ANONYMOUS);
        }

        @Test
        void aMissingHeaderAndEvenAValidTokenAreAnonymous() {
            assertThat(filter(AuthMode.OFF).identify(null)).isEqualTo(Identity.ANONYMOUS);
            assertThat(filter(AuthMode.OFF).identify("XBL3.0 x=uh;" + VALID)).isEqualTo(Identity.ANONYMOUS);
        }
    }

    @Nested
    class Loose {

        @Test
        void aMissingHeaderIs401() {
            assertThat(unauthorized(AuthMode.LOOSE, null).detail())
                    .isEqualTo("The Authorization header is missing; send 'XBL3.0 x=<userhash>;<token>'.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Bearer abc", "Basic dXNlcjpwYXNz", "XBL2.0 x=;", "XBL3.0", "XBL3.0 y=;", "", "   ",
                "XBL3.0x=;", "XBL3.0 token"})
        void anotherSchemeIs401(String header) {
            assertThat(unauthorized(AuthMode.LOOSE, header).detail())
                    .isEqualTo("The Authorization header must use the scheme 'XBL3.0 x=<userhash>;<token>'.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"XBL3.0 x=;", "XBL3.0 x=-;tok", "XBL3.0 x=", "XBL3.0 x=abc", "xbl3.0 x=;", "Xbl3.0 X=-;t",
                "XBL3.0   x=uh;tok", "\tXBL3.0\tx=;", "XBL3.0 x=uh;" + JWE, "XBL3.0 x=uh;a.b.c"})
        void anyXbl30ValueIsAcceptedAsAnonymousUnlessItCarriesAnEmulatorToken(String header) {
            assertThat(filter(AuthMode.LOOSE).identify(header)).isEqualTo(Identity.ANONYMOUS);
        }

        @Test
        void anEmulatorTokenIsDecoded() {
            assertTheTokensCaller(filter(AuthMode.LOOSE).identify("XBL3.0 x=headerhash;" + VALID));
        }

        @Test
        void theSignatureAndExpiryAreNotChecked() {
            assertTheTokensCaller(filter(AuthMode.LOOSE).identify("XBL3.0 x=uh;" + foreignToken(claims(NOW.getEpochSecond() + 60))));
            assertTheTokensCaller(filter(AuthMode.LOOSE).identify("XBL3.0 x=uh;" + token(claims(1))));
            Map<String, Object> noExp = claims(0);
            noExp.remove("exp");
            assertTheTokensCaller(filter(AuthMode.LOOSE).identify("XBL3.0 x=uh;" + foreignToken(noExp)));
        }

        @Test
        void theHeadersUserHashIsUsedWhenTheTokenHasNone() {
            Map<String, Object> claims = claims(NOW.getEpochSecond() + 60);
            claims.remove("uhs");
            assertThat(filter(AuthMode.LOOSE).identify("XBL3.0 x=headerhash;" + token(claims)).userHash()).isEqualTo("headerhash");
        }

        @Test
        void aTokenWhoseXidIsNotAXuidIsAnonymous() {
            Map<String, Object> claims = claims(NOW.getEpochSecond() + 60);
            claims.put("xid", "18446744073709551616");
            assertThat(filter(AuthMode.LOOSE).identify("XBL3.0 x=uh;" + token(claims))).isEqualTo(Identity.ANONYMOUS);
        }
    }

    @Nested
    class Strict {

        @Test
        void aValidTokenIdentifiesTheCaller() {
            assertTheTokensCaller(filter(AuthMode.STRICT).identify("XBL3.0 x=uh;" + VALID));
        }

        @Test
        void theSchemeIsCaseInsensitive() {
            assertTheTokensCaller(filter(AuthMode.STRICT).identify("xbl3.0 X=uh;" + VALID));
        }

        @Test
        void aMissingHeaderOrAnotherSchemeIs401() {
            unauthorized(AuthMode.STRICT, null);
            unauthorized(AuthMode.STRICT, "Bearer " + VALID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"XBL3.0 x=;", "XBL3.0 x=uh;", "XBL3.0 x=uh", "XBL3.0 x="})
        void placeholdersAre401(String header) {
            assertThat(unauthorized(AuthMode.STRICT, header).detail())
                    .isEqualTo("The Authorization header needs a non-empty user hash and token (strict mode).");
        }

        @Test
        void anEmptyUserHashIs401EvenWithAValidToken() {
            unauthorized(AuthMode.STRICT, "XBL3.0 x=;" + VALID);
        }

        @ParameterizedTest
        @ValueSource(strings = {"XBL3.0 x=-;tok", "XBL3.0 x=uh;" + JWE, "XBL3.0 x=uh;a.b.c"})
        void somethingOtherThanAnEmulatorTokenIs401(String header) {
            assertThat(unauthorized(AuthMode.STRICT, header).detail()).startsWith("The token is not an emulator token;");
        }

        @Test
        void aBadSignatureIs401() {
            assertThat(unauthorized(AuthMode.STRICT, "XBL3.0 x=uh;" + foreignToken(claims(NOW.getEpochSecond() + 60))).detail())
                    .isEqualTo("The token's signature does not match this emulator's secret (strict mode).");
        }

        @Test
        void anExpiredTokenIs401() {
            unauthorized(AuthMode.STRICT, "XBL3.0 x=uh;" + token(claims(NOW.getEpochSecond())));
            unauthorized(AuthMode.STRICT, "XBL3.0 x=uh;" + token(claims(NOW.getEpochSecond() - 1)));
            assertTheTokensCaller(filter(AuthMode.STRICT).identify("XBL3.0 x=uh;" + token(claims(NOW.getEpochSecond() + 1))));
        }

        @Test
        void aTokenWithoutANumericExpIs401() {
            Map<String, Object> noExp = claims(0);
            noExp.remove("exp");
            assertThat(unauthorized(AuthMode.STRICT, "XBL3.0 x=uh;" + token(noExp)).detail())
                    .isEqualTo("The token has expired or carries no 'exp' claim (strict mode).");
            Map<String, Object> textExp = claims(0);
            textExp.put("exp", String.valueOf(NOW.getEpochSecond() + 60));
            unauthorized(AuthMode.STRICT, "XBL3.0 x=uh;" + token(textExp));
        }

        @Test
        void aSignedTokenWithAnInvalidXidIs401() {
            Map<String, Object> claims = claims(NOW.getEpochSecond() + 60);
            claims.put("xid", "-1");
            assertThat(unauthorized(AuthMode.STRICT, "XBL3.0 x=uh;" + token(claims)).detail())
                    .isEqualTo("The token's 'xid' claim is not a valid xuid.");
        }
    }
}
