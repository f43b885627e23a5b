package dev.xblmock.common.web;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.AuthMode;
import dev.xblmock.common.identity.AuthProperties;
import dev.xblmock.common.identity.EmulatorTokens;
import dev.xblmock.common.identity.Identifiers;
import dev.xblmock.common.identity.Identity;
import dev.xblmock.common.identity.Xuid;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import tools.jackson.databind.JsonNode;

/**
 * SPEC 1.1: reads {@code Authorization: XBL3.0 x=<userhash>;<token>} according to the auth mode and stores
 * the caller's {@link Identity} as a request attribute for the controllers.
 */
@Component
public class AuthenticationFilter extends XboxRouteFilter {

    private static final String SCHEME = "XBL3.0";

    private final AuthProperties properties;
    private final EmulatorTokens tokens;
    private final Clock clock;

    public AuthenticationFilter(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                                AuthProperties properties, EmulatorTokens tokens, Clock clock) {
        super(resolver, FilterOrder.AUTHENTICATION);
        this.properties = properties;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    protected void check(HttpServletRequest request, HttpServletResponse response) {
        PipelineValues.setIdentity(request, identify(request.getHeader(HttpHeaders.AUTHORIZATION)));
    }

    Identity identify(String header) {
        AuthMode mode = properties.mode();
        if (mode == AuthMode.OFF) {
            return Identity.ANONYMOUS;
        }
        if (header == null) {
            throw unauthorized("The Authorization header is missing; send 'XBL3.0 x=<userhash>;<token>'.");
        }
        String text = header.trim();
        int space = indexOfWhitespace(text);
        String scheme = space < 0 ? text : text.substring(0, space);
        String credentials = space < 0 ? "" : text.substring(space).trim();
        if (!scheme.equalsIgnoreCase(SCHEME) || !credentials.regionMatches(true, 0, "x=", 0, 2)) {
            throw unauthorized("The Authorization header must use the scheme 'XBL3.0 x=<userhash>;<token>'.");
        }
        String value = credentials.substring(2);
        int semicolon = value.indexOf(';');
        String userHash = semicolon < 0 ? value : value.substring(0, semicolon);
        String token = semicolon < 0 ? "" : value.substring(semicolon + 1);
        Optional<EmulatorTokens.Decoded> decoded = token.isEmpty() ? Optional.empty() : tokens.decode(token);
        if (mode == AuthMode.STRICT) {
            if (userHash.isEmpty() || token.isEmpty()) {
                throw unauthorized("The Authorization header needs a non-empty user hash and token (strict mode).");
            }
            EmulatorTokens.Decoded d = decoded.orElseThrow(() ->
                    unauthorized("The token is not an emulator token; strict mode accepts only tokens minted by POST /_emulator/tokens."));
            if (!d.signatureValid()) {
                throw unauthorized("The token's signature does not match this emulator's secret (strict mode).");
            }
            JsonNode exp = d.claims().path("exp");
            if (!exp.isNumber() || exp.asLong() <= clock.instant().getEpochSecond()) {
                throw unauthorized("The token has expired or carries no 'exp' claim (strict mode).");
            }
            return toIdentity(d.claims(), userHash).orElseThrow(() ->
                    unauthorized("The token's 'xid' claim is not a valid xuid."));
        }
        return decoded.flatMap(d -> toIdentity(d.claims(), userHash)).orElse(Identity.ANONYMOUS);
    }

    private static Optional<Identity> toIdentity(JsonNode claims, String headerUserHash) {
        Xuid xuid;
        try {
            xuid = Identifiers.xuid(claims.path("xid").asString(""), "xid");
        } catch (XblException e) {
            return Optional.empty();
        }
        String uhs = claims.hasNonNull("uhs") ? claims.path("uhs").asString() : headerUserHash;
        return Optional.of(new Identity(xuid, uhs, text(claims, "gtg"), text(claims, "tid"), text(claims, "sbx"),
                claims.path("dev").asBoolean(false), true));
    }

    private static String text(JsonNode claims, String name) {
        return claims.hasNonNull(name) ? claims.path(name).asString() : null;
    }

    private static int indexOfWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static XblException unauthorized(String detail) {
        return new XblException(ErrorCode.UNAUTHORIZED, 401, detail, Map.of(HttpHeaders.WWW_AUTHENTICATE, SCHEME));
    }
}
