package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** SPEC 3.1: the six roots, their type rules, blob identity by path and type, isolated namespaces. */
class StorageRootsIT extends TitleStorageApi {

    static Stream<Arguments> allowedRootsAndTypes() {
        return Stream.of(
                Arguments.of(global(), "binary"), Arguments.of(global(), "json"), Arguments.of(global(), "config"),
                Arguments.of(user("trustedplatform", "1"), "binary"), Arguments.of(user("trustedplatform", "1"), "json"),
                Arguments.of(user("universalplatform", "1"), "binary"), Arguments.of(user("universalplatform", "1"), "json"),
                Arguments.of(user("untrustedplatform", "1"), "binary"), Arguments.of(user("untrustedplatform", "1"), "json"),
                Arguments.of(user("json", "1"), "json"),
                Arguments.of(session("Template~Session.1"), "binary"), Arguments.of(session("Template~Session.1"), "json"));
    }

    @ParameterizedTest(name = "{0} ,{1}")
    @MethodSource("allowedRootsAndTypes")
    void everyRootStoresItsAllowedTypes(String root, String type) {
        byte[] body = type.equals("binary") ? randomBytes(777, 7) : utf8("{\"level\": 3, \"name\": \"x\"}\n");
        String url = root + "/data/saves/slot1.dat," + type;

        Response put = put(url, body);
        put.then().statusCode(201).contentType(JSON);
        assertThat(put.asString()).isEqualTo("{}");
        String etag = etagOf(put);

        Response get = get(url);
        get.then().statusCode(200)
                .header("ETag", etag)
                .header("Content-Length", String.valueOf(body.length))
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", type.equals("binary") ? OCTETS : JSON);
        assertThat(get.asByteArray()).isEqualTo(body);

        assertThat(listing(root + "/data")).isEqualTo(page(1, null, entry("saves/slot1.dat," + type, etag, body.length)));
        assertThat(get(root).asString())
                .isEqualTo("{\"quotaInfo\":{\"usedBytes\":" + body.length + ",\"quotaBytes\":" + quotaOf(root) + "}}");
    }

    private static long quotaOf(String root) {
        return root.startsWith("/untrustedplatform") || root.startsWith("/json") || root.startsWith("/sessions")
                ? 67_108_864L : 268_435_456L;
    }

    @ParameterizedTest(name = "{0} ,{1}")
    @CsvSource({
            "/json/users/xuid(1)/scids/MockScid, binary, json",
            "/json/users/xuid(1)/scids/MockScid, config, json",
            "/trustedplatform/users/xuid(1)/scids/MockScid, config, 'binary, json'",
            "/universalplatform/users/xuid(1)/scids/MockScid, config, 'binary, json'",
            "/untrustedplatform/users/xuid(1)/scids/MockScid, config, 'binary, json'",
            "/sessions/s1/scids/MockScid, config, 'binary, json'"})
    void aTypeTheRootDoesNotAllowIsRefusedOnEveryMethod(String root, String type, String allowed) {
        String url = root + "/data/a.dat," + type;
        byte[] body = utf8("{}");
        assertProblem(put(url, body), 400, "TypeNotAllowed", "'" + type + "'", "allowed: " + allowed);
        assertProblem(get(url), 400, "TypeNotAllowed", "'" + type + "'");
        assertProblem(delete(url), 400, "TypeNotAllowed", "'" + type + "'");
        assertThat(listing(root + "/data")).isEqualTo(EMPTY_LISTING);
    }

    @Test
    void aBlobIsIdentifiedByItsPathAndItsType() {
        String binaryUrl = global() + "/data/a.bin,binary";
        String jsonUrl = global() + "/data/a.bin,json";
        byte[] binary = randomBytes(10, 1);
        byte[] json = utf8("{\"a\":1}");
        String binaryEtag = upload(binaryUrl, binary);
        String jsonEtag = upload(jsonUrl, json);

        assertThat(get(binaryUrl).asByteArray()).isEqualTo(binary);
        assertThat(get(jsonUrl).asByteArray()).isEqualTo(json);
        assertThat(listing(global() + "/data")).isEqualTo(page(2, null,
                entry("a.bin,binary", binaryEtag, 10), entry("a.bin,json", jsonEtag, 7)));

        delete(binaryUrl).then().statusCode(200);
        get(binaryUrl).then().statusCode(404);
        get(jsonUrl).then().statusCode(200).header("ETag", jsonEtag);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "/trustedplatform/users/xuid(1)/scids/MockScid, /trustedplatform/users/xuid(1)/scids/OtherScid",
            "/trustedplatform/users/xuid(1)/scids/MockScid, /trustedplatform/users/xuid(2)/scids/MockScid",
            "/trustedplatform/users/xuid(1)/scids/MockScid, /universalplatform/users/xuid(1)/scids/MockScid",
            "/trustedplatform/users/xuid(1)/scids/MockScid, /untrustedplatform/users/xuid(1)/scids/MockScid",
            "/untrustedplatform/users/xuid(1)/scids/MockScid, /json/users/xuid(1)/scids/MockScid",
            "/sessions/session1/scids/MockScid, /sessions/session2/scids/MockScid",
            "/sessions/session1/scids/MockScid, /sessions/session1/scids/mockscid",
            "/global/scids/MockScid, /global/scids/OtherScid"})
    void namespacesAreIsolated(String mine, String other) {
        upload(mine + "/data/shared/blob.json,json", utf8("{\"owner\":\"me\"}"));

        assertProblem(get(other + "/data/shared/blob.json,json"), 404, "BlobNotFound", "shared/blob.json,json");
        assertThat(listing(other + "/data")).isEqualTo(EMPTY_LISTING);
        assertThat(get(other).jsonPath().getLong("quotaInfo.usedBytes")).isZero();
        // deleting in the other namespace leaves mine alone
        delete(other + "/data/shared/blob.json,json").then().statusCode(200);
        get(mine + "/data/shared/blob.json,json").then().statusCode(200);
    }

    @Test
    void xuidsWithLeadingZerosNameTheSameOwner() {
        byte[] body = randomBytes(64, 2);
        String etag = upload(user("universalplatform", "0001") + "/data/a.bin,binary", body);

        Response get = get(user("universalplatform", "1") + "/data/a.bin,binary");
        get.then().statusCode(200).header("ETag", etag);
        assertThat(get.asByteArray()).isEqualTo(body);
        assertThat(listing(user("universalplatform", "000000000000000001") + "/data"))
                .isEqualTo(page(1, null, entry("a.bin,binary", etag, 64)));
        assertThat(get(user("universalplatform", "1")).jsonPath().getLong("quotaInfo.usedBytes")).isEqualTo(64);
    }

    @Test
    void theLargestXuidIsValid() {
        String root = user("trustedplatform", "18446744073709551615");
        String etag = upload(root + "/data/max.bin,binary", randomBytes(3, 3));
        assertThat(listing(root + "/data")).isEqualTo(page(1, null, entry("max.bin,binary", etag, 3)));
    }

    @Test
    void routingAfterTheRootDistinguishesQuotaListingsAndBlobs() {
        String etag = upload(global() + "/data/dir/a.bin,binary", randomBytes(5, 4));
        String expected = page(1, null, entry("dir/a.bin,binary", etag, 5));
        assertThat(listing(global() + "/data")).isEqualTo(expected);
        assertThat(listing(global() + "/data/")).isEqualTo(expected);
        assertThat(listing(global() + "/data/dir")).isEqualTo(expected);
        assertThat(get(global()).asString()).isEqualTo("{\"quotaInfo\":{\"usedBytes\":5,\"quotaBytes\":268435456}}");
    }
}
