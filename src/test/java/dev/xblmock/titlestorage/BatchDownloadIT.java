package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.xblmock.common.web.NonBlockingBody;
import dev.xblmock.testsupport.ApiIT;
import dev.xblmock.testsupport.MultipartBody;
import dev.xblmock.titlestorage.domain.BlobKey;
import dev.xblmock.titlestorage.domain.BlobType;
import dev.xblmock.titlestorage.domain.Namespace;
import dev.xblmock.titlestorage.domain.StorageRoot;
import dev.xblmock.titlestorage.domain.BlobAttributes;
import dev.xblmock.titlestorage.store.BlobMetadata;
import dev.xblmock.titlestorage.store.BlobStore;
import dev.xblmock.titlestorage.store.StagedUpload;
import dev.xblmock.titlestorage.store.WriteGuard;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** SPEC 3.9 and the batch rules of SPEC 7, black-box: every part parsed by an independent multipart parser. */
class BatchDownloadIT extends ApiIT {

    static final String SCID = "MockScid";
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String MAX_XUID = "18446744073709551615";

    @Autowired
    private BlobStore store;

    @Test
    void reproducesTheRestReferenceSampleExchange() {
        BlobMetadata first = put(StorageRoot.TRUSTED_PLATFORM, "123", "save.bin", BlobType.BINARY, "asdf123");
        BlobMetadata second = put(StorageRoot.TRUSTED_PLATFORM, "456", "save.bin", BlobType.BINARY, "asdf456");

        Response response = batch("/trustedplatform/users/batch/scids/" + SCID + "/data/save.bin,binary",
                "{\n    \"xuids\" : \n    [\n      123,\n      456,\n      789\n    ]\n}");

        response.then().statusCode(200)
                .header("Transfer-Encoding", "chunked")
                .header("Content-Length", (String) null)
                .header("Content-Type", org.hamcrest.Matchers.matchesPattern(
                        "multipart/form-data; boundary=" + UUID_PATTERN));
        MultipartBody body = parse(response);
        String b = body.boundary();
        assertThat(response.asByteArray()).asString(StandardCharsets.ISO_8859_1).isEqualTo(
                "--" + b + "\r\n"
                        + "Content-Disposition: binary; name=\"123\"; filename=\"123\"\r\n"
                        + "HttpStatusCode: 200\r\n"
                        + "ETag: " + first.etag() + "\r\n"
                        + "Content-Type: application/octet-stream\r\n"
                        + "Content-Length: 7\r\n"
                        + "\r\n"
                        + "asdf123\r\n"
                        + "--" + b + "\r\n"
                        + "Content-Disposition: binary; name=\"456\"; filename=\"456\"\r\n"
                        + "HttpStatusCode: 200\r\n"
                        + "ETag: " + second.etag() + "\r\n"
                        + "Content-Type: application/octet-stream\r\n"
                        + "Content-Length: 7\r\n"
                        + "\r\n"
                        + "asdf456\r\n"
                        + "--" + b + "\r\n"
                        + "Content-Disposition: binary; name=\"789\"; filename=\"789\"\r\n"
                        + "HttpStatusCode: 404\r\n"
                        + "\r\n"
                        + "\r\n"
                        + "--" + b + "--\r\n");
        assertThat(body.parts()).hasSize(3);
        assertThat(body.parts().get(0).headers()).isEqualTo(found("123", first, "application/octet-stream", 7));
        assertThat(body.parts().get(0).bodyText()).isEqualTo("asdf123");
        assertThat(body.parts().get(1).headers()).isEqualTo(found("456", second, "application/octet-stream", 7));
        assertThat(body.parts().get(1).bodyText()).isEqualTo("asdf456");
        assertThat(body.parts().get(2).headers()).isEqualTo(status("789", 404));
        assertThat(body.parts().get(2).body()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"trustedplatform, binary", "trustedplatform, json", "universalplatform, binary",
            "universalplatform, json", "untrustedplatform, binary", "untrustedplatform, json", "json, json"})
    void everyUserRootServesItsOwnNamespaces(String rootSegment, String typeName) {
        StorageRoot root = StorageRoot.fromSegment(rootSegment).orElseThrow();
        BlobType type = BlobType.fromWireName(typeName).orElseThrow();
        String contentType = type == BlobType.JSON ? "application/json" : "application/octet-stream";
        BlobMetadata one = put(root, "1", "dir/sub/file.dat", type, "{\"user\":1}");
        BlobMetadata two = put(root, "2", "dir/sub/file.dat", type, "{\"user\":2,\"more\":true}");
        // same name elsewhere: another root, another scid, another type, another path -- none may leak in
        StorageRoot other = root == StorageRoot.UNTRUSTED_PLATFORM ? StorageRoot.TRUSTED_PLATFORM : StorageRoot.UNTRUSTED_PLATFORM;
        put(other, "3", "dir/sub/file.dat", BlobType.JSON, "{}");
        putIn(root, "3", "OtherScid", "dir/sub/file.dat", type, "{}");
        put(root, "3", "dir/sub/file.dat2", type, "{}");
        if (root != StorageRoot.JSON) {
            put(root, "3", "dir/sub/file.dat", type == BlobType.JSON ? BlobType.BINARY : BlobType.JSON, "{}");
        }

        Response response = batch("/" + rootSegment + "/users/batch/scids/" + SCID + "/data/dir/sub/file.dat," + typeName,
                "{\"xuids\":[2,\"1\",3]}");

        response.then().statusCode(200);
        List<MultipartBody.Part> parts = parse(response).parts();
        assertThat(parts).extracting(MultipartBody.Part::headers).containsExactly(
                found("2", two, contentType, 22),
                found("1", one, contentType, 10),
                status("3", 404));
        assertThat(parts).extracting(MultipartBody.Part::bodyText)
                .containsExactly("{\"user\":2,\"more\":true}", "{\"user\":1}", "");
    }

    @Test
    void duplicatesAndEveryXuidFormAppearInRequestOrderWithCanonicalNames() {
        BlobMetadata five = put(StorageRoot.UNIVERSAL_PLATFORM, "5", "a.bin", BlobType.BINARY, "five");
        BlobMetadata max = put(StorageRoot.UNIVERSAL_PLATFORM, MAX_XUID, "a.bin", BlobType.BINARY, "max");

        Response response = batch("/universalplatform/users/batch/scids/" + SCID + "/data/a.bin,binary",
                "{\"xuids\":[5,\"5\",\"0005\"," + MAX_XUID + ",\"" + MAX_XUID + "\",6,0,\"00000000000000000000\",5]}");

        List<MultipartBody.Part> parts = parse(response).parts();
        String octets = "application/octet-stream";
        assertThat(parts).extracting(MultipartBody.Part::headers).containsExactly(
                found("5", five, octets, 4), found("5", five, octets, 4), found("5", five, octets, 4),
                found(MAX_XUID, max, octets, 3), found(MAX_XUID, max, octets, 3),
                status("6", 404), status("0", 404), status("0", 404), found("5", five, octets, 4));
        assertThat(parts).extracting(MultipartBody.Part::bodyText)
                .containsExactly("five", "five", "five", "max", "max", "", "", "", "five");
    }

    @Test
    void partBytesAreExactWhateverTheyContain() {
        byte[] every = new byte[256 * 4 + 64];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        // bytes that look like framing must not confuse anything
        byte[] tricky = "\r\n--\r\n\r\nHttpStatusCode: 500\r\n--".getBytes(StandardCharsets.US_ASCII);
        BlobMetadata big = put(StorageRoot.TRUSTED_PLATFORM, "1", "x.bin", BlobType.BINARY, every);
        BlobMetadata framing = put(StorageRoot.TRUSTED_PLATFORM, "2", "x.bin", BlobType.BINARY, tricky);
        BlobMetadata empty = put(StorageRoot.TRUSTED_PLATFORM, "3", "x.bin", BlobType.BINARY, new byte[0]);

        Response response = batch("/trustedplatform/users/batch/scids/" + SCID + "/data/x.bin,binary",
                "{\"xuids\":[1,2,3]}");

        List<MultipartBody.Part> parts = parse(response).parts();
        String octets = "application/octet-stream";
        assertThat(parts).extracting(MultipartBody.Part::headers).containsExactly(
                found("1", big, octets, every.length), found("2", framing, octets, tricky.length),
                found("3", empty, octets, 0));
        assertThat(parts.get(0).body()).isEqualTo(every);
        assertThat(parts.get(1).body()).isEqualTo(tricky);
        assertThat(parts.get(2).body()).isEmpty();
    }

    @Test
    void aBlobLargerThanTheCopyBufferStreamsWhole() {
        byte[] bytes = new byte[3 * NonBlockingBody.CHUNK_SIZE + 17];
        new java.util.Random(42).nextBytes(bytes);
        BlobMetadata stored = put(StorageRoot.TRUSTED_PLATFORM, "9", "big.bin", BlobType.BINARY, bytes);

        List<MultipartBody.Part> parts = parse(batch("/trustedplatform/users/batch/scids/" + SCID + "/data/big.bin,binary",
                "{\"xuids\":[9,9]}")).parts();

        assertThat(parts).hasSize(2).allSatisfy(part -> {
            assertThat(part.headers()).isEqualTo(found("9", stored, "application/octet-stream", bytes.length));
            assertThat(part.body()).isEqualTo(bytes);
        });
    }

    @Test
    void acceptsExactlyMaxXuidsEntries() {
        put(StorageRoot.JSON, "50", "j.json", BlobType.JSON, "[]");
        List<MultipartBody.Part> parts = parse(batch("/json/users/batch/scids/" + SCID + "/data/j.json,json",
                xuidsBody(100))).parts();
        assertThat(parts).hasSize(100);
        for (int i = 0; i < 100; i++) {
            String xuid = Integer.toString(i + 1);
            assertThat(parts.get(i).headers()).startsWith(
                    "Content-Disposition: binary; name=\"" + xuid + "\"; filename=\"" + xuid + "\"\r\n"
                            + "HttpStatusCode: " + (i + 1 == 50 ? 200 : 404) + "\r\n");
        }
    }

    @Test
    void rangeAndConditionalHeadersAreIgnored() {
        BlobMetadata stored = put(StorageRoot.TRUSTED_PLATFORM, "1", "r.bin", BlobType.BINARY, "0123456789");
        Response response = anonymous()
                .header("Range", "bytes=2-4")
                .header("If-None-Match", stored.etag().toString())
                .header("If-Match", "0x000000000000001")
                .body("{\"xuids\":[1]}")
                .post("/trustedplatform/users/batch/scids/" + SCID + "/data/r.bin,binary");
        response.then().statusCode(200).header("Content-Range", (String) null);
        MultipartBody.Part part = parse(response).parts().get(0);
        assertThat(part.headers()).isEqualTo(found("1", stored, "application/octet-stream", 10));
        assertThat(part.bodyText()).isEqualTo("0123456789");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream",
            "multipart/form-data; boundary=abc", "application/json; charset=utf-8", "nonsense"})
    void anyContentTypeIsReadAsJson(String contentType) throws Exception {
        put(StorageRoot.TRUSTED_PLATFORM, "1", "c.bin", BlobType.BINARY, "c");
        // java.net.http sends the body untouched and no Content-Type unless told to
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/trustedplatform/users/batch/scids/" + SCID + "/data/c.bin,binary"))
                .header("Authorization", PLACEHOLDER_AUTH)
                .POST(HttpRequest.BodyPublishers.ofString("{\"xuids\":[1]}"));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        MultipartBody body = MultipartBody.parse(response.headers().firstValue("Content-Type").orElseThrow(),
                response.body());
        assertThat(body.parts()).extracting(MultipartBody.Part::bodyText).containsExactly("c");
    }

    @Test
    void honoursExpectContinueAndContractVersionTwo() {
        put(StorageRoot.TRUSTED_PLATFORM, "1", "e.bin", BlobType.BINARY, "e");
        Response response = anonymous()
                .header("Expect", "100-continue")
                .header("x-xbl-contract-version", "2")
                .body("{\"xuids\":[1]}")
                .post("/trustedplatform/users/batch/scids/" + SCID + "/data/e.bin,binary");
        response.then().statusCode(200);
        assertThat(parse(response).parts()).extracting(MultipartBody.Part::bodyText).containsExactly("e");
    }

    @Test
    void everyResponseGetsItsOwnRandomBoundary() {
        String path = "/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary";
        String first = parse(batch(path, "{\"xuids\":[1]}")).boundary();
        String second = parse(batch(path, "{\"xuids\":[1]}")).boundary();
        assertThat(first).matches(UUID_PATTERN).isNotEqualTo(second);
    }

    // ---- request errors: problem+json before any part ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"xuids\":[]}                         | InvalidBody | Member 'xuids' must hold 1 to 100 entries; it holds 0.",
        "{\"xuids\":\"123\"}                    | InvalidBody | Member 'xuids' must be an array, not a string.",
        "{\"xuids\":{\"0\":123}}                | InvalidBody | Member 'xuids' must be an array, not an object.",
        "{\"users\":[123]}                      | InvalidBody | The request body lacks the member 'xuids'; send {\"xuids\":[<xuid>, …]}.",
        "[123]                                  | InvalidBody | The request body must be a JSON object {\"xuids\":[<xuid>, …]}.",
        "xuids=123                              | InvalidBody | The request body is not valid JSON (line 1, column 1); send {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[123,]}                     | InvalidBody | The request body is not valid JSON (line 1, column 15); send {\"xuids\":[<xuid>, …]}.",
        "{\"xuids\":[-1]}                       | InvalidXuid | xuids[0] (-1) must be an unsigned 64-bit integer: 0 to 18446744073709551615.",
        "{\"xuids\":[1,18446744073709551616]}   | InvalidXuid | xuids[1] (18446744073709551616) must be an unsigned 64-bit integer: 0 to 18446744073709551615.",
        "{\"xuids\":[\"18446744073709551616\"]} | InvalidXuid | xuids[0] '18446744073709551616' is greater than 18446744073709551615.",
        "{\"xuids\":[\"12a\"]}                  | InvalidXuid | xuids[0] '12a' must be an unsigned 64-bit decimal number of 1 to 20 digits.",
        "{\"xuids\":[1,2,3.5]}                  | InvalidXuid | xuids[2] must be an unsigned 64-bit integer or a string of decimal digits, not the fractional number 3.5.",
        "{\"xuids\":[1.0]}                      | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not the fractional number 1.0.",
        "{\"xuids\":[null]}                     | InvalidXuid | xuids[0] must be an unsigned 64-bit integer or a string of decimal digits, not null.",
    })
    void rejectsInvalidBodies(String body, String code, String detail) {
        put(StorageRoot.TRUSTED_PLATFORM, "123", "a.bin", BlobType.BINARY, "a");
        expectProblem(batch("/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary", body), 400, code, detail);
    }

    @Test
    void rejectsAnEmptyBody() {
        expectProblem(anonymous().post("/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary"),
                400, "InvalidBody", "The request body is empty; send {\"xuids\":[<xuid>, …]}.");
    }

    @Test
    void rejectsMoreThanMaxXuidsEntries() {
        expectProblem(batch("/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary", xuidsBody(101)),
                400, "InvalidBody", "Member 'xuids' must hold 1 to 100 entries; it holds 101.");
    }

    @Test
    void rejectsABodyOverTheLimitWithOrWithoutContentLength() {
        String padded = "{\"xuids\":[1]" + " ".repeat(70_000) + "}";
        String detail = "The request body exceeds 65536 bytes (xblmock.batch.max-body-bytes).";
        String path = "/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary";
        expectProblem(batch(path, padded), 400, "BodyTooLarge", detail);
        // an InputStream body goes out chunked, without Content-Length
        expectProblem(anonymous().body(new ByteArrayInputStream(padded.getBytes(StandardCharsets.UTF_8))).post(path),
                400, "BodyTooLarge", detail);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/json/users/batch/scids/S/data/a.bin,binary              | TypeNotAllowed | Type 'binary' is not allowed in json storage; allowed: json.",
        "/trustedplatform/users/batch/scids/S/data/a.cfg,config   | TypeNotAllowed | Type 'config' is not allowed in trustedplatform storage; allowed: binary, json.",
        "/universalplatform/users/batch/scids/S/data/a.cfg,config | TypeNotAllowed | Type 'config' is not allowed in universalplatform storage; allowed: binary, json.",
        "/trustedplatform/users/batch/scids/bad.scid/data/a.bin,binary | InvalidScid | scid 'bad.scid' contains '.' at position 4; only letters, digits, '_' and '-' are allowed.",
        "/trustedplatform/users/batch/scids/S/data/a..b,binary    | InvalidPath | pathAndFileName 'a..b' contains '..' at position 2; a file name must not contain '..'.",
        "/trustedplatform/users/batch/scids/S/data/a.bin,bin      | InvalidPath | The type suffix ',bin' is not one of ,binary, ,json or ,config (lower case).",
        "/trustedplatform/users/batch/scids/S/data/a.bin,BINARY   | InvalidPath | The type suffix ',BINARY' is not one of ,binary, ,json or ,config (lower case).",
        "/trustedplatform/users/batch/scids/S/data/dir/a.bin      | InvalidPath | A batch download names one blob: end the path with ,binary, ,json or ,config.",
        "/trustedplatform/users/batch/scids/S/data/a%20b,binary   | InvalidPath | The file name of pathAndFileName 'a b' contains U+0020 at position 2; only letters, digits, '_', '.' and '-' are allowed.",
    })
    void rejectsInvalidRoutesBeforeLookingAtTheBody(String path, String code, String detail) {
        // the body is invalid too: path and type errors come first (SPEC 7)
        Response response = anonymous().urlEncodingEnabled(false).body("not json").post(path);
        expectProblem(response, 400, code, detail);
    }

    @Test
    void rejectsAnEmptyPathSegment() throws Exception {
        // REST-assured would collapse the '//', java.net.http sends the path as written
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/trustedplatform/users/batch/scids/S/data/dir//a,binary"))
                .header("Authorization", PLACEHOLDER_AUTH)
                .POST(HttpRequest.BodyPublishers.ofString("{\"xuids\":[1]}"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"code\":\"InvalidPath\"")
                .contains("\"detail\":\"pathAndFileName 'dir//a' has an empty segment ('//') at position 4.\"");
    }

    @Test
    void aBatchPathWithoutABlobIsNoRoute() {
        Response response = batch("/trustedplatform/users/batch/scids/" + SCID, "{\"xuids\":[1]}");
        response.then().statusCode(404).contentType("application/problem+json").body("code", equalTo("NoSuchRoute"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/global/users/batch/scids/S/data/a.bin,binary", "/sessions/users/batch/scids/S/data/a.bin,binary"})
    void globalAndSessionsHaveNoBatchRoute(String path) {
        Response response = batch(path, "{\"xuids\":[1]}");
        response.then().statusCode(anyOf(is(404), is(405))).contentType("application/problem+json");
    }

    @Test
    void otherMethodsOnABatchPathAreNotAllowed() {
        anonymous().get("/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary")
                .then().statusCode(405).contentType("application/problem+json");
        anonymous().body("{}").put("/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void postOnAnOrdinaryBlobPathIsNotAllowed() {
        batch("/trustedplatform/users/xuid(1)/scids/" + SCID + "/data/a.bin,binary", "{\"xuids\":[1]}")
                .then().statusCode(405).contentType("application/problem+json").body("code", equalTo("MethodNotAllowed"));
    }

    @Test
    void authenticationAndContractVersionFailBeforeAnyPart() {
        String path = "/trustedplatform/users/batch/scids/" + SCID + "/data/a.bin,binary";
        put(StorageRoot.TRUSTED_PLATFORM, "1", "a.bin", BlobType.BINARY, "a");
        bare().body("{\"xuids\":[1]}").post(path)
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("Unauthorized"));
        anonymous().header("x-xbl-contract-version", "x").body("{\"xuids\":[1]}").post(path)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("InvalidContractVersion"));
        anonymous().header("x-xbl-contract-version", "3").body("{\"xuids\":[1]}").post(path)
                .then().statusCode(406).contentType("application/problem+json").body("code", equalTo("UnsupportedContractVersion"));
    }

    // ---- helpers ----

    private Response batch(String path, String body) {
        return anonymous().contentType("application/json").body(body).post(path);
    }

    static MultipartBody parse(Response response) {
        response.then().statusCode(200);
        return MultipartBody.parse(response.getHeader("Content-Type"), response.asByteArray());
    }

    static void expectProblem(Response response, int status, String code, String detail) {
        response.then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("code", equalTo(code))
                .body("detail", equalTo(detail));
    }

    /** The header block of a 200 part, as the SPEC lists it. */
    static String found(String xuid, BlobMetadata blob, String contentType, long length) {
        return "Content-Disposition: binary; name=\"" + xuid + "\"; filename=\"" + xuid + "\"\r\n"
                + "HttpStatusCode: 200\r\n"
                + "ETag: " + blob.etag() + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + length + "\r\n";
    }

    /** The header block of a 403/404 part: only the first two headers. */
    static String status(String xuid, int status) {
        return "Content-Disposition: binary; name=\"" + xuid + "\"; filename=\"" + xuid + "\"\r\n"
                + "HttpStatusCode: " + status + "\r\n";
    }

    static String xuidsBody(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString)
                .collect(Collectors.joining(",", "{\"xuids\":[", "]}"));
    }

    private BlobMetadata put(StorageRoot root, String owner, String path, BlobType type, String text) {
        return put(root, owner, path, type, text.getBytes(StandardCharsets.UTF_8));
    }

    private BlobMetadata put(StorageRoot root, String owner, String path, BlobType type, byte[] bytes) {
        return put(store, new BlobKey(new Namespace(root, owner, SCID), path, type), bytes);
    }

    private void putIn(StorageRoot root, String owner, String scid, String path, BlobType type, String text) {
        put(store, new BlobKey(new Namespace(root, owner, scid), path, type), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Puts a blob straight into the store (the upload API is another slice). */
    static BlobMetadata put(BlobStore store, BlobKey key, byte[] bytes) {
        StagedUpload staged = store.stage();
        try {
            staged.append(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return store.commit(key, staged, BlobAttributes.NONE, WriteGuard.NONE);
    }
}
