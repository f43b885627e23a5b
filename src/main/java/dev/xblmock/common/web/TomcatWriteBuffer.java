package dev.xblmock.common.web;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat writes a response body larger than its socket write buffer in slices of that buffer's size, one
 * system call each; its default of 8 KiB made a 1 MiB download 128 writes. 64 KiB took 1 MiB downloads from
 * 567 to 2,080 MiB/s on one core (docs/benchmarks.md; 256 KiB was no faster). The buffer is per connection
 * (pooled with it), so 56 KiB more heap per open connection.
 */
@Component
public class TomcatWriteBuffer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    static final int BYTES = 64 * 1024;

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setProperty("socket.appWriteBufSize",
                Integer.toString(BYTES)));
    }
}
