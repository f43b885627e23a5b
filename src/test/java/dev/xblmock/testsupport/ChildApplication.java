package dev.xblmock.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

/**
 * The packaged application, ready to be started as child processes by tests that must kill or starve a real
 * server (crash and memory tests). It is extracted once per test JVM ({@code -Djarmode=tools extract}) and
 * a class-data-sharing archive is recorded by one training start, which cuts every later start by about a
 * third — these tests start the server dozens of times.
 */
public final class ChildApplication {

    /** Set by the failsafe configuration; otherwise the jar is looked up in target/. */
    public static final String JAR_PROPERTY = "xblmock-it.app-jar";

    private static ChildApplication prepared;

    private final Path jar;
    private final Path archive;

    private ChildApplication(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
    }

    public static synchronized ChildApplication get() throws IOException, InterruptedException {
        if (prepared == null) {
            prepared = prepare();
        }
        return prepared;
    }

    private static ChildApplication prepare() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Path packaged = packagedJar();
        Path home = Path.of("target", "child-app").toAbsolutePath();
        deleteRecursively(home);
        Files.createDirectories(home);
        Path log = home.resolve("prepare.log");
        run(List.of(javaExecutable(), "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--destination",
                home.resolve("app").toString()), log);
        Path jar = home.resolve("app").resolve(packaged.getFileName());
        Path archive = home.resolve("app.jsa");
        Path trainingDir = home.resolve("training-storage");
        // start once with the filesystem backend and exit when the context is up: what loads is what is archived
        run(List.of(javaExecutable(), "-XX:ArchiveClassesAtExit=" + archive, "-XX:TieredStopAtLevel=1",
                "-Dspring.context.exit=onRefresh", "-jar", jar.toString(), "--server.port=0",
                "--xblmock.storage.backend=filesystem", "--xblmock.storage.dir=" + trainingDir), log);
        LoggerFactory.getLogger(ChildApplication.class).info("extracted {} and recorded its class-data archive in {} ms",
                packaged.getFileName(), (System.nanoTime() - started) / 1_000_000);
        return new ChildApplication(jar, Files.exists(archive) ? archive : null);
    }

    /** The command starting the server with {@code jvmOptions} and application {@code arguments}. */
    public List<String> command(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }

    private static Path packagedJar() throws IOException {
        String configured = System.getProperty(JAR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("xblmock-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no packaged xblmock jar in target/: run these tests with mvn verify"))
                    .toAbsolutePath();
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command + " (see " + log + ")");
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command + " (see " + log + ")");
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
