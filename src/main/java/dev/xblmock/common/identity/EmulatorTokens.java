package dev.xblmock.common.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes and decodes emulator tokens: compact HS256 JWS whose payload carries the SPEC 1.1 claims
 * ({@code xid}, {@code uhs}, {@code gtg}, {@code tid}, {@code sbx}, {@code dev}, {@code exp}).
 */
@Component
public class EmulatorTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final String HEADER = B64.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final JsonMapper json = JsonMapper.builder().build();
    private final boolean configuredSecret;
    /** The cluster's shared random secret; null in one process or with a configured secret. */
    private final SharedTokenSecret shared;
    /** With a shared secret: the copy last read, null before the first use. */
    private volatile SecretKeySpec key;

    public EmulatorTokens(AuthProperties properties) {
        this(properties, null);
    }

    /** @param shared the cluster's shared random secret, or null: this process makes its own */
    @Autowired
    public EmulatorTokens(AuthProperties properties, ObjectProvider<SharedTokenSecret> shared) {
        configuredSecret = properties.secret() != null && !properties.secret().isEmpty();
        this.shared = configuredSecret || shared == null ? null : shared.getIfAvailable();
        if (configuredSecret) {
            key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        } else if (this.shared == null) {
            key = randomKey();
        }
    }

    /**
     * Replaces a random secret by a new one, so tokens signed so far no longer verify; a configured
     * {@code xblmock.auth.secret} stays. The test fixture does this each time a shared server passes to the next
     * test class.
     */
    public void renewRandomSecret() {
        if (shared != null) {
            key = hmacKey(shared.renew());
        } else if (!configuredSecret) {
            key = randomKey();
        }
    }

    private static SecretKeySpec randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return hmacKey(secret);
    }

    private static SecretKeySpec hmacKey(byte[] secret) {
        return new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The key to sign with; a shared one is read afresh when {@code fresh} or not read yet. */
    private SecretKeySpec key(boolean fresh) {
        SecretKeySpec current = key;
        if (shared != null && (fresh || current == null)) {
            current = hmacKey(shared.current());
            key = current;
        }
        return current;
    }

    /**
     * Signs the given claims (insertion order is kept in the payload). A shared secret is read afresh (minting is
     * rare), so a token minted after another instance renewed the secret is valid everywhere.
     */
    public String encode(Map<String, Object> claims) {
        String payload = B64.encodeToString(json.writeValueAsBytes(new LinkedHashMap<>(claims)));
        String signingInput = HEADER + "." + payload;
        return signingInput + "." + B64.encodeToString(sign(signingInput, key(true)));
    }

    /** A decoded token: its claims and whether its signature matched this process's secret. */
    public record Decoded(JsonNode claims, boolean signatureValid) {
    }

    /** Empty when the text is not an emulator token at all (e.g. a real five-segment XSTS JWE). */
    public Optional<Decoded> decode(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = json.readTree(B64D.decode(parts[0]));
            JsonNode claims = json.readTree(B64D.decode(parts[1]));
            if (!header.isObject() || !"HS256".equals(header.path("alg").asString(""))
                    || !claims.isObject() || !claims.path("xid").isString()) {
                return Optional.empty();
            }
            return Optional.of(new Decoded(claims, signatureMatches(parts[0] + "." + parts[1], parts[2])));
        } catch (IllegalArgumentException | JacksonException e) {
            return Optional.empty();
        }
    }

    /**
     * A signature that is not even base64url is simply wrong: loose mode still reads the claims. One that does not
     * match a shared secret is checked again against the secret read afresh, in case another instance renewed it.
     */
    private boolean signatureMatches(String signingInput, String signature) {
        byte[] presented;
        try {
            presented = B64D.decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        SecretKeySpec known = key(false);
        if (MessageDigest.isEqual(sign(signingInput, known), presented)) {
            return true;
        }
        if (shared == null) {
            return false;
        }
        SecretKeySpec fresh = key(true);
        return !fresh.equals(known) && MessageDigest.isEqual(sign(signingInput, fresh), presented);
    }

    private static byte[] sign(String signingInput, SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
