package dev.xblmock.titlestorage;

import static dev.xblmock.titlestorage.BatchDownloadIT.found;
import static dev.xblmock.titlestorage.BatchDownloadIT.parse;
import static dev.xblmock.titlestorage.BatchDownloadIT.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.MultipartBody;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.store.BlobMetadata;
import dev.xblmock.titlestorage.store.BlobStore;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/** SPEC 1.2 and 3.9: with {@code read-access.trustedplatform=owner}, other users' parts are 403. */
@TestPropertySource(properties = "xblmock.storage.read-access.trustedplatform=owner")
class BatchDownloadReadAccessIT extends ApiIT {

    private static final String SCID = BatchDownloadIT.SCID;

    @Autowired
    private BlobStore store;

    @Test
    void aSignedInCallerGetsOnlyItsOwnPartsMissingOnesAsForbiddenToo() {
        BlobMetadata own = put(StorageRoot.TRUSTED_PLATFORM, "123", "asdf123");
        put(StorageRoot.TRUSTED_PLATFORM, "456", "asdf456");

        Response response = asUser("123").body("{\"xuids\":[456,\"0123\",789,123]}")
                .post("/trustedplatform/users/batch/scids/" + SCID + "/data/save.bin,binary");

        List<MultipartBody.Part> parts = parse(response).parts();
        // 789 has no blob, yet is 403: a forbidden reader learns nothing about what exists
        assertThat(parts).extracting(MultipartBody.Part::headers).containsExactly(
                status("456", 403),
                found("123", own, "application/octet-stream", 7),
                status("789", 403),
                found("123", own, "application/octet-stream", 7));
        assertThat(parts).extracting(MultipartBody.Part::bodyText).containsExactly("", "asdf123", "", "asdf123");
    }

    @Test
    void otherRootsKeepTheirOwnReadAccess() {
        BlobMetadata other = put(StorageRoot.UNIVERSAL_PLATFORM, "456", "asdf456");

        Response response = asUser("123").body("{\"xuids\":[456,789]}")
                .post("/universalplatform/users/batch/scids/" + SCID + "/data/save.bin,binary");

        assertThat(parse(response).parts()).extracting(MultipartBody.Part::headers).containsExactly(
                found("456", other, "application/octet-stream", 7), status("789", 404));
    }

    @Test
    void anAnonymousCallerInLooseModeIsNotOwnershipChecked() {
        BlobMetadata stored = put(StorageRoot.TRUSTED_PLATFORM, "456", "asdf456");

        Response response = anonymous().body("{\"xuids\":[456,789]}")
                .post("/trustedplatform/users/batch/scids/" + SCID + "/data/save.bin,binary");

        assertThat(parse(response).parts()).extracting(MultipartBody.Part::headers).containsExactly(
                found("456", stored, "application/octet-stream", 7), status("789", 404));
    }

    private io.restassured.specification.RequestSpecification asUser(String xuid) {
        return bare().header("Authorization", authorization("uhs" + xuid, Map.of("xid", xuid, "uhs", "uhs" + xuid)));
    }

    private BlobMetadata put(StorageRoot root, String owner, String text) {
        return BatchDownloadIT.put(store, new BlobKey(new Namespace(root, owner, SCID), "save.bin", BlobType.BINARY),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
