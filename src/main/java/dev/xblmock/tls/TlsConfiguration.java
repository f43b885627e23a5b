package dev.xblmock.tls;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wires the HTTPS listener and the proxy. Nothing is generated or opened unless one of them is enabled: the
 * certificate material is made only then. The cluster backend provides a {@link CertificateAuthorityStore}, so
 * that every instance issues its certificate from one CA.
 */
@Configuration(proxyBeanMethods = false)
public class TlsConfiguration {

    @Bean
    @Conditional(TlsOrProxyEnabled.class)
    ServerIdentity serverIdentity(TlsProperties tls, Environment environment, Clock clock,
                                  ObjectProvider<CertificateAuthorityStore> sharedAuthority) {
        return ServerIdentities.load(tls, TlsDirectory.resolve(tls, environment), clock, sharedAuthority.getIfAvailable());
    }

    @Bean
    @ConditionalOnBooleanProperty("xblmock.tls.enabled")
    HttpsListener httpsListener(ServerIdentity identity, TlsProperties tls) {
        return new HttpsListener(identity, tls.port());
    }

    @Bean
    @ConditionalOnBooleanProperty("xblmock.proxy.enabled")
    ProxyServer proxyServer(ServerIdentity identity, ProxyProperties proxy, Environment environment) {
        return new ProxyServer(identity, proxy, environment.getProperty("server.address"));
    }

    static final class TlsOrProxyEnabled extends AnyNestedCondition {

        TlsOrProxyEnabled() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBooleanProperty("xblmock.tls.enabled")
        static final class Tls {
        }

        @ConditionalOnBooleanProperty("xblmock.proxy.enabled")
        static final class Proxy {
        }
    }
}
