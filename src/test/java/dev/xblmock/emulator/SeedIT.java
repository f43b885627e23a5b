package dev.xblmock.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

class SeedIT extends ApiIT {

    static final String SCID = "00000000-0000-0000-0000-000066591171";
    static final String XUID = "2533274792693551";
    static final byte[] BINARY = {0x00, (byte) 0xFF, 0x10, 0x7F, (byte) 0x80, 0x0A};

    private RequestSpecification raw() {
        return bare().urlEncodingEnabled(false).header("Authorization", PLACEHOLDER_AUTH);
    }

    private Response seed(String contentType, String manifest) {
        return bare().contentType(contentType).body(manifest.getBytes(StandardCharsets.UTF_8)).post("/_emulator/seed");
    }

    private void assertSeedRejected(String contentType, String manifest, String detail) {
        String body = seed(contentType, manifest).then().statusCode(400).contentType("application/problem+json")
                .extract().asString();
        Json.assertJson(body, Json.problem(400, "InvalidSeed", "Invalid seed manifest", detail, "/_emulator/seed"));
    }

    private byte[] download(String path) {
        return raw().get(path).then().statusCode(200).extract().asByteArray();
    }

    private static final String JSON_MANIFEST = """
            {"users":[{"xuid":"2533274792693551","gamertag":"WarriorSaint"}],
             "titles":[{"titleId":"1717113201","scid":"00000000-0000-0000-0000-000066591171"}],
             "groups":[{"name":"Hero","scid":"00000000-0000-0000-0000-000066591171",
                        "stats":[{"name":"Wins","properties":{"Ordinal":1,"DisplayName":"Wins"}},{"name":"Kills"}]}],
             "blobs":[
              {"storage":"global","scid":"00000000-0000-0000-0000-000066591171","path":"maps/arena.json","type":"json",
               "json":{ "arena" : "dunes", "size": 1.50, "tags":["a", "b"] },"displayName":"Arena",
               "clientFileTime":"2024-01-01T00:00:00Z"},
              {"storage":"global","scid":"00000000-0000-0000-0000-000066591171","path":"settings.cfg","type":"config",
               "text":"{\\"motd\\": \\"hello\\"}"},
              {"storage":"global","scid":"00000000-0000-0000-0000-000066591171","path":"raw.bin","type":"binary",
               "base64":"AP8Qf4AK"},
              {"storage":"trustedplatform","scid":"00000000-0000-0000-0000-000066591171","owner":"2533274792693551",
               "path":"saves/slot1.sav","type":"binary","text":"trusted ☃"},
              {"storage":"universalplatform","scid":"00000000-0000-0000-0000-000066591171","owner":2533274792693551,
               "path":"slot.json","type":"json","json":"just a string"},
              {"storage":"untrustedplatform","scid":"00000000-0000-0000-0000-000066591171","owner":"0002533274792693551",
               "path":"u.bin","type":"binary","base64":""},
              {"storage":"json","scid":"00000000-0000-0000-0000-000066591171","owner":"2533274792693551",
               "path":"profile.json","type":"json","json":{"level":3}},
              {"storage":"sessions","scid":"00000000-0000-0000-0000-000066591171","owner":"Template~Session",
               "path":"lobby/state.json","type":"json","text":"{ \\"open\\" : true }"}],
             "stats":[{"xuid":"2533274792693551","scid":"00000000-0000-0000-0000-000066591171",
                       "stats":{"OverallReputation":{"type":"Integer","value":"66"}}}]}
            """;

    @Test
    void aJsonManifestSeedsEveryStorageKindAndInlineForm() {
        seed("application/json", JSON_MANIFEST).then().statusCode(200).contentType("application/json")
                .body(equalTo("{\"users\":1,\"titles\":1,\"groups\":1,\"blobs\":8,\"stats\":1}"));
        String global = "/global/scids/" + SCID;
        assertThat(new String(download(global + "/data/maps/arena.json,json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"arena\":\"dunes\",\"size\":1.50,\"tags\":[\"a\",\"b\"]}");
        assertThat(new String(download(global + "/data/settings.cfg,config"), StandardCharsets.UTF_8))
                .isEqualTo("{\"motd\": \"hello\"}");
        assertThat(download(global + "/data/raw.bin,binary")).isEqualTo(BINARY);
        assertThat(new String(download("/trustedplatform/users/xuid(" + XUID + ")/scids/" + SCID
                + "/data/saves/slot1.sav,binary"), StandardCharsets.UTF_8)).isEqualTo("trusted ☃");
        assertThat(new String(download("/universalplatform/users/xuid(" + XUID + ")/scids/" + SCID
                + "/data/slot.json,json"), StandardCharsets.UTF_8)).isEqualTo("\"just a string\"");
        assertThat(download("/untrustedplatform/users/xuid(" + XUID + ")/scids/" + SCID + "/data/u.bin,binary"))
                .isEmpty();
        assertThat(new String(download("/json/users/xuid(" + XUID + ")/scids/" + SCID + "/data/profile.json,json"),
                StandardCharsets.UTF_8)).isEqualTo("{\"level\":3}");
        assertThat(new String(download("/sessions/Template~Session/scids/" + SCID + "/data/lobby/state.json,json"),
                StandardCharsets.UTF_8)).isEqualTo("{ \"open\" : true }");

        String listing = raw().get(global + "/data/maps").then().statusCode(200).extract().asString();
        String etag = Json.parse(listing).at("/blobs/0/etag").asString();
        Json.assertJson(listing, "{\"blobs\":[{\"fileName\":\"maps/arena.json,json\",\"etag\":\"" + etag + "\","
                + "\"size\":46,\"clientFileTime\":\"2024-01-01T00:00:00.0000000Z\",\"displayName\":\"Arena\"}],"
                + "\"pagingInfo\":{\"totalItems\":1,\"continuationToken\":null}}");
    }

    private static final String YAML_MANIFEST = """
            # every storage kind and inline form, in YAML
            users:
              - { xuid: "2533274792693551", gamertag: "WarriorSaint" }
            titles:
              - { titleId: 1717113201, scid: "00000000-0000-0000-0000-000066591171" }
            blobs:
              - storage: global
                scid: "00000000-0000-0000-0000-000066591171"
                path: "maps/arena.json"
                type: json
                json: { arena: "dunes", rounds: 3, ratio: 0.25, on: true, nothing: null }
                displayName: "Arena"
                clientFileTime: "Thu, 01 Jan 1970 00:00:01 GMT"
              - storage: global
                scid: "00000000-0000-0000-0000-000066591171"
                path: "cards.json"
                type: config
                json:
                  cards:
                    _virtualNode: { _selectBy: titleId, _sourceNodes: [ { _selector: default, _data: 1 } ] }
              - storage: trustedplatform
                scid: "00000000-0000-0000-0000-000066591171"
                owner: 2533274792693551
                path: "a.bin"
                type: binary
                base64: |
                  AP8Q
                  f4AK
              - storage: universalplatform
                scid: "00000000-0000-0000-0000-000066591171"
                owner: "2533274792693551"
                path: "notes.txt"
                type: binary
                text: |
                  line one
                  line two
              - { storage: untrustedplatform, scid: "S", owner: "1", path: "x.json", type: json, text: "{}" }
              - { storage: json, scid: "S", owner: "1", path: "y.json", type: json, json: { a: [1, 2] } }
              - { storage: sessions, scid: "S", owner: "s1", path: "z.bin", type: binary, base64: "" }
            stats:
              - xuid: "2533274792693551"
                scid: "7492baca-c1b4-440d-a391-b7ef364a8d40"
                stats: { OverallReputation: { type: Integer, value: 66 } }
            """;

    @Test
    void aYamlManifestSeedsEveryStorageKindAndInlineForm() {
        seed("application/yaml", YAML_MANIFEST).then().statusCode(200)
                .body(equalTo("{\"users\":1,\"titles\":1,\"groups\":0,\"blobs\":7,\"stats\":1}"));
        String global = "/global/scids/" + SCID;
        assertThat(new String(download(global + "/data/maps/arena.json,json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"arena\":\"dunes\",\"rounds\":3,\"ratio\":0.25,\"on\":true,\"nothing\":null}");
        assertThat(download("/trustedplatform/users/xuid(" + XUID + ")/scids/" + SCID + "/data/a.bin,binary"))
                .isEqualTo(BINARY);
        assertThat(new String(download("/universalplatform/users/xuid(" + XUID + ")/scids/" + SCID
                + "/data/notes.txt,binary"), StandardCharsets.UTF_8)).isEqualTo("line one\nline two\n");
        assertThat(new String(download("/untrustedplatform/users/xuid(1)/scids/S/data/x.json,json"),
                StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(new String(download("/json/users/xuid(1)/scids/S/data/y.json,json"), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":[1,2]}");
        assertThat(download("/sessions/s1/scids/S/data/z.bin,binary")).isEmpty();
        assertThat(new String(download(global + "/data/cards.json,config"), StandardCharsets.UTF_8)).contains("cards");
        raw().get(global + "/data/maps").then().statusCode(200)
                .body("blobs[0].clientFileTime", equalTo("1970-01-01T00:00:01.0000000Z"));
    }

    @Test
    void aPostedSeedMergesBlobsReplacedByKey() {
        String path = "/global/scids/S/data/a.bin,binary";
        seed("application/json", "{\"blobs\":[{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"a.bin\",\"type\":\"binary\","
                + "\"text\":\"one\"},{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"b.bin\",\"type\":\"binary\","
                + "\"text\":\"keep\"}]}").then().statusCode(200);
        String firstEtag = raw().get(path).then().extract().header("ETag");
        seed("application/json", "{\"blobs\":[{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"a.bin\",\"type\":\"binary\","
                + "\"text\":\"two\"}]}").then().statusCode(200)
                .body(equalTo("{\"users\":0,\"titles\":0,\"groups\":0,\"blobs\":1,\"stats\":0}"));
        Response second = raw().get(path);
        second.then().statusCode(200).body(equalTo("two"));
        assertThat(Long.decode(second.getHeader("ETag"))).isGreaterThan(Long.decode(firstEtag));
        raw().get("/global/scids/S/data/b.bin,binary").then().statusCode(200).body(equalTo("keep"));
    }

    @Test
    void anEmptyManifestIsValid() {
        seed("application/json", "{}").then().statusCode(200)
                .body(equalTo("{\"users\":0,\"titles\":0,\"groups\":0,\"blobs\":0,\"stats\":0}"));
        seed("application/yaml", "blobs: []\n").then().statusCode(200)
                .body(equalTo("{\"users\":0,\"titles\":0,\"groups\":0,\"blobs\":0,\"stats\":0}"));
    }

    private void assertNothingApplied() {
        raw().get("/global/scids/S/data").then().statusCode(200).body("blobs.size()", equalTo(0));
    }

    @Test
    void aManifestWithOneBadEntryIsRejectedWholeAndNothingIsApplied() {
        assertSeedRejected("application/json", "{\"blobs\":["
                        + "{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"ok1.bin\",\"type\":\"binary\",\"text\":\"1\"},"
                        + "{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"ok2.bin\",\"type\":\"binary\",\"text\":\"2\"},"
                        + "{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"bad/x.bin.\",\"type\":\"binary\",\"text\":\"3\"}]}",
                "Member 'blobs[2].path': pathAndFileName 'bad/x.bin.' ends with '.' at position 10; a file name must "
                        + "not end with '.'.");
        assertNothingApplied();
    }

    @Test
    void aBadBlobContentFoundWhileStagingStillRejectsTheWholeManifest() {
        assertSeedRejected("application/yaml", """
                        blobs:
                          - { storage: global, scid: S, path: ok.bin, type: binary, text: fine }
                          - { storage: global, scid: S, path: list.json, type: json, json: [1, 2] }
                        """,
                "Member 'blobs[1].json': The root of the document is an array; it must be an object or a scalar value.");
        assertNothingApplied();
    }

    @Test
    void invalidEntriesAre400NamingTheEntryAndTheRule() {
        String blob = "{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"a.bin\",\"type\":\"binary\",\"text\":\"x\"";
        String[][] cases = {
                {"[]", "The body must be a JSON object / YAML mapping (a seed manifest)."},
                {"{\"blob\":[]}", "Unknown member 'blob'; allowed: users, titles, groups, blobs, stats."},
                {"{\"blobs\":{}}", "Member 'blobs' must be a list."},
                {"{\"blobs\":[7]}", "'blobs[0]' must be an object {storage, scid, owner?, path, type, "
                        + "json|text|base64|file, displayName?, clientFileTime?}."},
                {"{\"blobs\":[" + blob.replace("global", "cloud") + "}]}", "Member 'blobs[0].storage' must be one of "
                        + "global, trustedplatform, universalplatform, untrustedplatform, json, sessions."},
                {"{\"blobs\":[" + blob.replace("\"S\"", "\"S!\"") + "}]}", "Member 'blobs[0].scid': scid 'S!' contains "
                        + "'!' at position 2; only letters, digits, '_' and '-' are allowed."},
                {"{\"blobs\":[" + blob + ",\"owner\":\"1\"}]}",
                        "Member 'blobs[0].owner' must be absent for global storage (the title owns it)."},
                {"{\"blobs\":[" + blob.replace("global", "json").replace("binary", "json") + "}]}",
                        "Member 'blobs[0].owner' is required for json storage: the owner's xuid."},
                {"{\"blobs\":[" + blob.replace("global", "trustedplatform") + ",\"owner\":\"x1\"}]}",
                        "Member 'blobs[0].owner': owner 'x1' must be an unsigned 64-bit decimal number of 1 to 20 digits."},
                {"{\"blobs\":[" + blob.replace("global", "sessions") + ",\"owner\":\"a b\"}]}",
                        "Member 'blobs[0].owner': sessionId 'a b' contains U+0020 at position 2; only letters, digits, "
                                + "'_', '.', '~' and '-' are allowed."},
                {"{\"blobs\":[" + blob.replace("binary", "BINARY") + "}]}",
                        "Member 'blobs[0].type' must be binary, json or config (lower case)."},
                {"{\"blobs\":[" + blob.replace("global", "json").replace("binary", "config") + ",\"owner\":\"1\"}]}",
                        "Member 'blobs[0].type' 'config' is not allowed in json storage (allowed: json)."},
                {"{\"blobs\":[" + blob.replace("a.bin", "a..bin") + "}]}",
                        "Member 'blobs[0].path': pathAndFileName 'a..bin' contains '..' at position 2; a file name must not "
                                + "contain '..'."},
                {"{\"blobs\":[" + blob + ",\"base64\":\"AA==\"}]}",
                        "Entry 'blobs[0]' must have exactly one of json, text, base64, file; it has text and base64."},
                {"{\"blobs\":[{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"a.bin\",\"type\":\"binary\"}]}",
                        "Entry 'blobs[0]' must have exactly one of json, text, base64, file; it has none."},
                {"{\"blobs\":[" + blob.replace("\"text\":\"x\"", "\"base64\":\"A*==\"") + "}]}",
                        "Member 'blobs[0].base64' is not valid base64 (RFC 4648, '+' and '/', padding optional)."},
                {"{\"blobs\":[" + blob + ",\"file\":\"a.bin\"}]}",
                        "Entry 'blobs[0]' must have exactly one of json, text, base64, file; it has text and file."},
                {"{\"blobs\":[" + blob.replace("\"text\":\"x\"", "\"file\":\"a.bin\"") + "}]}",
                        "Member 'blobs[0].file' is only allowed in a manifest read from a file (xblmock.seed); "
                                + "a posted manifest carries its content inline as json, text or base64."},
                {"{\"blobs\":[" + blob + ",\"displayName\":\"" + "n".repeat(129) + "\"}]}",
                        "Member 'blobs[0].displayName': displayName is 129 characters long; at most 128 are allowed."},
                {"{\"blobs\":[" + blob + ",\"clientFileTime\":\"yesterday\"}]}",
                        "Member 'blobs[0].clientFileTime' must be RFC 1123 (e.g. 'Thu, 01 Jan 1970 00:00:01 GMT') or "
                                + "ISO 8601 with a zone (e.g. '2024-01-01T00:00:00Z')."},
                {"{\"blobs\":[" + blob + ",\"size\":1}]}", "Unknown member 'blobs[0].size'; allowed: storage, scid, "
                        + "owner, path, type, json, text, base64, file, displayName, clientFileTime."},
                {"{\"blobs\":[" + blob + "}," + blob + "}]}",
                        "Entry 'blobs[1]' defines the same blob as 'blobs[0]'; each may appear once per manifest."},
                {"{\"blobs\":[" + blob.replace("binary", "json").replace("\"text\":\"x\"", "\"text\":\"{\\\"a\\\":\"") + "}]}",
                        "Member 'blobs[0].text': The body is not well-formed JSON at line 1, column 6: Unexpected end-of-input "
                                + "within/between Object entries."},
                {"{\"blobs\":[" + blob.replace("binary", "json").replace("\"text\":\"x\"",
                        "\"json\":{\"deep\":{\"s\":\"" + "x".repeat(1025) + "\"}}") + "}]}",
                        "Member 'blobs[0].json': The string at /deep/s is 1025 characters long; at most 1024 are allowed."},
                {"{\"users\":[{\"xuid\":\"1\"}]}", "Member 'users[0].gamertag' is required."},
                {"{\"users\":[{\"xuid\":\"1\",\"gamertag\":\"g\"},{\"xuid\":\"01\",\"gamertag\":\"h\"}]}",
                        "Entry 'users[1]' defines the same user as 'users[0]'; each may appear once per manifest."},
                {"{\"titles\":[{\"titleId\":\"0x1\",\"scid\":\"S\"}]}",
                        "Member 'titles[0].titleId': titleId '0x1' must be a title id: an unsigned 32-bit decimal number "
                                + "(at most 4294967295)."},
                {"{\"groups\":[{\"name\":\"G\",\"scid\":\"S\"}]}",
                        "Member 'groups[0].stats' is required: a list of {name, properties?}."},
                {"{\"groups\":[{\"name\":\"G\",\"scid\":\"S\",\"stats\":[{\"name\":\"a b\"}]}]}",
                        "Member 'groups[0].stats[0].name': stat name 'a b' contains U+0020 at position 2; only letters, "
                                + "digits, '_', '.' and '-' are allowed."},
                {"{\"stats\":[{\"xuid\":\"1\",\"scid\":\"S\",\"stats\":{\"A\":{\"type\":\"Long\",\"value\":\"1\"}}}]}",
                        "stats[0].stats.A.type 'Long' is not a stat type; use \"Integer\", \"Double\" or \"String\" "
                                + "(case-sensitive)."},
                {"{\"users\":[{\"xuid\":\"1\",\"gamertag\":\"\"}]}", "Member 'users[0].gamertag' must have 1 to 64 characters; it has 0."},
                {"{\"stats\":[{\"xuid\":\"1\",\"scid\":\"S\"}]}", "Member 'stats[0].stats' is required: an object "
                        + "mapping stat names to {type, value, valuemetadata?, properties?}."},
        };
        for (String[] c : cases) {
            assertSeedRejected("application/json", c[0], c[1]);
        }
        assertNothingApplied();
    }

    @Test
    void syntaxErrorsNameTheLineAndColumn() {
        String body = seed("application/yaml", "blobs:\n  - { storage: global\n").then().statusCode(400)
                .extract().asString();
        assertThat(Json.parse(body).get("code").asString()).isEqualTo("InvalidSeed");
        assertThat(Json.parse(body).get("detail").asString()).startsWith("The manifest is not valid YAML at line ");
        String json = seed("application/json", "{\"blobs\": [}").then().statusCode(400).extract().asString();
        assertThat(Json.parse(json).get("detail").asString()).startsWith("The manifest is not valid JSON at line 1, column ");
        String duplicate = seed("application/json", "{\"blobs\":[],\"blobs\":[]}").then().statusCode(400).extract().asString();
        assertThat(Json.parse(duplicate).get("detail").asString()).contains("Duplicate").contains("blobs");
    }

    @Test
    void otherMediaTypesAre415() {
        String body = bare().contentType("text/plain").body("{}").post("/_emulator/seed").then().statusCode(415)
                .extract().asString();
        Json.assertJson(body, Json.problem(415, "UnsupportedMediaType", "Unsupported media type",
                "Content-Type text/plain is not a seed manifest type; send application/json or application/yaml.",
                "/_emulator/seed"));
    }

    private static final String STATS_MANIFEST = """
            users:
              - { xuid: "2533274905367855", gamertag: "Survivor" }
            titles:
              - { titleId: "0983730484", scid: "c1000100-ccd3-4685-bb6c-83ca3aa28934" }
            groups:
              - name: Hero
                scid: "c1000100-ccd3-4685-bb6c-83ca3aa28934"
                stats:
                  - { name: CreatureTamed, properties: { Ordinal: 3, DisplayName: "Creatures Tamed" } }
                  - { name: PlayerDied }
            stats:
              - xuid: 2533274905367855
                scid: "c1000100-ccd3-4685-bb6c-83ca3aa28934"
                stats:
                  MinutesPlayed: { type: Integer, value: 205763 }
                  CreatureTamed: { type: Integer, value: "12", valuemetadata: { tamed: [ rex ] },
                                   properties: { DisplayName: "Creatures Tamed", Ordinal: 1 } }
                  Accuracy: { type: Double, value: 0.50 }
            """;

    private RequestSpecification stats(int version) {
        return bare().header("Authorization", PLACEHOLDER_AUTH).header("x-xbl-contract-version", version);
    }

    @Test
    void usersTitlesGroupsAndStatsReachUserStatistics() {
        seed("application/yaml", STATS_MANIFEST).then().statusCode(200)
                .body(equalTo("{\"users\":1,\"titles\":1,\"groups\":1,\"blobs\":0,\"stats\":1}"));
        Json.assertJson(stats(1).urlEncodingEnabled(false)
                .get("/users/xuid(2533274905367855)/scids/c1000100-ccd3-4685-bb6c-83ca3aa28934/stats")
                .then().statusCode(200).extract().asString(), """
                {"xuid":"2533274905367855","gamertag":"Survivor","scids":[{"scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934",
                 "stats":[{"statname":"MinutesPlayed","type":"Integer","value":"205763"},
                          {"statname":"CreatureTamed","type":"Integer","value":"12"},
                          {"statname":"Accuracy","type":"Double","value":"0.50"}]}]}""");
        // the title resolves to its scid, the group and the stat carry their properties as strings, valuemetadata is
        // compact JSON
        Json.assertJson(stats(3).contentType("application/json").body("""
                {"arrangebyfield":"xuid","xuids":["2533274905367855"],
                 "groups":[{"name":"Hero","titleId":"983730484"}]}""")
                .post("/batch?include=valuemetadata").then().statusCode(200).extract().asString(), """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[]}],
                 "groups":[{"name":"Hero","titleid":"983730484","statlistscollection":[
                   {"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                     {"groupproperties":{"Ordinal":"3","DisplayName":"Creatures Tamed"},
                      "xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"CreatureTamed",
                      "type":"Integer","value":"12","valuemetadata":"{\\"tamed\\":[\\"rex\\"]}",
                      "properties":{"DisplayName":"Creatures Tamed","Ordinal":"1"}}]}]}]}""");
        Json.assertJson(stats(2).urlEncodingEnabled(false)
                .get("/users/xuid(2533274905367855)/scids/c1000100-ccd3-4685-bb6c-83ca3aa28934/stats/CreatureTamed,Accuracy")
                .then().statusCode(200).extract().asString(), """
                {"statlistscollection":[{"arrangebyfield":"xuid","arrangebyfieldid":"2533274905367855","stats":[
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"CreatureTamed",
                   "type":"Integer","value":"12","properties":{"DisplayName":"Creatures Tamed","Ordinal":"1"}},
                  {"xuid":"2533274905367855","scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934","name":"Accuracy",
                   "type":"Double","value":"0.50","properties":{}}]}]}""");
    }

    @Test
    void aPostedSeedMergesStatsIntoWhatTheUserHas() {
        seed("application/yaml", STATS_MANIFEST).then().statusCode(200);
        seed("application/json", "{\"stats\":[{\"xuid\":\"2533274905367855\",\"scid\":\"c1000100-ccd3-4685-bb6c-83ca3aa28934\","
                + "\"stats\":{\"MinutesPlayed\":{\"type\":\"Integer\",\"value\":\"1\"},"
                + "\"Level\":{\"type\":\"String\",\"value\":\"gold\"}}}]}").then().statusCode(200)
                .body(equalTo("{\"users\":0,\"titles\":0,\"groups\":0,\"blobs\":0,\"stats\":1}"));
        Json.assertJson(stats(1).urlEncodingEnabled(false)
                .get("/users/xuid(2533274905367855)/scids/c1000100-ccd3-4685-bb6c-83ca3aa28934/stats")
                .then().statusCode(200).extract().asString(), """
                {"xuid":"2533274905367855","gamertag":"Survivor","scids":[{"scid":"c1000100-ccd3-4685-bb6c-83ca3aa28934",
                 "stats":[{"statname":"MinutesPlayed","type":"Integer","value":"1"},
                          {"statname":"CreatureTamed","type":"Integer","value":"12"},
                          {"statname":"Accuracy","type":"Double","value":"0.50"},
                          {"statname":"Level","type":"String","value":"gold"}]}]}""");
    }

    @Test
    void aBadStatRejectsUsersTitlesAndBlobsOfTheSameManifest() {
        assertSeedRejected("application/yaml", """
                        users: [ { xuid: "77", gamertag: "Nobody" } ]
                        titles: [ { titleId: "5", scid: "S" } ]
                        blobs: [ { storage: global, scid: S, path: a.bin, type: binary, text: x } ]
                        stats:
                          - { xuid: "77", scid: S, stats: { Good: { type: Integer, value: 1 } } }
                          - { xuid: "77", scid: S, stats: { Bad: { type: Integer, value: "1.5" } } }
                        """, "stats[1].stats.Bad.value '1.5' is invalid: a stat of type Integer needs a signed 64-bit integer in "
                        + "decimal digits.");
        Json.assertJson(stats(1).urlEncodingEnabled(false).get("/users/xuid(77)/scids/S/stats")
                .then().statusCode(200).extract().asString(), "{\"xuid\":\"77\",\"scids\":[{\"scid\":\"S\",\"stats\":[]}]}");
        stats(2).contentType("application/json").body("{\"xuids\":[\"77\"],\"stats\":[{\"name\":\"Good\",\"titleId\":\"5\"}]}")
                .post("/batch").then().statusCode(400).body("code", equalTo("UnknownTitle"));
        assertNothingApplied();
    }

    @Test
    void base64AcceptsLineBreaks() {
        seed("application/json", "{\"blobs\":[{\"storage\":\"global\",\"scid\":\"S\",\"path\":\"b.bin\","
                + "\"type\":\"binary\",\"base64\":\"" + Base64.getEncoder().encodeToString(BINARY).substring(0, 4)
                + "\\n" + Base64.getEncoder().encodeToString(BINARY).substring(4) + "\"}]}").then().statusCode(200);
        assertThat(download("/global/scids/S/data/b.bin,binary")).isEqualTo(BINARY);
    }
}
