package dev.xblmock.common.web;

import static dev.xblmock.common.XblAssertions.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 1.3: the header's 400 (not a positive 32-bit integer) versus 406 (an integer the service lacks). */
class ContractVersionTest {

    @Test
    void aMissingHeaderMeansVersionOne() {
        assertThat(ContractVersion.parse(null)).isEqualTo(new ContractVersion(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1|1", "2|2", "3|3", "' 2 '|2", "'\t2\t'|2", "02|2", "2147483647|2147483647"})
    void positive32BitIntegersParse(String header, int expected) {
        assertThat(ContractVersion.parse(header).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "abc", "", " ", "2147483648", "99999999999", "1.0", "+2", "2a", "0x2", "\u0662", "1,2"})
    void anythingElseIsA400NamingTheHeader(String header) {
        XblException e = rejects(ErrorCode.INVALID_CONTRACT_VERSION, () -> ContractVersion.parse(header));
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.detail()).startsWith("Header x-xbl-contract-version '").endsWith("' must be a positive 32-bit integer.");
    }

    @Test
    void controlCharactersAreEscapedInTheDetail() {
        assertThat(rejects(ErrorCode.INVALID_CONTRACT_VERSION, () -> ContractVersion.parse("1\u0001")).detail())
                .isEqualTo("Header x-xbl-contract-version '1\\u0001' must be a positive 32-bit integer.");
    }

    @Test
    void eachServiceSupportsItsOwnVersions() {
        assertThat(XboxService.TITLE_STORAGE.supportsContractVersion(1)).isTrue();
        assertThat(XboxService.TITLE_STORAGE.supportsContractVersion(2)).isTrue();
        assertThat(XboxService.TITLE_STORAGE.supportsContractVersion(3)).isFalse();
        assertThat(XboxService.USER_STATS.supportsContractVersion(3)).isTrue();
        assertThat(XboxService.USER_STATS.supportsContractVersion(4)).isFalse();
        assertThat(XboxService.UNKNOWN.supportsContractVersion(Integer.MAX_VALUE)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"/global/scids/x,TITLE_STORAGE", "/trustedplatform/users/xuid(1)/scids/x,TITLE_STORAGE",
            "'/universalplatform/users/batch/scids/x/data/a,json',TITLE_STORAGE", "/json/users,TITLE_STORAGE",
            "/sessions/s/scids/x,TITLE_STORAGE", "/untrustedplatform,TITLE_STORAGE", "/users/xuid(1)/scids/x/stats,USER_STATS",
            "/batch,USER_STATS", "/_emulator/health,CONTROL_PLANE", "/,UNKNOWN", "/nothing/here,UNKNOWN", "/Global/scids/x,UNKNOWN"})
    void pathsAreClassifiedByTheirFirstSegment(String path, XboxService expected) {
        assertThat(XboxService.of(path)).isEqualTo(expected);
    }
}
