import dev.xblmock.fixture.XblMock;

/**
 * In-process start times of xblmock in a fresh JVM, one line per measurement (bench/startup.sh): the first
 * server, a second configuration, and a test class taking over the first configuration's shared server.
 */
public final class XblMockStartup {

    public static void main(String[] args) {
        int leases = Integer.parseInt(args[0]);
        long t = System.nanoTime();
        XblMock first = XblMock.builder().startShared();
        report("first", t);
        first.close();

        t = System.nanoTime();
        XblMock other = XblMock.builder().property("xblmock.auth.mode", "strict").startShared();
        report("new-configuration", t);
        other.close();

        for (int i = 0; i < leases; i++) {
            t = System.nanoTime(); // what the second and later test classes of a configuration pay
            XblMock again = XblMock.builder().startShared();
            report("shared", t);
            again.close();
        }
        System.exit(0);
    }

    static void report(String what, long startNanos) {
        System.out.printf("%s %.1f%n", what, (System.nanoTime() - startNanos) / 1e6);
    }
}
