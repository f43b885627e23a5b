package dev.xblmock.emulator;

import static dev.xblmock.emulator.Json.assertJson;
import static dev.xblmock.emulator.Json.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The control plane's Title Storage routes: any namespace without a token, through the Title Storage rules
 * (validator, JSON rules, conditions, limits) but ownership. Strict auth and owner-only reads show that the
 * Xbox route refuses what the control plane may do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"xblmock.auth.mode=strict", "xblmock.storage.read-access.json=owner"})
class StorageControlIT extends ApiIT {

    private static final String USER_NS = "/json/users/xuid(2533274792693551)/scids/MockScid";
    private static final String BLOB = "/_emulator/storage/blob";

    /** Query strings are sent as written: '/' and '(' stay raw, as the dashboard sends them. */
    private RequestSpecification raw() {
        return bare().urlEncodingEnabled(false);
    }

    private Response put(String namespace, String name, String body) {
        return raw().body(body).put(BLOB + "?namespace=" + namespace + "&name=" + name);
    }

    @Test
    void writesReadsListsAndDeletesAnyNamespaceWithoutAToken() {
        String attributes = "&displayName=Slot+1&clientFileTime=2024-01-01T00:00:00Z";
        String etag = put(USER_NS, "saves/slot1.json,json" + attributes, "{\"level\":3}").then().statusCode(201)
                .contentType("application/json").extract().header("ETag");
        Response replaced = put(USER_NS, "saves/slot1.json,json" + attributes, "{\"level\":4}");
        replaced.then().statusCode(201);
        assertJson(replaced.asString(), "{\"etag\":\"" + replaced.header("ETag") + "\"}");
        assertThat(replaced.header("ETag")).matches("0x[0-9A-F]{15}").isGreaterThan(etag);
        put("/global/scids/MockScid", "motd.json,json", "{\"text\":\"hi\"}").then().statusCode(201);
        put("/sessions/Template~Session/scids/MockScid", "a/b/c.bin,binary", "xyz").then().statusCode(201);

        raw().get(BLOB + "?namespace=" + USER_NS + "&name=saves/slot1.json,json").then().statusCode(200)
                .contentType("application/json").header("Content-Length", "11").body(equalTo("{\"level\":4}"));
        raw().header("Range", "bytes=1-2").get(BLOB + "?namespace=/sessions/Template~Session/scids/MockScid&name=a/b/c.bin,binary")
                .then().statusCode(206).header("Content-Range", "bytes 1-2/3").body(equalTo("yz"));

        assertJson(raw().get("/_emulator/storage/namespaces").then().statusCode(200).extract().asString(), """
                {"namespaces":[
                  {"namespace":"/global/scids/MockScid","root":"global","scid":"MockScid","blobs":1,"usedBytes":13,"quotaBytes":268435456},
                  {"namespace":"/json/users/xuid(2533274792693551)/scids/MockScid","root":"json","owner":"2533274792693551","scid":"MockScid","blobs":1,"usedBytes":11,"quotaBytes":67108864},
                  {"namespace":"/sessions/Template~Session/scids/MockScid","root":"sessions","owner":"Template~Session","scid":"MockScid","blobs":1,"usedBytes":3,"quotaBytes":67108864}]}""");

        String listing = raw().get("/_emulator/storage/blobs?namespace=" + USER_NS).then().statusCode(200).extract().asString();
        String currentEtag = Json.parse(listing).path("blobs").path(0).path("etag").asString();
        assertJson(listing, """
                {"namespace":"/json/users/xuid(2533274792693551)/scids/MockScid","path":"","blobs":[
                  {"fileName":"saves/slot1.json,json","path":"saves/slot1.json","type":"json","etag":"%s","size":11,
                   "clientFileTime":"2024-01-01T00:00:00.0000000Z","displayName":"Slot 1"}],
                 "pagingInfo":{"totalItems":1,"continuationToken":null}}""".formatted(currentEtag));

        raw().header("If-Match", etag).delete(BLOB + "?namespace=" + USER_NS + "&name=saves/slot1.json,json")
                .then().statusCode(412).body("code", equalTo("PreconditionFailed"));
        raw().delete(BLOB + "?namespace=" + USER_NS + "&name=saves/slot1.json,json").then().statusCode(204);
        raw().get(BLOB + "?namespace=" + USER_NS + "&name=saves/slot1.json,json").then().statusCode(404)
                .body("code", equalTo("BlobNotFound"));
        // the Xbox route, strict and owner-only, would refuse all of this without the owner's token
        bare().get(USER_NS + "/data").then().statusCode(401);
    }

    @Test
    void listingsArePagedAndFilteredByDirectory() {
        for (int i = 0; i < 5; i++) {
            put("/global/scids/S", "maps/m" + i + ".json,json", "{}").then().statusCode(201);
        }
        put("/global/scids/S", "top.bin,binary", "").then().statusCode(201);
        String first = raw().get("/_emulator/storage/blobs?namespace=/global/scids/S&path=maps/&maxItems=2")
                .then().statusCode(200).body("path", equalTo("maps"))
                .body("blobs.fileName", contains("maps/m0.json,json", "maps/m1.json,json"))
                .body("pagingInfo.totalItems", equalTo(5)).extract().asString();
        raw().get("/_emulator/storage/blobs?namespace=/global/scids/S&path=maps&skipItems=4&maxItems=2").then()
                .statusCode(200).body("blobs.fileName", contains("maps/m4.json,json"))
                .body("pagingInfo.continuationToken", equalTo(null));
        raw().get("/_emulator/storage/blobs?namespace=/global/scids/S").then().statusCode(200)
                .body("pagingInfo.totalItems", equalTo(6)).body("blobs[5].fileName", equalTo("top.bin,binary"))
                .body("blobs[5].size", equalTo(0));
        String token = Json.parse(first).path("pagingInfo").path("continuationToken").asString();
        raw().get("/_emulator/storage/blobs?namespace=/global/scids/S&path=maps&maxItems=2&continuationToken=" + token)
                .then().statusCode(200).body("blobs.fileName", contains("maps/m2.json,json", "maps/m3.json,json"));
    }

    @Test
    void theXboxRulesApply() {
        put("/json/users/xuid(1)/scids/S", "a.bin,binary", "x").then().statusCode(400).body("code", equalTo("TypeNotAllowed"));
        put("/global/scids/S", "bad.json,json", "[1]").then().statusCode(400).body("code", equalTo("InvalidJson"));
        put("/global/scids/S", "a/../b.json,json", "{}").then().statusCode(400).body("code", equalTo("InvalidPath"));
        put("/global/scids/S", "a.json,JSON", "{}").then().statusCode(400).body("code", equalTo("InvalidPath"));
        put("/global/scids/S", "a.json,json&displayName=" + "x".repeat(129), "{}").then().statusCode(400)
                .body("code", equalTo("InvalidDisplayName"));
        put("/json/users/xuid(18446744073709551616)/scids/S", "a.json,json", "{}").then().statusCode(400)
                .body("code", equalTo("InvalidXuid"));
        put("/global/scids/S", "a%25b.json,json", "{}").then().statusCode(400).body("code", equalTo("InvalidPath"))
                .body("detail", equalTo("The file name of pathAndFileName 'a%b.json' contains '%' at position 2; "
                        + "only letters, digits, '_', '.' and '-' are allowed."));
        raw().header("If-None-Match", "*").body("{}").put(BLOB + "?namespace=/global/scids/S&name=a.json,json").then().statusCode(201);
        raw().header("If-None-Match", "*").body("{}").put(BLOB + "?namespace=/global/scids/S&name=a.json,json").then().statusCode(412);
        raw().get("/_emulator/storage/blobs?namespace=/global/scids/S&maxItems=0").then().statusCode(400)
                .body("code", equalTo("InvalidParameter"));
        raw().get("/_emulator/storage/blobs?namespace=/global/scids/S&path=a.b").then().statusCode(400)
                .body("code", equalTo("InvalidPath"));
    }

    @Test
    void namespaceAndNameAreRequiredAndChecked() {
        String missing = raw().get(BLOB + "?name=a.json,json").then().statusCode(400)
                .contentType("application/problem+json").extract().asString();
        assertJson(missing, problem(400, "InvalidParameter", "Invalid query parameter", "Query parameter 'namespace' is "
                + "required: a namespace's root path, e.g. /global/scids/<scid>.", BLOB));
        assertJson(raw().get(BLOB + "?namespace=/global/scids/S").then().statusCode(400).extract().asString(),
                problem(400, "InvalidParameter", "Invalid query parameter", "Query parameter 'name' is required: "
                        + "<pathAndFileName>,<type>, e.g. saves/slot1.json,json.", BLOB));
        assertJson(raw().get(BLOB + "?namespace=/global/scids/S/data&name=a.json,json").then().statusCode(400).extract().asString(),
                problem(400, "InvalidParameter", "Invalid query parameter", "Query parameter 'namespace' '/global/scids/S/data' "
                        + "is not a namespace: expected /global/scids/<scid>, /<root>/users/xuid(<xuid>)/scids/<scid> or "
                        + "/sessions/<sessionId>/scids/<scid>.", BLOB));
        assertJson(raw().get(BLOB + "?namespace=/global/scids/S&name=a.json").then().statusCode(400).extract().asString(),
                problem(400, "InvalidPath", "Invalid path", "A blob name ends with its type: ,binary, ,json or ,config.", BLOB));
        raw().get(BLOB + "?namespace=/global/scids/bad!scid&name=a.json,json").then().statusCode(400)
                .body("code", equalTo("InvalidScid"));
    }
}
