package dev.xblmock.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code xblmock.auth.*}: the authentication mode and the HMAC secret of emulator tokens (random per
 * process when unset, so tokens minted by one process never validate in another by accident).
 */
@ConfigurationProperties("xblmock.auth")
public record AuthProperties(@DefaultValue("loose") AuthMode mode, String secret) {
}
