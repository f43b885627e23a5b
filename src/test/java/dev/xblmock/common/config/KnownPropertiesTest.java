package dev.xblmock.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/** The known names come from the configuration processor's metadata of the compiled records. */
class KnownPropertiesTest {

    private final KnownProperties known = KnownProperties.load();

    private static ConfigurationPropertyName name(String name) {
        return ConfigurationPropertyName.of(name);
    }

    @Test
    void knowsEveryRecordsPropertiesInAnyRelaxedForm() {
        assertThat(known.contains(name("xblmock.auth.mode"))).isTrue();
        assertThat(known.contains(name("xblmock.control-plane.max-manifest-bytes"))).isTrue();
        assertThat(known.contains(ConfigurationPropertyName.adapt("xblmock.storage.maxblobbytes", '.'))).isTrue();
        assertThat(known.contains(name("xblmock.seed"))).isTrue();
        assertThat(known.contains(name("xblmock.control-plane.allowed-hosts[0]"))).isTrue();
    }

    /** A test JVM's -Dxblmock.fixture.max-shared-servers must not stop the fixture's own servers. */
    @Test
    void knowsTheFixturesSystemPropertyFromTheAdditionalMetadata() {
        assertThat(known.contains(name("xblmock.fixture.max-shared-servers"))).isTrue();
    }

    @Test
    void acceptsAnyKeyOfAMapAndAnyIndexOfAList() {
        assertThat(known.contains(name("xblmock.storage.quota-bytes.global"))).isTrue();
        assertThat(known.contains(name("xblmock.storage.read-access.trustedplatform"))).isTrue();
        assertThat(known.contains(name("xblmock.tls.extra-names[0]"))).isTrue();
        assertThat(known.contains(name("xblmock.auth.mode.strict"))).isFalse();
    }

    @Test
    void refusesWhatIsNoProperty() {
        assertThat(known.contains(name("xblmock.auth.mod"))).isFalse();
        assertThat(known.contains(name("xblmock.auth"))).isFalse();
        assertThat(known.contains(name("xblmock.storage.max-blob-byte"))).isFalse();
    }

    @Test
    void suggestsTheNearestNameOnlyWhenItIsNear() {
        assertThat(known.closest(name("xblmock.auth.mod"))).contains("xblmock.auth.mode");
        assertThat(known.closest(name("xblmock.tls.enable"))).contains("xblmock.tls.enabled");
        assertThat(known.closest(ConfigurationPropertyName.adapt("xblmock.controlplane.enabled", '.')))
                .contains("xblmock.control-plane.enabled");
        assertThat(known.closest(name("xblmock.something-else-entirely.unrelated"))).isEmpty();
    }

    @Test
    void editDistance() {
        assertThat(KnownProperties.distance("mode", "mod")).isEqualTo(1);
        assertThat(KnownProperties.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(KnownProperties.distance("", "abc")).isEqualTo(3);
    }
}
