package dev.xblmock.emulator.journal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestClassifierTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET | /global/scids/S | quota",
            "PUT | /global/scids/S | unknown",
            "GET | /trustedplatform/users/xuid(1)/scids/S | quota",
            "GET | /global/scids/S/data | list",
            "GET | /global/scids/S/data/ | list",
            "GET | /global/scids/S/data/a/b | list",
            "GET | /global/scids/S/data/a/b.json%2Cjson | download",
            "GET | /sessions/x/scids/S/data/a.bin,binary | download",
            "PUT | /json/users/xuid(1)/scids/S/data/a.json,json | upload",
            "DELETE | /universalplatform/users/xuid(1)/scids/S/data/a,binary | delete",
            "POST | /trustedplatform/users/batch/scids/S/data/a,binary | batchDownload",
            "GET | /trustedplatform/users/batch/scids/S/data/a,binary | unknown",
            "GET | /trustedplatform/users/batch/scids/S | unknown",
            "GET | /global/scids/S/datax | unknown",
            "GET | /global/scid/S | unknown",
            "GET | /global | unknown",
            "GET | /trustedplatform | unknown",
            "GET | /trustedplatform/users/xuid(1) | unknown",
            "GET | /users/xuid(1)/scids/S/stats | statsRead",
            "GET | /users/xuid(1)/scids/S/stats/a.b,c | statsRead",
            "POST | /users/xuid(1)/scids/S/stats | unknown",
            "GET | /users/xuid(1) | unknown",
            "POST | /batch | statsBatch",
            "GET | /batch | unknown",
            "POST | /batch/x | unknown",
            "GET | / | unknown",
            "GET | /other | unknown",
    })
    void classifiesByMethodAndShape(String method, String path, String operation) {
        assertThat(RequestClassifier.operation(method, path)).isEqualTo(operation);
    }
}
