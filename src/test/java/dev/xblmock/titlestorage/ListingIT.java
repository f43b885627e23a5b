package dev.xblmock.titlestorage;

import static dev.xblmock.testsupport.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.6 and 7: listings, their order, path matching, paging and continuation tokens. */
class ListingIT extends TitleStorageApi {

    private final String root = user("trustedplatform", "1234");

    /** Uploads the named binary blobs (sizes 1, 2, 3, …) and returns their ETags by fileName. */
    private Map<String, String> uploadAll(String... paths) {
        Map<String, String> etags = new LinkedHashMap<>();
        for (int i = 0; i < paths.length; i++) {
            etags.put(paths[i], upload(root + "/data/" + paths[i], randomBytes(i + 1, i)));
        }
        return etags;
    }

    private String entryOf(Map<String, String> etags, List<String> order, String fileName) {
        return entry(fileName, etags.get(fileName), order.indexOf(fileName) + 1);
    }

    @Test
    void anEmptyNamespaceListsNoBlobs() {
        Response response = get(root + "/data");
        response.then().statusCode(200).header("Content-Type", JSON);
        assertThat(response.asString()).isEqualTo(EMPTY_LISTING);
        assertThat(listing(root + "/data/")).isEqualTo(EMPTY_LISTING);
        assertThat(listing(root + "/data/no/such/dir")).isEqualTo(EMPTY_LISTING);
    }

    @Test
    void blobsAreOrderedByFileNameOrdinal() {
        List<String> uploaded = List.of("b.bin,binary", "a.bin,json", "B.bin,binary", "_x.bin,binary", "a-b.bin,binary",
                "a/deep.bin,binary", "a.bin,binary", "1.bin,binary", "Z/z.bin,binary", "a,binary");
        Map<String, String> etags = new LinkedHashMap<>();
        for (int i = 0; i < uploaded.size(); i++) {
            String fileName = uploaded.get(i);
            byte[] body = fileName.endsWith(",json") ? utf8("{}") : randomBytes(i + 1, i);
            etags.put(fileName, upload(root + "/data/" + fileName, body));
        }
        List<String> ordinal = List.of("1.bin,binary", "B.bin,binary", "Z/z.bin,binary", "_x.bin,binary", "a,binary",
                "a-b.bin,binary", "a.bin,binary", "a.bin,json", "a/deep.bin,binary", "b.bin,binary");

        List<String> entries = new ArrayList<>();
        for (String fileName : ordinal) {
            int size = fileName.endsWith(",json") ? 2 : uploaded.indexOf(fileName) + 1;
            entries.add(entry(fileName, etags.get(fileName), size));
        }
        assertThat(listing(root + "/data")).isEqualTo(page(10, null, entries.toArray(String[]::new)));
    }

    @Test
    void aPathMatchesWholeSegmentsAndEverythingBelow() {
        List<String> order = List.of("quest.bin,binary", "quest/a.bin,binary", "quest/sub/c.bin,binary",
                "queststatus/b.bin,binary", "q/quest/d.bin,binary");
        Map<String, String> etags = uploadAll(order.toArray(String[]::new));

        String quest = page(2, null, entryOf(etags, order, "quest/a.bin,binary"),
                entryOf(etags, order, "quest/sub/c.bin,binary"));
        assertThat(listing(root + "/data/quest")).isEqualTo(quest);
        assertThat(listing(root + "/data/quest/")).isEqualTo(quest);
        assertThat(listing(root + "/data/quest/sub")).isEqualTo(page(1, null, entryOf(etags, order, "quest/sub/c.bin,binary")));
        assertThat(listing(root + "/data/ques")).isEqualTo(EMPTY_LISTING);
        assertThat(listing(root + "/data/queststatus")).isEqualTo(page(1, null, entryOf(etags, order, "queststatus/b.bin,binary")));
        assertThat(JsonPath.from(listing(root + "/data")).getInt("pagingInfo.totalItems")).isEqualTo(5);
    }

    @Test
    void clientFileTimeAndDisplayNameAreOmittedWhenUnsetNeverNull() {
        String plain = upload(root + "/data/plain.bin,binary", randomBytes(3, 1));
        String full = upload(root + "/data/full.bin,binary?clientFileTime=2012-01-01T01:02:03Z&displayName=Quest%201",
                randomBytes(4, 2));
        assertThat(listing(root + "/data")).isEqualTo(
                "{\"blobs\":[{\"fileName\":\"full.bin,binary\",\"etag\":\"" + full
                        + "\",\"size\":4,\"clientFileTime\":\"2012-01-01T01:02:03.0000000Z\",\"displayName\":\"Quest 1\"},"
                        + "{\"fileName\":\"plain.bin,binary\",\"etag\":\"" + plain + "\",\"size\":3}],"
                        + "\"pagingInfo\":{\"totalItems\":2,\"continuationToken\":null}}");
    }

    @Test
    void maxItemsAndSkipItemsPage() {
        List<String> order = List.of("a1.bin,binary", "a2.bin,binary", "a3.bin,binary", "a4.bin,binary", "a5.bin,binary");
        Map<String, String> etags = uploadAll(order.toArray(String[]::new));

        JsonPath firstPage = JsonPath.from(listing(root + "/data?maxItems=2"));
        assertThat(firstPage.getList("blobs.fileName")).containsExactly("a1.bin,binary", "a2.bin,binary");
        assertThat(firstPage.getInt("pagingInfo.totalItems")).isEqualTo(5);
        assertThat(firstPage.getString("pagingInfo.continuationToken")).isNotNull();

        assertThat(listing(root + "/data?skipItems=3")).isEqualTo(page(5, null,
                entryOf(etags, order, "a4.bin,binary"), entryOf(etags, order, "a5.bin,binary")));
        assertThat(JsonPath.from(listing(root + "/data?skipItems=1&maxItems=1")).getList("blobs.fileName"))
                .containsExactly("a2.bin,binary");
        assertThat(listing(root + "/data?skipItems=5")).isEqualTo(page(5, null));
        assertThat(listing(root + "/data?skipItems=99")).isEqualTo(page(5, null));
        assertThat(JsonPath.from(listing(root + "/data?maxItems=1000")).getList("blobs")).hasSize(5);
        assertThat(JsonPath.from(listing(root + "/data?maxItems=5")).getString("pagingInfo.continuationToken")).isNull();
    }

    @Test
    void theDefaultPageHas100Items() {
        for (int i = 0; i < 101; i++) {
            upload(root + "/data/f" + (1000 + i) + ".bin,binary", new byte[0]);
        }
        JsonPath first = JsonPath.from(listing(root + "/data"));
        assertThat(first.getList("blobs")).hasSize(100);
        assertThat(first.getInt("pagingInfo.totalItems")).isEqualTo(101);
        String token = first.getString("pagingInfo.continuationToken");
        JsonPath second = JsonPath.from(listing(root + "/data?continuationToken=" + token));
        assertThat(second.getList("blobs.fileName")).containsExactly("f1100.bin,binary");
        assertThat(second.getString("pagingInfo.continuationToken")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxItems=0", "maxItems=1001", "maxItems=abc", "maxItems=", "maxItems=-1", "maxItems=1.5",
            "maxItems=99999999999", "skipItems=-1", "skipItems=abc", "skipItems="})
    void anOutOfRangeOrNonNumericPagingParameterIs400(String query) {
        String name = query.substring(0, query.indexOf('='));
        assertProblem(get(root + "/data?" + query), 400, "InvalidParameter", "'" + name + "'");
    }

    @Test
    void continuationTokensWalkThePagesAndWinOverSkipItems() {
        List<String> order = List.of("d/a.bin,binary", "d/b.bin,binary", "d/c.bin,binary", "d/d.bin,binary",
                "d/e.bin,binary");
        Map<String, String> etags = uploadAll(order.toArray(String[]::new));

        JsonPath first = JsonPath.from(listing(root + "/data/d?maxItems=2"));
        String token1 = first.getString("pagingInfo.continuationToken");
        assertThat(token1).matches("[A-Za-z0-9_-]{1,56}");

        String secondJson = listing(root + "/data/d?maxItems=2&skipItems=4&continuationToken=" + token1);
        String token2 = JsonPath.from(secondJson).getString("pagingInfo.continuationToken");
        assertThat(token2).matches("[A-Za-z0-9_-]{1,56}");
        assertThat(secondJson).isEqualTo(page(5, token2, entryOf(etags, order, "d/c.bin,binary"),
                entryOf(etags, order, "d/d.bin,binary")));

        assertThat(listing(root + "/data/d?maxItems=2&continuationToken=" + token2))
                .isEqualTo(page(5, null, entryOf(etags, order, "d/e.bin,binary")));
        // a different maxItems is fine; the trailing-slash spelling is the same path
        assertThat(listing(root + "/data/d/?maxItems=10&continuationToken=" + token1)).isEqualTo(page(5, null,
                entryOf(etags, order, "d/c.bin,binary"), entryOf(etags, order, "d/d.bin,binary"),
                entryOf(etags, order, "d/e.bin,binary")));
    }

    @Test
    void aContinuationTokenIsBoundToItsNamespaceAndPath() {
        uploadAll("d/a.bin,binary", "d/b.bin,binary", "d/c.bin,binary", "e/a.bin,binary", "e/b.bin,binary");
        upload(user("trustedplatform", "999") + "/data/d/a.bin,binary", randomBytes(1, 1));
        upload(user("trustedplatform", "999") + "/data/d/b.bin,binary", randomBytes(1, 1));
        String token = JsonPath.from(listing(root + "/data/d?maxItems=1")).getString("pagingInfo.continuationToken");

        assertProblem(get(root + "/data/e?continuationToken=" + token), 400, "InvalidContinuationToken",
                "continuationToken");
        assertProblem(get(root + "/data?continuationToken=" + token), 400, "InvalidContinuationToken");
        assertProblem(get(root + "/data/d/a?continuationToken=" + token), 400, "InvalidContinuationToken");
        assertProblem(get(user("trustedplatform", "999") + "/data/d?continuationToken=" + token), 400,
                "InvalidContinuationToken");
        assertProblem(get(user("universalplatform", "1234") + "/data/d?continuationToken=" + token), 400,
                "InvalidContinuationToken");
        assertProblem(get("/trustedplatform/users/xuid(1234)/scids/OtherScid/data/d?continuationToken=" + token), 400,
                "InvalidContinuationToken");
        listing(root + "/data/d?continuationToken=" + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "AAAAAAAAAAAAAAAA", "%21%21", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void aForeignContinuationTokenIs400(String token) {
        upload(root + "/data/a.bin,binary", randomBytes(1, 1));
        assertProblem(get(root + "/data?continuationToken=" + token), 400, "InvalidContinuationToken");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "dir/sub.x", "a.b/c", "dir."})
    void aListingPathWithADotIsInvalid(String path) {
        assertProblem(get(root + "/data/" + path), 400, "InvalidPath", "'.'", ",binary");
    }

    @Test
    void aDotSegmentInAListingPathIsInvalid() {
        assertProblem(get(root + "/data/./dir"), 400, "InvalidPath", "dot segment '.'");
    }

    @Test
    void aListingPathWithACommaIsInvalid() {
        assertProblem(get(root + "/data/a,b/c"), 400, "InvalidPath");
        assertProblem(get(root + "/data/dir,"), 400, "InvalidPath");
    }
}
