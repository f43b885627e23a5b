package com.example.savegame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.xblmock.fixture.Fault;
import dev.xblmock.fixture.RecordedRequest;
import dev.xblmock.fixture.RequestFilter;
import dev.xblmock.fixture.TokenRequest;
import dev.xblmock.fixture.XblMock;
import dev.xblmock.fixture.junit.XblMockTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The save-game code against xblmock in strict mode: every request needs a token the fixture minted. */
@XblMockTest(properties = "xblmock.auth.mode=strict", seed = "classpath:xbl/seed.yaml")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaveGameClientTest {

    static final String SCID = "00000000-0000-0000-0000-000066591171";
    static final String XUID = "2533274792693551";

    private final XblMock xbl;
    private final SaveGameClient client;

    SaveGameClientTest(XblMock xbl) {
        this.xbl = xbl;
        this.client = new SaveGameClient(URI.create(xbl.baseUrl()), xbl.token(XUID).authorization(), SCID, XUID);
    }

    @Test
    @Order(1)
    void uploadsAndDownloadsASave() {
        byte[] save = "level=4\nweapon=sword\n".getBytes(StandardCharsets.UTF_8);

        client.upload("slot2", save);

        assertArrayEquals(save, client.download("slot2").orElseThrow());
        List<RecordedRequest> uploads = xbl.requests(RequestFilter.any().method("PUT"));
        assertEquals(1, uploads.size());
        assertEquals(201, uploads.get(0).status());
        assertEquals(XUID, uploads.get(0).xuid());
    }

    @Test
    @Order(2)
    void everyTestStartsFromTheSeed() {
        assertEquals(Optional.empty(), client.download("slot2")); // the previous test's upload is gone
        assertEquals("level=3\nweapon=poison\n",
                new String(client.download("slot1").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void readsAStat() {
        assertEquals(Optional.of(7L), client.stat("Wins"));
        assertEquals(Optional.empty(), client.stat("Losses"));
    }

    @Test
    void retriesWhenTheServiceIsUnavailable() {
        xbl.fault(Fault.on("PUT", "/saves/").status(503).retryAfterSeconds(0).times(2));

        client.upload("slot1", new byte[] {1, 2, 3});

        assertArrayEquals(new byte[] {1, 2, 3}, client.download("slot1").orElseThrow());
        assertEquals(List.of(201, 503, 503), xbl.requests(RequestFilter.any().method("PUT")).stream()
                .map(RecordedRequest::status).toList());
    }

    @Test
    void givesUpAfterThreeFailures() {
        xbl.fault(Fault.on("PUT", null).status(500).retryAfterSeconds(0));

        SaveGameException e = assertThrows(SaveGameException.class, () -> client.upload("slot1", new byte[] {1}));

        assertEquals(500, e.status());
        assertEquals(3, xbl.requests(RequestFilter.any().status(500)).size());
    }

    @Test
    void anExpiredSignInIsRefused() {
        String expired = xbl.token(TokenRequest.forXuid(XUID).expiresIn(Duration.ZERO)).authorization();
        SaveGameClient signedOut = new SaveGameClient(URI.create(xbl.baseUrl()), expired, SCID, XUID);

        assertEquals(401, assertThrows(SaveGameException.class, () -> signedOut.download("slot1")).status());
        assertTrue(xbl.requests(RequestFilter.any().status(401)).get(0).path().endsWith("/saves/slot1,binary"));
    }
}
