package dev.xblmock.emulator.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** A startup seed's {@code file} may not leave the manifest's directory through a symbolic link. */
class SeedFileLinksTest {

    @TempDir
    Path root;
    private Path seedDir;

    @BeforeEach
    void layout() throws IOException {
        seedDir = Files.createDirectory(root.resolve("seed"));
        Path outside = Files.createDirectory(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "not for the emulator");
        Files.createDirectory(seedDir.resolve("blobs"));
        Files.writeString(seedDir.resolve("blobs/inside.txt"), "fine");
        Files.createSymbolicLink(seedDir.resolve("file-link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(seedDir.resolve("dir-link"), outside);
        Files.createSymbolicLink(seedDir.resolve("inner-link.txt"), seedDir.resolve("blobs/inside.txt"));
    }

    private SeedManifest parse(String file) {
        return SeedManifestParser.parse(JsonMapper.builder().build().readTree("{\"blobs\":[{\"storage\":\"global\","
                + "\"scid\":\"S\",\"path\":\"a.txt\",\"type\":\"binary\",\"file\":\"" + file + "\"}]}"), seedDir);
    }

    private XblException refused(String file) {
        return catchThrowableOfType(XblException.class, () -> parse(file));
    }

    @Test
    void aLinkToAFileOutsideIsRefusedNamingTheEntry() {
        XblException e = refused("file-link.txt");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SEED);
        assertThat(e.detail()).isEqualTo("Member 'blobs[0].file' 'file-link.txt' leads outside the manifest's "
                + "directory through a symbolic link.");
    }

    @Test
    void aLinkedDirectoryOutsideIsRefusedNamingTheEntry() {
        assertThat(refused("dir-link/secret.txt").detail()).isEqualTo("Member 'blobs[0].file' 'dir-link/secret.txt' "
                + "leads outside the manifest's directory through a symbolic link.");
    }

    @Test
    void aLinkThatStaysInsideIsReadFromItsRealPath() throws IOException {
        SeedManifest.FileContent content = (SeedManifest.FileContent) parse("inner-link.txt").blobs().get(0).content();

        assertThat(content.path()).isEqualTo(seedDir.resolve("blobs/inside.txt").toRealPath());
        assertThat(content.given()).isEqualTo("inner-link.txt");
    }

    @Test
    void aManifestDirectoryReachedThroughALinkStillServesItsOwnFiles() throws IOException {
        Path linkedSeed = Files.createSymbolicLink(root.resolve("seed-link"), seedDir);

        SeedManifest manifest = SeedManifestParser.parse(JsonMapper.builder().build().readTree("{\"blobs\":[{"
                + "\"storage\":\"global\",\"scid\":\"S\",\"path\":\"a.txt\",\"type\":\"binary\","
                + "\"file\":\"blobs/inside.txt\"}]}"), linkedSeed);

        assertThat(((SeedManifest.FileContent) manifest.blobs().get(0).content()).path())
                .isEqualTo(seedDir.resolve("blobs/inside.txt").toRealPath());
    }
}
