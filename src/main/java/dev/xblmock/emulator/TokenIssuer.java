package dev.xblmock.emulator;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.EmulatorTokens;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Xuid;
import dev.xblmock.common.json.JsonMembers;
import dev.xblmock.userstats.TitleIds;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Mints emulator tokens (SPEC 1.1 claims) from a {@code POST /_emulator/tokens} body. {@code uhs} defaults to
 * the xuid and {@code exp} to now + 24 h; other claims appear only when given. {@code expiresInSeconds} may
 * be 0 or negative to mint an already expired token (for strict-mode tests).
 */
@Component
public class TokenIssuer {

    static final long DEFAULT_LIFETIME_SECONDS = 24 * 60 * 60;
    /** Ten years either way: far enough for any test, near enough that {@code exp} never overflows. */
    static final long MAX_LIFETIME_SECONDS = 10L * 365 * 24 * 60 * 60;
    private static final int MAX_TEXT_CLAIM_LENGTH = 128;
    private static final Set<String> MEMBERS =
            Set.of("xuid", "gamertag", "titleId", "userHash", "sandbox", "developer", "expiresInSeconds");

    private final EmulatorTokens tokens;
    private final Clock clock;

    public TokenIssuer(EmulatorTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A minted token and the {@code Authorization} header value that carries it. */
    @JsonPropertyOrder({"token", "authorization"})
    public record Minted(String token, String authorization) {
    }

    public Minted issue(JsonNode body) {
        JsonMembers request = JsonMembers.of(body, "", ErrorCode.INVALID_BODY, "a JSON object (a token request)")
                .allowOnly(MEMBERS, "xuid, gamertag, titleId, userHash, sandbox, developer, expiresInSeconds");
        String xuidText = request.digitsOrText("xuid").orElseThrow(() -> request.invalid("xuid", "is required"));
        Xuid xuid;
        try {
            xuid = Identifiers.xuid(xuidText, "xuid");
        } catch (XblException e) {
            throw new XblException(ErrorCode.INVALID_XUID, "Member 'xuid': " + e.detail());
        }
        String userHash = request.text("userHash").orElse(xuid.toString());
        if (userHash.isEmpty() || userHash.length() > MAX_TEXT_CLAIM_LENGTH
                || !userHash.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != ';' && c != ',')) {
            throw request.invalid("userHash", "must be 1 to " + MAX_TEXT_CLAIM_LENGTH
                    + " printable ASCII characters without spaces, ';' or ','");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("xid", xuid.toString());
        claims.put("uhs", userHash);
        request.text("gamertag").ifPresent(gamertag -> claims.put("gtg", textClaim(request, "gamertag", gamertag)));
        request.digitsOrText("titleId").ifPresent(titleId -> claims.put("tid", titleId(request, titleId)));
        request.text("sandbox").ifPresent(sandbox -> claims.put("sbx", textClaim(request, "sandbox", sandbox)));
        request.bool("developer").ifPresent(developer -> claims.put("dev", developer));
        long lifetime = request.integer("expiresInSeconds", -MAX_LIFETIME_SECONDS, MAX_LIFETIME_SECONDS)
                .orElse(DEFAULT_LIFETIME_SECONDS);
        claims.put("exp", clock.instant().getEpochSecond() + lifetime);
        String token = tokens.encode(claims);
        return new Minted(token, "XBL3.0 x=" + userHash + ";" + token);
    }

    private static String textClaim(JsonMembers request, String member, String value) {
        int length = value.codePointCount(0, value.length());
        if (length == 0 || length > MAX_TEXT_CLAIM_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw request.invalid(member, "must be 1 to " + MAX_TEXT_CLAIM_LENGTH + " characters without control characters");
        }
        return value;
    }

    /** Title ids are unsigned 32-bit decimal numbers; the claim holds the canonical text the seed's titles use. */
    private static String titleId(JsonMembers request, String value) {
        try {
            return TitleIds.parse(value, "titleId");
        } catch (XblException e) {
            throw request.within("titleId", e);
        }
    }
}
