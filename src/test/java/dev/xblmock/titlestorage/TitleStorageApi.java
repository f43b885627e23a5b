package dev.xblmock.titlestorage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Pattern;

import dev.xblmock.testsupport.ApiIT;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Helpers shared by the Title Storage black-box tests: namespace URLs, raw requests (URL encoding off, so
 * each test controls the exact path and query on the wire), random binary bodies and problem assertions.
 */
abstract class TitleStorageApi extends ApiIT {

    static final String SCID = "MockScid";
    static final Pattern ETAG = Pattern.compile("0x[0-9A-F]{15}");
    static final String PROBLEM_JSON = "application/problem+json";
    static final String JSON = "application/json";
    static final String OCTETS = "application/octet-stream";
    static final String EMPTY_LISTING = "{\"blobs\":[],\"pagingInfo\":{\"totalItems\":0,\"continuationToken\":null}}";

    static String global() {
        return "/global/scids/" + SCID;
    }

    static String user(String root, String xuid) {
        return "/" + root + "/users/xuid(" + xuid + ")/scids/" + SCID;
    }

    static String trusted(String xuid) {
        return user("trustedplatform", xuid);
    }

    static String session(String sessionId) {
        return "/sessions/" + sessionId + "/scids/" + SCID;
    }

    /** The placeholder-authorised request of an anonymous client, sent exactly as written. */
    RequestSpecification raw() {
        return anonymous().urlEncodingEnabled(false);
    }

    Response put(String url, byte[] body) {
        return put(raw(), url, body);
    }

    static Response put(RequestSpecification request, String url, byte[] body) {
        return request.contentType(OCTETS).body(body).put(url);
    }

    Response get(String url) {
        return raw().get(url);
    }

    Response delete(String url) {
        return raw().delete(url);
    }

    /** Uploads a whole blob and returns its ETag (asserting the 201). */
    String upload(String url, byte[] body) {
        Response response = put(url, body);
        assertThat(response.statusCode()).as("upload of %s: %s", url, response.asString()).isEqualTo(201);
        return etagOf(response);
    }

    static String etagOf(Response response) {
        String etag = response.header("ETag");
        assertThat(etag).as("ETag header").isNotNull().matches(ETAG);
        return etag;
    }

    /** ETags are hex numbers of equal width, so "greater" is an unsigned comparison of their values. */
    static long etagValue(String etag) {
        return Long.parseUnsignedLong(etag.substring(2), 16);
    }

    /** Random bytes that always include 0x00 and 0xFF (bodies are raw bytes of any value). */
    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        if (length >= 2) {
            bytes[0] = 0x00;
            bytes[length - 1] = (byte) 0xFF;
        }
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes a query value (spaces as %20, as XSAPI does). */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The listing of one namespace path with the given exact query, as a JSON string. */
    String listing(String url) {
        Response response = get(url);
        assertThat(response.statusCode()).as("listing %s: %s", url, response.asString()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(JSON);
        return response.asString();
    }

    static String entry(String fileName, String etag, long size) {
        return "{\"fileName\":\"" + fileName + "\",\"etag\":\"" + etag + "\",\"size\":" + size + "}";
    }

    static String page(int totalItems, String token, String... entries) {
        return "{\"blobs\":[" + String.join(",", entries) + "],\"pagingInfo\":{\"totalItems\":" + totalItems
                + ",\"continuationToken\":" + (token == null ? "null" : "\"" + token + "\"") + "}}";
    }
}
