package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 3.7: the quota of each root kind and the committed bytes of one namespace. */
class QuotaIT extends TitleStorageApi {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "/global/scids/MockScid, 268435456",
            "/trustedplatform/users/xuid(1)/scids/MockScid, 268435456",
            "/universalplatform/users/xuid(1)/scids/MockScid, 268435456",
            "/untrustedplatform/users/xuid(1)/scids/MockScid, 67108864",
            "/json/users/xuid(1)/scids/MockScid, 67108864",
            "/sessions/s~1/scids/MockScid, 67108864"})
    void eachRootKindHasItsDefaultQuota(String root, long quotaBytes) {
        Response response = get(root);
        response.then().statusCode(200).header("Content-Type", JSON);
        assertThat(response.asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":0,\"quotaBytes\":" + quotaBytes + "}}");
    }

    @Test
    void usedBytesIsTheSumOfTheNamespacesCommittedBlobs() {
        String root = user("untrustedplatform", "5");
        upload(root + "/data/a.bin,binary", randomBytes(100, 1));
        upload(root + "/data/dir/b.bin,binary", randomBytes(50, 2));
        upload(root + "/data/a.bin,json", utf8("{\"x\":12}"));
        upload(user("untrustedplatform", "6") + "/data/a.bin,binary", randomBytes(1_000, 3));
        upload("/untrustedplatform/users/xuid(5)/scids/Other/data/a.bin,binary", randomBytes(1_000, 4));
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":158,\"quotaBytes\":67108864}}");

        upload(root + "/data/a.bin,binary", randomBytes(10, 5));
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":68,\"quotaBytes\":67108864}}");

        delete(root + "/data/dir/b.bin,binary").then().statusCode(200);
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":18,\"quotaBytes\":67108864}}");
    }

    @Test
    void aRefusedUploadCountsNothing() {
        String root = user("json", "5");
        upload(root + "/data/a.json,json", utf8("{}"));
        assertProblem(put(root + "/data/b.json,json", utf8("{oops")), 400, "InvalidJson");
        assertProblem(put(raw().header("If-Match", "0x000000000000001"), root + "/data/a.json,json", utf8("{\"a\":1}")),
                412, "PreconditionFailed");
        assertThat(get(root).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":2,\"quotaBytes\":67108864}}");
    }
}
