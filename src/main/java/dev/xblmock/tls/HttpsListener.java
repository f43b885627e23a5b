package dev.xblmock.tls;

import java.util.Map;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.ProtocolHandler;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.util.LambdaSafe;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * The optional HTTPS listener: a second Tomcat connector serving the same application with the
 * {@link ServerIdentity}. The plain HTTP listener stays as it is.
 */
public class HttpsListener implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final ServerIdentity identity;
    private final int configuredPort;
    private Connector connector;

    HttpsListener(ServerIdentity identity, int configuredPort) {
        this.identity = identity;
        this.configuredPort = configuredPort;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Connector https = new Connector(factory.getProtocol());
        https.setPort(configuredPort);
        if (factory.getAddress() != null) {
            // the main connector's server.address; without it this listener would take every interface
            https.setProperty("address", factory.getAddress().getHostAddress());
        }
        https.setThrowOnFailure(true);
        if (factory.getUriEncoding() != null) {
            https.setURIEncoding(factory.getUriEncoding().name());
        }
        new SslConnectorCustomizer(LogFactory.getLog(HttpsListener.class), https, Ssl.ClientAuth.NONE)
                .customize(identity.bundle(), Map.of());
        // Every customizer of the main connector (limits, relaxed characters, hardening) applies here too. They
        // run when the connector initialises, after all customizers have registered theirs with the factory.
        https.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_INIT_EVENT.equals(event.getType())) {
                applyMainConnectorCustomizers(factory, https);
            }
        });
        factory.addAdditionalConnectors(https);
        this.connector = https;
    }

    @SuppressWarnings("unchecked")
    private static void applyMainConnectorCustomizers(TomcatServletWebServerFactory factory, Connector https) {
        for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
            customizer.customize(https);
        }
        ProtocolHandler handler = https.getProtocolHandler();
        LambdaSafe.callbacks(TomcatProtocolHandlerCustomizer.class, factory.getProtocolHandlerCustomizers(), handler)
                .invoke(customizer -> customizer.customize(handler));
    }

    /** The port the listener is bound to (the chosen one when configured as 0); -1 before it starts. */
    public int port() {
        return connector == null ? -1 : connector.getLocalPort();
    }
}
