package dev.xblmock.titlestorage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/** SPEC 3.3 select, 3.8 config virtual nodes and their SPEC 7 rules, over HTTP. */
class SelectAndConfigIT extends ApiIT {

    private static final String SAVE = "/trustedplatform/users/xuid(2533274792693551)/scids/MockScid/data/saves/slot1.json,json";
    private static final String CONFIG = "/global/scids/MockScid/data/settings/cards.json,config";
    private static final String SAVE_JSON = "{\"weapon\":{\"name\":\"poison\"},\"level\":[{\"quest\":\"a\"},{\"quest\":\"b\"}]}";
    private static final String CONFIG_JSON = """
            {"cards":{"defaultCard":{"_virtualNode":{"_selectBy":"locale","_sourceNodes":[\
            {"_selector":"en-US","_data":"hello"},{"_selector":"default","_data":"hi"}]}}},\
            "theme":{"_virtualNode":{"_selectBy":"titleId","_sourceNodes":[{"_selector":"1717113201","_data":{"color":"red"}}]}},\
            "promo":{"_virtualNode":{"_selectBy":"custom:region","_sourceNodes":[{"_selector":"eu","_data":1},{"_selector":"default","_data":0}]}}}""";

    private void put(String path, String body) {
        anonymous().body(body).put(path).then().statusCode(201);
    }

    @Test
    void selectReturnsTheLastPropertyAsTheOnlyMember() {
        put(SAVE, SAVE_JSON);
        anonymous().queryParam("select", "weapon.name").get(SAVE)
                .then().statusCode(200).contentType("application/json").body(equalTo("{\"name\":\"poison\"}"));
        anonymous().queryParam("select", "level[1].quest").get(SAVE)
                .then().statusCode(200).body(equalTo("{\"quest\":\"b\"}"));
    }

    @Test
    void selectEndingOnAnArrayElementIsNamedAfterTheArray() {
        put(SAVE, SAVE_JSON);
        anonymous().queryParam("select", "level[0]").get(SAVE)
                .then().statusCode(200).body(equalTo("{\"level\":{\"quest\":\"a\"}}"));
    }

    @Test
    void selectIgnoresRange() {
        put(SAVE, SAVE_JSON);
        anonymous().queryParam("select", "weapon.name").header("Range", "bytes=0-1").get(SAVE)
                .then().statusCode(200).header("Content-Range", nullValue()).body(equalTo("{\"name\":\"poison\"}"));
    }

    @Test
    void selectNotFoundIs404AndMalformedIs400() {
        put(SAVE, SAVE_JSON);
        anonymous().queryParam("select", "weapon.damage").get(SAVE)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("SelectNotFound"));
        anonymous().queryParam("select", "level[9]").get(SAVE)
                .then().statusCode(404).body("code", equalTo("SelectNotFound"));
        anonymous().queryParam("select", "weapon..name").get(SAVE)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("InvalidSelect"));
    }

    @Test
    void selectOnBinaryAndCustomSelectorOnJsonAre400() {
        anonymous().body(new byte[] {1, 2}).put("/global/scids/MockScid/data/a.bin,binary").then().statusCode(201);
        anonymous().queryParam("select", "a").get("/global/scids/MockScid/data/a.bin,binary")
                .then().statusCode(400).body("code", equalTo("InvalidParameter"));
        put(SAVE, SAVE_JSON);
        anonymous().queryParam("customSelector", "region.eu").get(SAVE)
                .then().statusCode(400).body("code", equalTo("InvalidParameter"));
    }

    @Test
    void configWithoutAnySelectorUsesDefaultsAndDropsUnmatchedNodes() {
        put(CONFIG, CONFIG_JSON);
        anonymous().get(CONFIG).then().statusCode(200).contentType("application/json").body(equalTo(
                "{\"cards\":{\"defaultCard\":\"hi\"},\"promo\":0,"
                        + "\"_sourceNodes\":[\"cards.defaultCard:locale:default\",\"promo:custom:region:default\"]}"));
    }

    @Test
    void configResolvesLocaleTitleIdAndCustomSelectors() {
        put(CONFIG, CONFIG_JSON);
        bare().header("Authorization", authorization("2533274792693551", Map.of("xid", "2533274792693551", "tid", "1717113201")))
                .header("Accept-Language", "en-us,fr;q=0.5")
                .queryParam("customSelector", "region.eu")
                .get(CONFIG).then().statusCode(200).body(equalTo(
                        "{\"cards\":{\"defaultCard\":\"hello\"},\"theme\":{\"color\":\"red\"},\"promo\":1,"
                                + "\"_sourceNodes\":[\"cards.defaultCard:locale:en-US\",\"theme:titleId:1717113201\","
                                + "\"promo:custom:region:eu\"]}"));
    }

    @Test
    void configWithoutVirtualNodesIsServedByteForByte() {
        String stored = "{ \"a\" : 1,\n  \"b\": [true, null] }";
        put(CONFIG, stored);
        RequestSpecification request = anonymous();
        request.get(CONFIG).then().statusCode(200).header("Content-Length", String.valueOf(stored.length()))
                .body(equalTo(stored));
        anonymous().header("Range", "bytes=0-4").get(CONFIG).then().statusCode(206).body(equalTo("{ \"a\""));
    }

    @Test
    void malformedCustomSelectorIs400() {
        put(CONFIG, CONFIG_JSON);
        anonymous().queryParam("customSelector", "noDot").get(CONFIG)
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("InvalidParameter"));
    }
}
