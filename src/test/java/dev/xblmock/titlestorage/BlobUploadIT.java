package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import dev.xblmock.testsupport.RawHttp;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.4 and 7: whole uploads, their query parameters, the body limit, and ETag ordering. */
class BlobUploadIT extends TitleStorageApi {

    private static final int MAX_REQUEST_BYTES = 4_194_304;
    private static final HttpClient JDK_CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String url = global() + "/data/saves/slot.bin,binary";

    @Test
    void aWholeBinaryUploadIsStoredByteForByte() {
        byte[] body = randomBytes(100_000, 11);
        Response put = put(url, body);

        put.then().statusCode(201).header("Content-Type", JSON).header("Content-Disposition", nullValue());
        assertThat(put.asString()).isEqualTo("{}");
        String etag = etagOf(put);
        Response get = get(url);
        get.then().statusCode(200).header("ETag", etag).header("Content-Length", "100000");
        assertThat(get.asByteArray()).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "True", "TRUE"})
    void finalBlockTrueWithoutATokenIsAWholeUpload(String value) {
        byte[] body = randomBytes(2_000, 12);
        Response put = put(url + "?finalBlock=" + value, body);

        put.then().statusCode(201);
        assertThat(put.asString()).isEqualTo("{}");
        assertThat(get(url).asByteArray()).isEqualTo(body);
    }

    @ParameterizedTest
    @CsvSource({"/global/scids/MockScid/data/c.json, config", "/json/users/xuid(5)/scids/MockScid/data/j.json, json"})
    void jsonAndConfigWithFinalBlockTrueAreWholeUploads(String path, String type) {
        byte[] body = utf8("{\"a\":[1,2,3]}");
        put(path + "," + type + "?finalBlock=true", body).then().statusCode(201);
        assertThat(get(path + "," + type).asByteArray()).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {"?finalBlock=", "?finalBlock=yes", "?finalBlock=1", "?finalBlock", "?finalBlock=truee"})
    void finalBlockMustBeTrueOrFalse(String query) {
        assertProblem(put(url + query, randomBytes(2_000, 13)), 400, "InvalidParameter", "'finalBlock'", "true or false");
        get(url).then().statusCode(404);
    }

    @Test
    void anOverwriteServesTheNewBytesUnderAGreaterEtag() {
        String first = upload(url, randomBytes(500, 14));
        byte[] second = randomBytes(300, 15);
        String next = upload(url, second);

        assertThat(etagValue(next)).isGreaterThan(etagValue(first));
        Response get = get(url);
        get.then().header("ETag", next).header("Content-Length", "300");
        assertThat(get.asByteArray()).isEqualTo(second);
    }

    @Test
    void etagsStrictlyIncreaseAcrossWritesBlobsAndDeleteRecreate() {
        List<String> etags = new ArrayList<>();
        etags.add(upload(url, randomBytes(10, 1)));
        etags.add(upload(global() + "/data/other.bin,binary", randomBytes(10, 2)));
        etags.add(upload(url, randomBytes(10, 3)));
        delete(url).then().statusCode(200);
        etags.add(upload(url, randomBytes(10, 4)));
        etags.add(upload(user("json", "9") + "/data/x.json,json", utf8("{}")));
        etags.add(upload(url, randomBytes(10, 5)));

        for (int i = 1; i < etags.size(); i++) {
            assertThat(etagValue(etags.get(i))).as("ETag %d of %s", i, etags).isGreaterThan(etagValue(etags.get(i - 1)));
        }
    }

    @Test
    void aZeroLengthBinaryBlobIsValid() {
        String etag = upload(url, new byte[0]);
        Response get = get(url);
        get.then().statusCode(200).header("Content-Length", "0").header("ETag", etag);
        assertThat(get.asByteArray()).isEmpty();
        assertThat(listing(global() + "/data")).isEqualTo(page(1, null, entry("saves/slot.bin,binary", etag, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"a\":", "not json", "{'a':1}", "{\"a\":1} trailing"})
    void aJsonBodyThatIsNotJsonIsRefused(String body) {
        String jsonUrl = global() + "/data/doc.json,json";
        assertProblem(put(jsonUrl, utf8(body)), 400, "InvalidJson");
        assertProblem(get(jsonUrl), 404, "BlobNotFound");
    }

    @Test
    void aJsonDocumentIsStoredAsSent() {
        byte[] body = utf8("{ \"name\" : \"G\u00fcnther \\u00e9\",\n\t\"list\": [ 1.50, 2e3 ] }\r\n");
        String jsonUrl = user("json", "1") + "/data/doc.json,json";
        upload(jsonUrl, body);
        Response get = get(jsonUrl);
        get.then().header("Content-Type", JSON).header("Content-Length", String.valueOf(body.length));
        assertThat(get.asByteArray()).isEqualTo(body);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Thu, 01 Jan 1970 00:00:01 GMT | 1970-01-01T00:00:01.0000000Z",
            "Sun, 01 Jan 2012 01:02:03 GMT | 2012-01-01T01:02:03.0000000Z",
            "2012-01-01T03:02:03.5+02:00   | 2012-01-01T01:02:03.5000000Z",
            "2011-12-31T20:32:03-04:30     | 2012-01-01T01:02:03.0000000Z",
            "2012-01-01T01:02:03.1234567Z  | 2012-01-01T01:02:03.1234567Z",
            "2012-01-01T01:02:03Z          | 2012-01-01T01:02:03.0000000Z"})
    void clientFileTimeIsListedInUtcWithSevenFractionalDigits(String sent, String listed) {
        String etag = upload(url + "?clientFileTime=" + q(sent), randomBytes(4, 16));
        assertThat(listing(global() + "/data")).isEqualTo(page(1, null,
                "{\"fileName\":\"saves/slot.bin,binary\",\"etag\":\"" + etag + "\",\"size\":4,\"clientFileTime\":\""
                        + listed + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2012-01-01T01:02:03", "2012-01-01", "2012-13-01T00:00:00Z",
            "Thu, 32 Jan 1970 00:00:01 GMT", "1325379723", "2012-01-01 01:02:03Z"})
    void aClientFileTimeInAnotherFormatIsRefused(String sent) {
        assertProblem(put(url + "?clientFileTime=" + q(sent), randomBytes(4, 17)), 400, "InvalidParameter",
                "'clientFileTime'", "RFC 1123", "ISO 8601");
        get(url).then().statusCode(404);
    }

    @Test
    void displayNameIsListedAndAnEmptyOneMeansUnset() {
        String named = upload(url + "?displayName=" + q("Quest 1 \u00e9"), randomBytes(4, 18));
        String unnamed = upload(global() + "/data/saves/slot2.bin,binary?displayName=", randomBytes(5, 19));
        assertThat(listing(global() + "/data")).isEqualTo(page(2, null,
                "{\"fileName\":\"saves/slot.bin,binary\",\"etag\":\"" + named + "\",\"size\":4,\"displayName\":\"Quest 1 \u00e9\"}",
                entry("saves/slot2.bin,binary", unnamed, 5)));
    }

    @Test
    void aDisplayNameIsDataEscapedSeparatorsIncluded() {
        // what every URL encoder makes of "Maps/Arena\\?&=,%+"
        String etag = upload(url + "?displayName=Maps%2FArena%5C%3F%26%3D%2C%25%2B", randomBytes(4, 26));
        assertThat(listing(global() + "/data")).isEqualTo(page(1, null, "{\"fileName\":\"saves/slot.bin,binary\",\"etag\":\""
                + etag + "\",\"size\":4,\"displayName\":\"Maps/Arena\\\\?&=,%+\"}"));
    }

    @Test
    void invalidPercentEncodingInAKnownParameterIsRefusedInAnUnknownOneIgnored() {
        RawHttp.Response refused = RawHttp.send(port, "PUT", url + "?displayName=Maps%zz", "Authorization: " + PLACEHOLDER_AUTH);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("\"code\":\"InvalidParameter\"").contains(
                "Query parameter 'displayName' has an invalid percent-encoding '%zz' at position 5");
        get(url).then().statusCode(404);

        RawHttp.Response ignored = RawHttp.send(port, "PUT", url + "?junk=%zz&%zz=1&ctl=%00&x=%E9", "Authorization: " + PLACEHOLDER_AUTH);
        assertThat(ignored.status()).as(ignored.text()).isEqualTo(201);
        get(url).then().statusCode(200).header("Content-Length", "0");
    }

    @Test
    void displayNameCountsCodePointsUpTo128() {
        String emoji = "\uD83C\uDFAE".repeat(128); // 128 code points, 256 UTF-16 units
        String etag = upload(url + "?displayName=" + q(emoji), randomBytes(4, 20));
        assertThat(listing(global() + "/data")).contains("\"displayName\":\"" + emoji + "\"").contains(etag);

        assertProblem(put(url + "?displayName=" + "a".repeat(129), randomBytes(4, 21)), 400, "InvalidDisplayName",
                "displayName", "129", "128");
        get(url).then().header("ETag", etag);
    }

    @Test
    void theRequestContentTypeIsIgnored() throws Exception {
        byte[] form = utf8("a=b&c=d");
        HttpResponse<String> formPut = JDK_CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .header("Authorization", PLACEHOLDER_AUTH)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(formPut.statusCode()).isEqualTo(201);
        assertThat(get(url).asByteArray()).isEqualTo(form);

        byte[] binary = randomBytes(50, 22);
        raw().contentType("application/json").body(binary).put(url).then().statusCode(201);
        assertThat(get(url).asByteArray()).isEqualTo(binary);
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        byte[] body = randomBytes(20, 23);
        put(url + "?foo=bar&timeout=30&cache=%2Fbust&x=%5C&y=a%2Cb%3Dc", body).then().statusCode(201);
        Response get = get(url + "?foo=bar");
        get.then().statusCode(200);
        assertThat(get.asByteArray()).isEqualTo(body);
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() {
        byte[] body = randomBytes(MAX_REQUEST_BYTES, 24);
        upload(url, body);
        get(url).then().header("Content-Length", String.valueOf(MAX_REQUEST_BYTES));
        assertThat(get(url).asByteArray()).isEqualTo(body);
    }

    @Test
    void aBodyOverTheLimitWithContentLengthIsRefused() {
        String etag = upload(url, randomBytes(10, 25));
        assertProblem(put(url, new byte[MAX_REQUEST_BYTES + 1]), 400, "BodyTooLarge", "4194304");
        get(url).then().statusCode(200).header("ETag", etag).header("Content-Length", "10");
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() throws Exception {
        HttpResponse<String> response = putChunked(url, new byte[MAX_REQUEST_BYTES + 1]);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(response.body()).contains("\"code\":\"BodyTooLarge\"").contains("4194304");
        get(url).then().statusCode(404);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsStored() throws Exception {
        byte[] body = randomBytes(200_000, 26);
        HttpResponse<String> response = putChunked(url, body);
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(get(url).asByteArray()).isEqualTo(body);
    }

    /** A PUT whose body has no Content-Length: the JDK client sends it chunked. */
    private HttpResponse<String> putChunked(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", PLACEHOLDER_AUTH)
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return JDK_CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
