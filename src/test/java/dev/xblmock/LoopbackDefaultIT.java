package dev.xblmock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xblmock.testsupport.ChildServer;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar} with no address configured listens on loopback only, on every listener, and its ready line
 * says so: nobody on the LAN can mint tokens or wipe data unless the server is exposed on purpose.
 */
class LoopbackDefaultIT {

    private static final Pattern LISTENERS = Pattern.compile(
            "ready in [^:]+: http://127\\.0\\.0\\.1:(\\d+), https://127\\.0\\.0\\.1:(\\d+), proxy 127\\.0\\.0\\.1:(\\d+);");

    @Test
    void everyListenerIsBoundToLoopbackOnly() throws Exception {
        Path home = Files.createDirectories(Path.of("target", "loopback-default-it"));
        Optional<InetAddress> lan = nonLoopbackAddress();
        try (ChildServer server = ChildServer.start(List.of(), List.of("--xblmock.tls.enabled=true",
                "--xblmock.tls.port=0", "--xblmock.proxy.enabled=true", "--xblmock.proxy.port=0",
                "--xblmock.tls.dir=" + home.resolve("tls").toAbsolutePath()), home.resolve("server.log"))) {
            Matcher ready = LISTENERS.matcher(Files.readString(server.log()));
            assertThat(ready.find()).as("ready line of %s", Files.readString(server.log())).isTrue();
            for (int group = 1; group <= 3; group++) {
                int port = Integer.parseInt(ready.group(group));
                assertThat(connects(InetAddress.getLoopbackAddress(), port)).isTrue();
                if (lan.isPresent()) {
                    InetAddress address = lan.get();
                    assertThatThrownBy(() -> connect(address, port)).as("%s:%d", address, port)
                            .isInstanceOf(IOException.class);
                }
            }
        }
        assumeTrue(lan.isPresent(), "this machine has no non-loopback IPv4 address to try the listeners on");
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(UpCheck::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
    }

    private static boolean connects(InetAddress address, int port) throws IOException {
        connect(address, port);
        return true;
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
        }
    }

    private static final class UpCheck {
        static boolean isUp(NetworkInterface nic) {
            try {
                return nic.isUp();
            } catch (SocketException e) {
                return false;
            }
        }
    }
}
