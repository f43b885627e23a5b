package com.example.savegame;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The game's save-game code: uploads and downloads a player's saves in Xbox Live Title Storage and reads
 * their stats from User Statistics. A 5xx is retried (after {@code Retry-After}) up to three attempts.
 */
public class SaveGameClient {

    private static final int ATTEMPTS = 3;
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final String authorization;
    private final String scid;
    private final String xuid;

    /**
     * @param baseUrl       the Xbox Live endpoint (in production the real services; in tests xblmock)
     * @param authorization the signed-in user's {@code Authorization} header, {@code XBL3.0 x=<hash>;<token>}
     */
    public SaveGameClient(URI baseUrl, String authorization, String scid, String xuid) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.scid = scid;
        this.xuid = xuid;
    }

    public void upload(String slot, byte[] save) {
        HttpResponse<byte[]> response = send(request(savePath(slot))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(save)).build());
        if (response.statusCode() != 201) {
            throw new SaveGameException("Uploading save " + slot + " failed", response.statusCode());
        }
    }

    /** The save, or empty when the player has none in this slot. */
    public Optional<byte[]> download(String slot) {
        HttpResponse<byte[]> response = send(request(savePath(slot)).GET().build());
        return switch (response.statusCode()) {
            case 200 -> Optional.of(response.body());
            case 404 -> Optional.empty();
            default -> throw new SaveGameException("Downloading save " + slot + " failed", response.statusCode());
        };
    }

    /** An integer stat of the player, or empty when they do not have it. */
    public Optional<Long> stat(String name) {
        HttpResponse<byte[]> response = send(request("/users/xuid(" + xuid + ")/scids/" + scid + "/stats/" + name)
                .header("x-xbl-contract-version", "1").GET().build());
        if (response.statusCode() != 200) {
            throw new SaveGameException("Reading stat " + name + " failed", response.statusCode());
        }
        Matcher value = VALUE.matcher(new String(response.body(), StandardCharsets.UTF_8));
        return value.find() ? Optional.of(Long.parseLong(value.group(1))) : Optional.empty();
    }

    private String savePath(String slot) {
        return "/trustedplatform/users/xuid(" + xuid + ")/scids/" + scid + "/data/saves/" + slot + ",binary";
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization);
    }

    private HttpResponse<byte[]> send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = null;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() < 500) {
                    return response;
                }
                long retryAfter = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Duration.ofSeconds(Math.min(retryAfter, 5)).toMillis());
            }
            return response;
        } catch (IOException e) {
            throw new SaveGameException("Xbox Live is unreachable: " + e.getMessage(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SaveGameException("Interrupted", 0);
        }
    }
}
