package dev.xblmock.userstats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import dev.xblmock.common.identity.EmulatorTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * SPEC 4.3 with small limits: burst 3 per 15 s, sustain 5 per 300 s, per (caller, service). Time is a clock
 * that only moves when the test says so, so windows slide exactly and Retry-After is exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "xblmock.rate-limit.enabled=true",
        "xblmock.rate-limit.userstats.burst-requests=3",
        "xblmock.rate-limit.userstats.burst-period=15s",
        "xblmock.rate-limit.userstats.sustain-requests=5",
        "xblmock.rate-limit.userstats.sustain-period=300s"})
class StatsRateLimitIT extends StatsApiIT {

    private static final String READ = "/users/xuid(1)/scids/s/stats";

    /** A clock standing still until {@link #advance}d. */
    static final class ManualClock extends Clock {
        private volatile Instant now = Instant.parse("2030-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ManualTime {
        @Bean
        @Primary
        ManualClock manualClock() {
            return new ManualClock();
        }
    }

    @Autowired
    EmulatorTokens tokens;

    @Autowired
    ManualClock clock;

    @Test
    void burstThenSustainWindow() {
        for (int i = 0; i < 3; i++) {
            anonymous().get(READ).then().statusCode(200);
        }
        Response burst = anonymous().get(READ);
        burst.then().statusCode(429).contentType("application/json").header("Retry-After", equalTo("15"))
                .body(equalTo("{\"version\":1,\"currentRequests\":4,\"maxRequests\":3,\"periodInSeconds\":15,\"limitType\":\"rate\"}"));

        clock.advance(Duration.ofSeconds(10));
        anonymous().get(READ).then().statusCode(429).header("Retry-After", equalTo("5"));
        clock.advance(Duration.ofSeconds(5)); // the burst window slides past the first three
        anonymous().get(READ).then().statusCode(200);
        batch(1, "{\"requestedusers\":[1],\"requestedscids\":[{\"scid\":\"s\",\"requestedstats\":[\"a\"]}]}").then().statusCode(200);

        Response sustain = anonymous().get(READ);
        sustain.then().statusCode(429).contentType("application/json")
                .body(equalTo("{\"version\":1,\"currentRequests\":6,\"maxRequests\":5,\"periodInSeconds\":300,\"limitType\":\"rate\"}"));
        assertThat(sustain.header("Retry-After")).isEqualTo("285");
        assertThat(sustain.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void eachCallerHasItsOwnWindows() {
        for (int i = 0; i < 3; i++) {
            anonymous().get(READ).then().statusCode(200);
        }
        anonymous().get(READ).then().statusCode(429);
        String token = tokens.encode(Map.of("xid", "2533274792693551"));
        for (int i = 0; i < 3; i++) {
            bare().header("Authorization", "XBL3.0 x=hash;" + token).get(READ).then().statusCode(200);
        }
        bare().header("Authorization", "XBL3.0 x=hash;" + token).get(READ).then().statusCode(429);
    }

    @Test
    void onlyUserStatisticsReadsAreLimited() {
        for (int i = 0; i < 8; i++) {
            bare().get("/_emulator/health").then().statusCode(200);
            anonymous().get("/global/scids/s/data/a.json,json").then().statusCode(org.hamcrest.Matchers.not(429));
        }
        anonymous().get(READ).then().statusCode(200);
    }

    @Test
    void refusedRequestsAreNotCountedAndErrorsComeFirst() {
        // a request refused earlier in the pipeline (401, 406) never reaches the limiter
        for (int i = 0; i < 5; i++) {
            bare().get(READ).then().statusCode(401);
            version(9).get(READ).then().statusCode(406);
        }
        for (int i = 0; i < 3; i++) {
            anonymous().get(READ).then().statusCode(200);
        }
        for (int i = 0; i < 3; i++) {
            anonymous().get(READ).then().statusCode(429)
                    .body(equalTo("{\"version\":1,\"currentRequests\":4,\"maxRequests\":3,\"periodInSeconds\":15,\"limitType\":\"rate\"}"));
        }
    }
}
