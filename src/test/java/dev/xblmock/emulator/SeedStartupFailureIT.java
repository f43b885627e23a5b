package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.xblmock.XblMockApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An invalid startup seed stops the process with a non-zero exit and a one-line reason, not a stack trace. */
class SeedStartupFailureIT {

    private record Outcome(int exitCode, String output) {
    }

    /** Starts the application in a child JVM with the test classpath and waits for it to give up. */
    private static Outcome start(Path seed, Path workDir) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = workDir.resolve("child.log");
        Process process = new ProcessBuilder(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), XblMockApplication.class.getName(),
                "--server.port=0", "--xblmock.seed=" + seed.toAbsolutePath()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the process exits by itself").isTrue();
            return new Outcome(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aBadEntryStopsTheProcessNamingTheEntry(@TempDir Path workDir) throws Exception {
        Outcome outcome = start(Path.of("src/test/resources/seed/bad"), workDir);
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output())
                .contains("APPLICATION FAILED TO START")
                .contains("Invalid seed " + Path.of("src/test/resources/seed/bad/seed.json").toAbsolutePath()
                        + ": Member 'blobs[1].path': The file name of pathAndFileName 'bad\\name.bin' contains '\\' "
                        + "at position 4; only letters, digits, '_', '.' and '-' are allowed.")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingBlobFileStopsTheProcessNamingTheEntry(@TempDir Path workDir) throws Exception {
        Path seedDir = Files.createDirectory(workDir.resolve("seed"));
        Files.writeString(seedDir.resolve("seed.yaml"), """
                blobs:
                  - { storage: global, scid: S, path: a.bin, type: binary, file: missing.bin }
                """);
        Outcome outcome = start(seedDir, workDir);
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output())
                .contains("Invalid seed " + seedDir.resolve("seed.yaml").toAbsolutePath()
                        + ": Member 'blobs[0].file' 'missing.bin' is not a readable file beside the manifest.")
                .doesNotContain("\tat ");
    }

    @Test
    void aBlobFileLinkedFromOutsideTheSeedDirectoryStopsTheProcessNamingTheEntry(@TempDir Path workDir)
            throws Exception {
        Path seedDir = Files.createDirectory(workDir.resolve("seed"));
        Files.writeString(workDir.resolve("secret.txt"), "outside the seed");
        Files.createSymbolicLink(seedDir.resolve("a.bin"), workDir.resolve("secret.txt"));
        Files.writeString(seedDir.resolve("seed.yaml"), """
                blobs:
                  - { storage: global, scid: S, path: a.bin, type: binary, file: a.bin }
                """);
        Outcome outcome = start(seedDir, workDir);
        assertThat(outcome.exitCode()).isNotZero();
        assertThat(outcome.output())
                .contains("Invalid seed " + seedDir.resolve("seed.yaml").toAbsolutePath()
                        + ": Member 'blobs[0].file' 'a.bin' leads outside the manifest's directory through a "
                        + "symbolic link.")
                .doesNotContain("\tat ");
    }
}
