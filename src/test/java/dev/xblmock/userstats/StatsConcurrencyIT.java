package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writers rewrite whole (user, scid) stat sets through the control plane while readers run v1 and v2
 * batches: every answer must be a complete document in which each (user, scid) shows one generation only
 * (all ten stats carry the same value) and generations never go backwards.
 */
class StatsConcurrencyIT extends StatsApiIT {

    private static final int USERS = 4;
    private static final String[] SCIDS = {"scid-a", "scid-b"};
    private static final int STATS = 10;
    private static final int WRITES_PER_WRITER = 150;
    private static final int BATCHES_PER_READER = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readersNeverSeeATornDocument() throws Exception {
        for (int u = 0; u < USERS; u++) {
            for (String scid : SCIDS) {
                write(u, scid, 0);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            // each writer owns one scid for every user, so each (user, scid) has a single increasing generation
            for (String scid : SCIDS) {
                tasks.add(pool.submit(() -> {
                    for (int g = 1; g <= WRITES_PER_WRITER; g++) {
                        write(g % USERS, scid, g);
                    }
                    return null;
                }));
            }
            AtomicInteger documents = new AtomicInteger();
            for (int reader = 0; reader < 4; reader++) {
                boolean v2 = reader % 2 == 1;
                tasks.add(pool.submit(() -> {
                    Map<String, Integer> lastSeen = new HashMap<>();
                    for (int i = 0; i < BATCHES_PER_READER; i++) {
                        checkDocument(v2 ? readV2() : readV1(), v2, lastSeen);
                        documents.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get(5, TimeUnit.MINUTES); // rethrows any assertion failure or exception of a thread
            }
            assertThat(documents.get()).isEqualTo(4 * BATCHES_PER_READER);
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(int user, String scid, int generation) throws Exception {
        String stats = IntStream.range(0, STATS)
                .mapToObj(s -> "\"S" + s + "\":{\"type\":\"Integer\",\"value\":\"" + generation + "\"}")
                .collect(Collectors.joining(","));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/_emulator/stats/users/" + (1000 + user) + "/scids/" + scid))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"stats\":{" + stats + "}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private String readV1() throws Exception {
        String users = IntStream.range(0, USERS).mapToObj(u -> "\"" + (1000 + u) + "\"").collect(Collectors.joining(","));
        String names = IntStream.range(0, STATS).mapToObj(s -> "\"S" + s + "\"").collect(Collectors.joining(","));
        String scids = List.of(SCIDS).stream().map(scid -> "{\"scid\":\"" + scid + "\",\"requestedstats\":[" + names + "]}")
                .collect(Collectors.joining(","));
        return post(1, "{\"requestedusers\":[" + users + "],\"requestedscids\":[" + scids + "]}");
    }

    private String readV2() throws Exception {
        String xuids = IntStream.range(0, USERS).mapToObj(u -> String.valueOf(1000 + u)).collect(Collectors.joining(","));
        String stats = List.of(SCIDS).stream().flatMap(scid -> IntStream.range(0, STATS)
                        .mapToObj(s -> "{\"name\":\"S" + s + "\",\"scid\":\"" + scid + "\"}"))
                .collect(Collectors.joining(","));
        return post(2, "{\"xuids\":[" + xuids + "],\"stats\":[" + stats + "]}");
    }

    private String post(int version, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/batch?operation=read"))
                .header("Authorization", PLACEHOLDER_AUTH).header("x-xbl-contract-version", String.valueOf(version))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** Parses the whole document (a torn or truncated one fails here) and checks one generation per (user, scid). */
    private static void checkDocument(String body, boolean v2, Map<String, Integer> lastSeen) {
        JsonNode root = JSON.readTree(body);
        Map<String, List<String>> valuesByUserScid = new HashMap<>();
        if (v2) {
            assertThat(root.get("statlistscollection").size()).isEqualTo(USERS);
            for (JsonNode list : root.get("statlistscollection")) {
                for (JsonNode stat : list.get("stats")) {
                    valuesByUserScid.computeIfAbsent(stat.get("xuid").asString() + "/" + stat.get("scid").asString(),
                            k -> new ArrayList<>()).add(stat.get("value").asString());
                }
            }
        } else {
            assertThat(root.get("users").size()).isEqualTo(USERS);
            for (JsonNode user : root.get("users")) {
                assertThat(user.get("scids").size()).isEqualTo(SCIDS.length);
                for (JsonNode scid : user.get("scids")) {
                    List<String> values = valuesByUserScid.computeIfAbsent(
                            user.get("xuid").asString() + "/" + scid.get("scid").asString(), k -> new ArrayList<>());
                    scid.get("stats").forEach(stat -> values.add(stat.get("value").asString()));
                }
            }
        }
        assertThat(valuesByUserScid).hasSize(USERS * SCIDS.length);
        valuesByUserScid.forEach((key, values) -> {
            assertThat(values).as(key).hasSize(STATS);
            assertThat(values.stream().distinct()).as("one generation in %s: %s", key, values).hasSize(1);
            int generation = Integer.parseInt(values.get(0));
            Integer previous = lastSeen.put(key, generation);
            assertThat(generation).as("generation of %s never goes back", key).isGreaterThanOrEqualTo(previous == null ? 0 : previous);
        });
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }
}
