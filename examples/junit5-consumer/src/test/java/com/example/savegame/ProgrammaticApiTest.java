package com.example.savegame;

import static com.example.savegame.SaveGameClientTest.SCID;
import static com.example.savegame.SaveGameClientTest.XUID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;

import dev.xblmock.common.identity.AuthMode;
import dev.xblmock.fixture.SeedCounts;
import dev.xblmock.fixture.XblMock;
import org.junit.jupiter.api.Test;

/** XblMock without the extension: started and closed by the test itself. */
class ProgrammaticApiTest {

    @Test
    void seedsAStartedServerFromYaml() {
        try (XblMock xbl = XblMock.builder().authMode(AuthMode.STRICT).start()) {
            SeedCounts counts = xbl.seedYaml("""
                    blobs:
                      - { storage: trustedplatform, scid: "%s", owner: "%s", path: saves/slot1, type: binary, text: "hi" }
                    """.formatted(SCID, XUID));
            SaveGameClient client = new SaveGameClient(URI.create(xbl.baseUrl()), xbl.token(XUID).authorization(),
                    SCID, XUID);

            assertEquals(1, counts.blobs());
            assertArrayEquals("hi".getBytes(), client.download("slot1").orElseThrow());
            xbl.reset();
            assertEquals(Optional.empty(), client.download("slot1"));
            SaveGameClient anonymous = new SaveGameClient(URI.create(xbl.baseUrl()), "XBL3.0 x=;", SCID, XUID);
            assertEquals(401, assertThrows(SaveGameException.class, () -> anonymous.download("slot1")).status());
        }
    }
}
