import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/** In-process start times of WireMock in a fresh JVM, in XblMockStartup's format: the first server, then others. */
public final class WireMockStartup {

    public static void main(String[] args) {
        int further = Integer.parseInt(args[0]);
        long t = System.nanoTime();
        WireMockServer first = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        first.start();
        XblMockStartup.report("first", t);
        first.stop();
        for (int i = 0; i < further; i++) {
            t = System.nanoTime();
            WireMockServer next = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            next.start();
            XblMockStartup.report("new-server", t);
            next.stop();
        }
        System.exit(0);
    }
}
