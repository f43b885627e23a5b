package dev.xblmock.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compact HS256 JWS: interoperable encoding, and what decode does with everything that is not one of ours. */
class EmulatorTokensTest {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final EmulatorTokens tokens = new EmulatorTokens(new AuthProperties(AuthMode.LOOSE, "test-secret"));

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("xid", "2533274792693551");
        claims.put("uhs", "uh1");
        claims.put("gtg", "WarriorSaint");
        claims.put("tid", "1717113201");
        claims.put("dev", true);
        claims.put("exp", 2000000000L);
        return claims;
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodesTheWellKnownJwtTestVectorExactly() {
        // The HS256 example of RFC 7519 tooling (jwt.io): any standard JWT library produces these bytes.
        EmulatorTokens jwtIo = new EmulatorTokens(new AuthProperties(AuthMode.LOOSE, "your-256-bit-secret"));
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "1234567890");
        claims.put("name", "John Doe");
        claims.put("iat", 1516239022);
        assertThat(jwtIo.encode(claims)).isEqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
                + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
                + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
    }

    @Test
    void signsWithHmacSha256OverHeaderDotPayload() throws Exception {
        String token = tokens.encode(claims());
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
                .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)).isEqualTo(
                "{\"xid\":\"2533274792693551\",\"uhs\":\"uh1\",\"gtg\":\"WarriorSaint\",\"tid\":\"1717113201\",\"dev\":true,\"exp\":2000000000}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("test-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = B64.encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertThat(parts[2]).isEqualTo(expected);
        assertThat(token).doesNotContain("=", "+", "/");
    }

    @Test
    void decodesItsOwnTokensWithAValidSignature() {
        EmulatorTokens.Decoded decoded = tokens.decode(tokens.encode(claims())).orElseThrow();
        assertThat(decoded.signatureValid()).isTrue();
        assertThat(decoded.claims().path("xid").asString()).isEqualTo("2533274792693551");
        assertThat(decoded.claims().path("dev").asBoolean()).isTrue();
        assertThat(decoded.claims().path("exp").asLong()).isEqualTo(2000000000L);
    }

    @Test
    void tokensOfAnotherSecretDecodeWithAnInvalidSignature() {
        EmulatorTokens other = new EmulatorTokens(new AuthProperties(AuthMode.LOOSE, "other-secret"));
        EmulatorTokens.Decoded decoded = tokens.decode(other.encode(claims())).orElseThrow();
        assertThat(decoded.signatureValid()).isFalse();
        assertThat(decoded.claims().path("gtg").asString()).isEqualTo("WarriorSaint");
    }

    @Test
    void aRandomSecretIsChosenPerInstanceWhenNoneIsConfigured() {
        EmulatorTokens first = new EmulatorTokens(new AuthProperties(AuthMode.STRICT, null));
        EmulatorTokens second = new EmulatorTokens(new AuthProperties(AuthMode.STRICT, ""));
        String token = first.encode(claims());
        assertThat(first.decode(token).orElseThrow().signatureValid()).isTrue();
        assertThat(second.decode(token).orElseThrow().signatureValid()).isFalse();
    }

    @Test
    void renewingARandomSecretInvalidatesEarlierTokens() {
        EmulatorTokens random = new EmulatorTokens(new AuthProperties(AuthMode.STRICT, null));
        String before = random.encode(claims());
        random.renewRandomSecret();
        assertThat(random.decode(before).orElseThrow().signatureValid()).isFalse();
        assertThat(random.decode(random.encode(claims())).orElseThrow().signatureValid()).isTrue();
    }

    @Test
    void aConfiguredSecretIsNeverRenewed() {
        String before = tokens.encode(claims());
        tokens.renewRandomSecret();
        assertThat(tokens.decode(before).orElseThrow().signatureValid()).isTrue();
    }

    @Test
    void aTamperedPayloadOrSignatureIsInvalid() {
        String[] parts = tokens.encode(claims()).split("\\.");
        String forgedPayload = b64("{\"xid\":\"1\",\"dev\":true,\"exp\":2000000000}");
        assertThat(tokens.decode(parts[0] + "." + forgedPayload + "." + parts[2]).orElseThrow().signatureValid()).isFalse();
        String flipped = parts[2].substring(0, parts[2].length() - 1) + (parts[2].endsWith("A") ? "B" : "A");
        assertThat(tokens.decode(parts[0] + "." + parts[1] + "." + flipped).orElseThrow().signatureValid()).isFalse();
        assertThat(tokens.decode(parts[0] + "." + parts[1] + ".").orElseThrow().signatureValid()).isFalse();
    }

    @Test
    void aSignatureThatIsNotBase64StillLetsLooseModeReadTheClaims() {
        String[] parts = tokens.encode(claims()).split("\\.");
        EmulatorTokens.Decoded decoded = tokens.decode(parts[0] + "." + parts[1] + ".not*base64!").orElseThrow();
        assertThat(decoded.signatureValid()).isFalse();
        assertThat(decoded.claims().path("xid").asString()).isEqualTo("2533274792693551");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "...", "tok", "a.b", "a.b.c", "a.b.c.d", "a.b.c.d.e",
            "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe"
                    + "ipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZ"
                    + "AYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66"
                    + "oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs"
                    + "9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ"})
    void textThatIsNotAnEmulatorTokenDecodesToNothing(String text) {
        assertThat(tokens.decode(text)).isEmpty();
    }

    @Test
    void tokensWithAForeignAlgorithmOrShapeAreNotEmulatorTokens() {
        String payload = b64("{\"xid\":\"1\"}");
        String sig = "c2ln";
        assertThat(tokens.decode(b64("{\"alg\":\"none\"}") + "." + payload + "." + sig)).isEmpty();
        assertThat(tokens.decode(b64("{\"alg\":\"RS256\"}") + "." + payload + "." + sig)).isEmpty();
        assertThat(tokens.decode(b64("[\"HS256\"]") + "." + payload + "." + sig)).isEmpty();
        String header = b64("{\"alg\":\"HS256\"}");
        assertThat(tokens.decode(header + "." + b64("[1,2]") + "." + sig)).isEmpty();
        assertThat(tokens.decode(header + "." + b64("{\"xid\":1}") + "." + sig)).isEmpty(); // xid must be a string
        assertThat(tokens.decode(header + "." + b64("{\"gtg\":\"x\"}") + "." + sig)).isEmpty();
        assertThat(tokens.decode(header + "." + b64("{not json") + "." + sig)).isEmpty();
        assertThat(tokens.decode(header + ".%%%." + sig)).isEmpty();
        assertThat(tokens.decode(header + "." + payload + "." + sig)).isPresent();
    }
}
