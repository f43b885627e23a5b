package dev.xblmock.tls;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record ProxyProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("8888") int port,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("64") int maxConnections,
        @DefaultValue("8192") int maxHeaderBytes) {

    public ProxyProperties {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("xblmock.proxy.idle-timeout must be positive, was " + idleTimeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("xblmock.proxy.max-connections must be at least 1, was " + maxConnections);
        }
        if (maxHeaderBytes < 256) {
            throw new IllegalArgumentException("xblmock.proxy.max-header-bytes must be at least 256, was " + maxHeaderBytes);
        }
    }
}
