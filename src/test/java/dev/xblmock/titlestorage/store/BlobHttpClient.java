package dev.xblmock.titlestorage.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of one server's global Title Storage for tests that drive a child process: whole and
 * multi-block uploads, and downloads digested while they stream (never held in memory).
 */
final class BlobHttpClient {

    static final String AUTH = "XBL3.0 x=;";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;

    /** @param baseUrl e.g. http://localhost:1234 */
    BlobHttpClient(String baseUrl, String scid) {
        this.root = baseUrl + "/global/scids/" + scid;
    }

    /** The answer was not a 2xx: the server misbehaved (as opposed to an IOException: the server is gone). */
    static final class UnexpectedStatus extends RuntimeException {
        UnexpectedStatus(String what, HttpResponse<?> response) {
            super(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    record Download(int status, String etag, long size, String sha256) {
    }

    /** One PUT of the whole blob; returns its ETag. */
    String putWhole(String name, byte[] bytes) throws IOException, InterruptedException {
        HttpResponse<String> response = send(put(name, "", bytes));
        check("PUT " + name, response, 201);
        return response.headers().firstValue("ETag").orElseThrow();
    }

    /** A multi-block upload (at least two blocks); returns the ETag of the committed blob. */
    String putBlocks(String name, Iterator<byte[]> blocks) throws IOException, InterruptedException {
        String token = null;
        byte[] block = blocks.next();
        while (true) {
            boolean last = !blocks.hasNext();
            String query = (token == null ? "" : "continuationToken=" + token + "&") + "finalBlock=" + last;
            HttpResponse<String> response = send(put(name, query, block));
            check("PUT block of " + name, response, 200);
            if (last) {
                return response.headers().firstValue("ETag").orElseThrow();
            }
            token = JSON.readTree(response.body()).get("continuationToken").asString();
            block = blocks.next();
        }
    }

    /** The first block of a multi-block upload; returns the continuation token for the next. */
    String startBlocks(String name, byte[] firstBlock) throws IOException, InterruptedException {
        HttpResponse<String> response = send(put(name, "finalBlock=false", firstBlock));
        check("PUT first block of " + name, response, 200);
        return JSON.readTree(response.body()).get("continuationToken").asString();
    }

    /** GET of the blob, its bytes digested as they arrive. */
    Download get(String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(root + "/data/" + name + ",binary"))
                .header("Authorization", AUTH).timeout(Duration.ofMinutes(2)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = body.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        return new Download(response.statusCode(), response.headers().firstValue("ETag").orElse(null), size,
                HexFormat.of().formatHex(digest.digest()));
    }

    /** The whole listing of the namespace. */
    JsonNode list() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(root + "/data?maxItems=1000"))
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(30)).GET().build());
        check("GET listing", response, 200);
        return JSON.readTree(response.body());
    }

    long usedBytes() throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(root))
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(30)).GET().build());
        check("GET quota", response, 200);
        return JSON.readTree(response.body()).get("quotaInfo").get("usedBytes").asLong();
    }

    private HttpRequest put(String name, String query, byte[] body) {
        return HttpRequest.newBuilder(URI.create(root + "/data/" + name + ",binary" + (query.isEmpty() ? "" : "?" + query)))
                .header("Authorization", AUTH).header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofMinutes(2)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void check(String what, HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new UnexpectedStatus(what, response);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }
}
