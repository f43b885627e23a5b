package dev.xblmock.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

class TomcatWriteBufferTest {

    @Test
    void connectorsWriteBodiesInSixtyFourKibSlices() throws Exception {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
        new TomcatWriteBuffer().customize(factory);
        Connector connector = new Connector(factory.getProtocol());
        for (TomcatConnectorCustomizer customizer : factory.getConnectorCustomizers()) {
            customizer.customize(connector);
        }
        assertThat(connector.getProperty("socket.appWriteBufSize")).isEqualTo("65536");
    }
}
