package dev.xblmock.tls;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code xblmock.proxy.*}: the HTTP proxy endpoint that lets unmodified clients reach the emulator under the
 * Xbox host names.
 *
 * @param enabled        open the proxy port
 * @param port           its port; {@code 0} picks a free one
 * @param idleTimeout    a connection with no traffic for this long is closed (a request head, or a TLS
 *                       handshake, must also complete within it)
 * @param maxConnections connections served at once; one more is answered 503 {@code ProxyBusy} and closed
 * @param maxHeaderBytes largest proxy request head (request line and headers)
 */
@ConfigurationProperties("xblmock.proxy")
@Validated
public record ProxyProperties(
        @DefaultValue("false") boolean enabled,
        @Min(0) @Max(65535) @DefaultValue("8888") int port,
        @NotNull @DurationMin(millis = 1, message = "must be positive") @DefaultValue("60s") Duration idleTimeout,
        @Min(1) @DefaultValue("64") int maxConnections,
        @Min(256) @DefaultValue("8192") int maxHeaderBytes) {
}
