package dev.xblmock.common.identity;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.auth.*}: the authentication mode and the HMAC secret of emulator tokens (random per
 * process when unset or empty, so tokens minted by one process never validate in another by accident).
 */
@ConfigurationProperties("xblmock.auth")
@Validated
public record AuthProperties(@NotNull @DefaultValue("loose") AuthMode mode, String secret) {
}
