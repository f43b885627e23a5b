package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import java.util.Arrays;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.3 and 7: downloads, byte ranges, and the select/customSelector type rules. */
class BlobDownloadIT extends TitleStorageApi {

    private static final int MIB = 1_048_576;
    private final String url = user("untrustedplatform", "42") + "/data/dlc/pack.bin,binary";

    private Response ranged(String range) {
        return raw().header("Range", range).get(url);
    }

    @Test
    void aDownloadServesTheStoredBytesWithTheirHeaders() {
        byte[] body = randomBytes(65_537, 101);
        String etag = upload(url, body);

        Response get = get(url);
        get.then().statusCode(200)
                .header("ETag", etag)
                .header("Content-Length", "65537")
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", OCTETS)
                .header("Content-Range", nullValue());
        assertThat(get.asByteArray()).isEqualTo(body);
    }

    @Test
    void aMissingBlobIs404() {
        assertProblem(get(url), 404, "BlobNotFound", "dlc/pack.bin,binary");
    }

    @Test
    void theXsapiOneMebibyteRangeLoopReassemblesTheBlob() {
        int size = 2 * MIB + 524_291;
        byte[] body = randomBytes(size, 102);
        String etag = upload(url, body);

        Response first = ranged("bytes=0-1048575");
        first.then().statusCode(206).header("Content-Range", "bytes 0-1048575/" + size)
                .header("Content-Length", "1048576").header("ETag", etag).header("Accept-Ranges", "bytes");
        Response second = ranged("bytes=1048576-2097151");
        second.then().statusCode(206).header("Content-Range", "bytes 1048576-2097151/" + size)
                .header("Content-Length", "1048576");
        Response last = ranged("bytes=2097152-3145727");
        last.then().statusCode(206).header("Content-Range", "bytes 2097152-2621442/" + size)
                .header("Content-Length", "524291");

        assertThat(concat(first.asByteArray(), second.asByteArray(), last.asByteArray())).isEqualTo(body);
    }

    @Test
    void rangesSpanTheBlocksOfAMultiBlockUpload() {
        byte[] a = randomBytes(1_500, 110);
        byte[] b = randomBytes(70_000, 111);
        byte[] c = randomBytes(33, 112);
        String t1 = put(url + "?finalBlock=false", a).jsonPath().getString("continuationToken");
        String t2 = put(url + "?finalBlock=false&continuationToken=" + t1, b).jsonPath().getString("continuationToken");
        put(url + "?finalBlock=true&continuationToken=" + t2, c).then().statusCode(200);
        byte[] body = concat(a, b, c);

        for (int[] range : new int[][] {{1_000, 2_000}, {1_499, 1_500}, {65_000, 71_532}, {0, 71_532}, {71_500, 71_532}}) {
            Response response = ranged("bytes=" + range[0] + "-" + range[1]);
            response.then().statusCode(206).header("Content-Range", "bytes " + range[0] + "-" + range[1] + "/71533");
            assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(body, range[0], range[1] + 1));
        }
        assertThat(get(url).asByteArray()).isEqualTo(body);
    }

    @Test
    void rangesAreClampedToTheLastByte() {
        byte[] body = randomBytes(100, 104);
        upload(url, body);

        Response csharp = ranged("bytes=0-100"); // the C# port asks one byte too many
        csharp.then().statusCode(206).header("Content-Range", "bytes 0-99/100").header("Content-Length", "100");
        assertThat(csharp.asByteArray()).isEqualTo(body);

        Response farEnd = ranged("bytes=90-999999999999");
        farEnd.then().statusCode(206).header("Content-Range", "bytes 90-99/100");
        assertThat(farEnd.asByteArray()).isEqualTo(Arrays.copyOfRange(body, 90, 100));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bytes=10-19, 10, 19",
            "bytes=0-0, 0, 0",
            "bytes=99-99, 99, 99",
            "bytes=10-, 10, 99",
            "bytes=-10, 90, 99",
            "bytes=-1, 99, 99",
            "bytes=-100, 0, 99",
            "bytes=-500, 0, 99"})
    void oneRangeIs206WithExactlyThoseBytes(String range, int first, int last) {
        byte[] body = randomBytes(100, 105);
        String etag = upload(url, body);

        Response response = ranged(range);
        response.then().statusCode(206)
                .header("Content-Range", "bytes " + first + "-" + last + "/100")
                .header("Content-Length", String.valueOf(last - first + 1))
                .header("ETag", etag)
                .header("Accept-Ranges", "bytes")
                .header("Content-Type", OCTETS);
        assertThat(response.asByteArray()).isEqualTo(Arrays.copyOfRange(body, first, last + 1));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=5-2", "bytes=0-1,5-6", "bytes=0-9, 20-29", "bytes=abc", "items=0-5", "bytes=",
            "bytes=-", "0-5", "bytes=1-2-3"})
    void aMalformedOrMultipleRangeServesTheWholeBlob(String range) {
        byte[] body = randomBytes(100, 106);
        upload(url, body);

        Response response = ranged(range);
        response.then().statusCode(200).header("Content-Range", nullValue()).header("Content-Length", "100");
        assertThat(response.asByteArray()).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=100-", "bytes=100-200", "bytes=5000-5001"})
    void aRangeStartingAtOrPastTheEndIs416(String range) {
        upload(url, randomBytes(100, 107));
        Response response = ranged(range);
        assertProblem(response, 416, "RangeNotSatisfiable", "100");
        response.then().header("Content-Range", "bytes */100");
    }

    @Test
    void anyRangeOfAnEmptyBlobIs416() {
        upload(url, new byte[0]);
        ranged("bytes=0-").then().statusCode(416).header("Content-Range", "bytes */0");
        ranged("bytes=0-10").then().statusCode(416).header("Content-Range", "bytes */0");
    }

    @Test
    void rangesApplyToJsonBlobs() {
        String jsonUrl = global() + "/data/doc.json,json";
        upload(jsonUrl, utf8("{\"name\":\"poison\"}"));
        Response response = raw().header("Range", "bytes=1-6").get(jsonUrl);
        response.then().statusCode(206).header("Content-Range", "bytes 1-6/17").header("Content-Type", JSON);
        assertThat(response.asString()).isEqualTo("\"name\"");
    }

    @Test
    void selectOnABinaryBlobIsRefused() {
        upload(url, randomBytes(10, 108));
        Response response = get(url + "?select=name");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("detail")).contains("select");
    }

    @Test
    void customSelectorOnAJsonBlobIsRefused() {
        String jsonUrl = global() + "/data/doc.json,json";
        upload(jsonUrl, utf8("{\"a\":1}"));
        Response response = get(jsonUrl + "?customSelector=platform.pc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(response.jsonPath().getString("detail")).contains("customSelector");
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        byte[] body = randomBytes(10, 109);
        upload(url, body);
        Response response = get(url + "?foo=bar&maxItems=abc");
        response.then().statusCode(200);
        assertThat(response.asByteArray()).isEqualTo(body);
    }
}
