package dev.xblmock.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens with a random secret, in one process or across the instances of a cluster: a token one instance mints is
 * valid on every other, until the secret is renewed. One subclass per way of keeping the secret;
 * {@link #otherInstance()} is a second instance (the same object in one process).
 */
public abstract class TokenSharingContract {

    protected EmulatorTokens tokens;

    /** A first instance, with a random secret (no {@code xblmock.auth.secret}). */
    protected abstract EmulatorTokens firstInstance();

    /** Another instance of the same server. */
    protected abstract EmulatorTokens otherInstance();

    @BeforeEach
    void createTokens() {
        tokens = firstInstance();
    }

    protected static Map<String, Object> claims(String xuid) {
        return Map.of("xid", xuid, "uhs", xuid, "exp", 2_000_000_000L);
    }

    protected static boolean valid(EmulatorTokens verifier, String token) {
        return verifier.decode(token).orElseThrow().signatureValid();
    }

    @Test
    void aTokenMintedByOneInstanceIsValidOnTheOther() {
        EmulatorTokens other = otherInstance();
        String minted = tokens.encode(claims("2533274792693551"));
        String mintedElsewhere = other.encode(claims("2533274792693552"));

        assertThat(valid(other, minted)).isTrue();
        assertThat(valid(tokens, mintedElsewhere)).isTrue();
        assertThat(other.decode(minted).orElseThrow().claims().path("xid").asString()).isEqualTo("2533274792693551");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsNot() {
        String forged = new EmulatorTokens(new AuthProperties(AuthMode.STRICT, "another-secret"))
                .encode(claims("2533274792693551"));
        assertThat(valid(tokens, forged)).isFalse();
        assertThat(valid(otherInstance(), forged)).isFalse();
    }

    @Test
    void renewingTheSecretInvalidatesEveryEarlierTokenEverywhere() {
        EmulatorTokens other = otherInstance();
        String before = tokens.encode(claims("2533274792693551"));
        assertThat(valid(other, before)).isTrue();

        tokens.renewRandomSecret();
        String after = other.encode(claims("2533274792693551"));

        assertThat(valid(tokens, before)).isFalse();
        assertThat(valid(tokens, after)).isTrue();
        assertThat(valid(other, after)).isTrue();
    }
}
