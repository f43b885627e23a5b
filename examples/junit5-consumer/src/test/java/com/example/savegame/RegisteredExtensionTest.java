package com.example.savegame;

import static com.example.savegame.SaveGameClientTest.SCID;
import static com.example.savegame.SaveGameClientTest.XUID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;

import dev.xblmock.fixture.junit.XblMockExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension registered on a static field (WireMock style) and used through its own methods. */
class RegisteredExtensionTest {

    @RegisterExtension
    static XblMockExtension xbl = XblMockExtension.builder()
            .seed("classpath:xbl/seed.yaml")
            .build();

    @Test
    void aSeededPlayerHasTheirSaveAndStat() {
        SaveGameClient client = new SaveGameClient(URI.create(xbl.baseUrl()), xbl.token(XUID).authorization(), SCID, XUID);

        assertEquals(Optional.of(7L), client.stat("Wins"));
        client.upload("slot9", new byte[] {9});
        assertArrayEquals(new byte[] {9}, client.download("slot9").orElseThrow());
        assertEquals(3, xbl.requests().size());
    }
}
