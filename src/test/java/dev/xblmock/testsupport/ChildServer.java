package dev.xblmock.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An xblmock server in a child JVM, on a port of its choosing (read from its log). {@link #kill} sends
 * SIGKILL: the process gets no chance to flush or clean up, like a crash.
 */
public final class ChildServer implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("xblmock .*ready in .*: http://[^:]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final Path log;
    private final int port;

    private ChildServer(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the packaged application and waits until it listens. */
    public static ChildServer start(List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException, InterruptedException {
        return launch(ChildApplication.get().command(jvmOptions, concat(List.of("--server.port=0"), arguments)), log);
    }

    /**
     * Like {@link #start}, with the process's open-file limit (soft and hard, so the JVM cannot raise it) set to
     * {@code limit} by the shell's {@code ulimit -n}.
     */
    public static ChildServer startWithDescriptorLimit(int limit, List<String> jvmOptions, List<String> arguments,
                                                       Path log) throws IOException, InterruptedException {
        List<String> command = ChildApplication.get().command(jvmOptions, concat(List.of("--server.port=0"), arguments));
        return launch(concat(List.of("bash", "-c", "ulimit -n " + limit + " && exec \"$0\" \"$@\""), command), log);
    }

    private static ChildServer launch(List<String> command, Path log) throws IOException, InterruptedException {
        Files.deleteIfExists(log);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            Matcher started = STARTED.matcher(output);
            if (started.find()) {
                return new ChildServer(process, log, Integer.parseInt(started.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before listening:\n"
                        + output);
            }
            Thread.sleep(20);
        }
        process.destroyForcibly().waitFor();
        throw new IllegalStateException("the server did not start within " + START_TIMEOUT + "; see " + log);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, and wait until the process is gone (its files and lock are released then). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A normal stop (SIGTERM); killed if it takes too long. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill();
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
