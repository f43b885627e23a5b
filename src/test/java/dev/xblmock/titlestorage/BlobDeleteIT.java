package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** SPEC 3.5: DELETE answers 200 with an empty body whether or not the blob existed. */
class BlobDeleteIT extends TitleStorageApi {

    private final String url = session("Lobby~1") + "/data/state/now.json,json";

    private static void assertEmpty200(Response response) {
        response.then().statusCode(200).header("Content-Length", "0").header("Content-Type", nullValue());
        assertThat(response.asByteArray()).isEmpty();
    }

    @Test
    void deletingAnExistingBlobRemovesItFromDownloadsListingsAndQuota() {
        upload(url, utf8("{\"turn\":4}"));
        String kept = upload(session("Lobby~1") + "/data/state/keep.json,json", utf8("{}"));

        assertEmpty200(delete(url));

        assertProblem(get(url), 404, "BlobNotFound");
        assertThat(listing(session("Lobby~1") + "/data/state")).isEqualTo(page(1, null, entry("state/keep.json,json", kept, 2)));
        assertThat(get(session("Lobby~1")).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":2,\"quotaBytes\":67108864}}");
    }

    @Test
    void deletingAMissingBlobIsStill200() {
        assertEmpty200(delete(url));
        assertEmpty200(delete(url));
        upload(url, utf8("{}"));
        assertEmpty200(delete(url));
        assertEmpty200(delete(url));
    }

    @Test
    void deletingTheBinaryBlobLeavesTheJsonBlobOfTheSamePath() {
        String binary = session("Lobby~1") + "/data/state/now.json,binary";
        upload(binary, randomBytes(9, 301));
        String json = upload(url, utf8("{}"));
        assertEmpty200(delete(binary));
        get(url).then().statusCode(200).header("ETag", json);
    }
}
