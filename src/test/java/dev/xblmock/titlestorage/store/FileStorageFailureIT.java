package dev.xblmock.titlestorage.store;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.xblmock.testsupport.ApiIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A storage directory that fails under the server: 500 StorageUnavailable, and nothing half-written. */
class FileStorageFailureIT extends ApiIT {

    private static final Path DIR = Path.of("target", "failure-it", Long.toString(ProcessHandle.current().pid()))
            .toAbsolutePath();
    private static final String ROOT = "/global/scids/00000000-0000-0000-0000-00000000fa11";
    private static final String BLOB = ROOT + "/data/saves/slot,binary";

    @DynamicPropertySource
    static void filesystemBackend(DynamicPropertyRegistry registry) {
        registry.add("xblmock.storage.backend", () -> "filesystem");
        registry.add("xblmock.storage.dir", DIR::toString);
    }

    private Path broken;
    private Path aside;

    @AfterEach
    void repair() throws IOException {
        if (broken != null) {
            Files.delete(broken);
            Files.move(aside, broken);
            broken = null;
        }
    }

    /** Puts a plain file where the server expects {@code area}. */
    private void breakArea(String area) throws IOException {
        broken = DIR.resolve(area);
        aside = DIR.resolve(area + "-aside");
        Files.move(broken, aside);
        Files.writeString(broken, "not a directory");
    }

    @Test
    void anUnusableStagingDirectoryFailsTheUploadWithStorageUnavailable() throws IOException {
        breakArea("staging");

        anonymous().contentType("application/octet-stream").body(new byte[] {1, 2, 3}).put(BLOB)
                .then().statusCode(500).contentType("application/problem+json")
                .body("code", equalTo("StorageUnavailable"))
                .body("detail", equalTo("The storage directory failed: could not create a staging file; "
                        + "the server log has the cause."));
        anonymous().get(BLOB).then().statusCode(404);
    }

    @Test
    void aCommitThatCannotReachTheBlobDirectoryKeepsThePreviousVersion() throws IOException {
        String etag = anonymous().contentType("application/octet-stream").body("old".getBytes()).put(BLOB)
                .then().statusCode(201).extract().header("ETag");
        breakArea("blobs");

        anonymous().contentType("application/octet-stream").body("new version".getBytes()).put(BLOB)
                .then().statusCode(500).contentType("application/problem+json")
                .body("code", equalTo("StorageUnavailable"))
                .body("detail", allOf(startsWith("The storage directory failed: could not "),
                        not(containsString("/")), not(containsString("Exception")), not(containsString("java."))));
        repair();

        anonymous().get(BLOB).then().statusCode(200).header("ETag", etag).body(equalTo("old"));
        anonymous().get(ROOT + "/data").then().statusCode(200)
                .body("blobs.size()", equalTo(1)).body("blobs[0].etag", equalTo(etag)).body("blobs[0].size", equalTo(3));
        anonymous().get(ROOT).then().statusCode(200).body("quotaInfo.usedBytes", equalTo(3));
    }
}
