package dev.xblmock.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class ServerIdentitiesTest {

    @TempDir
    Path dir;

    private static TlsProperties generated(List<String> extraNames) {
        return new TlsProperties(true, 0, null, extraNames, null, null, null, null);
    }

    @Test
    void theCaIsCreatedOnceAndReadBack() throws Exception {
        ServerIdentity first = ServerIdentities.load(generated(List.of()), dir, Clock.systemUTC());
        String caFile = Files.readString(dir.resolve("ca.pem"));
        ServerIdentity second = ServerIdentities.load(generated(List.of()), dir, Clock.systemUTC());

        assertThat(first.caCertificatePem()).isEqualTo(caFile).isEqualTo(second.caCertificatePem());
        assertThat(first.caFile()).isEqualTo(dir.resolve("ca.pem"));
        assertThat(Files.readString(dir.resolve("ca-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aCaCertificateReplacedBySomethingElseIsRecreated() throws Exception {
        ServerIdentities.load(generated(List.of()), dir, Clock.systemUTC());
        String original = Files.readString(dir.resolve("ca.pem"));
        Path other = dir.resolve("other");
        ServerIdentities.load(generated(List.of()), other, Clock.systemUTC());
        Files.copy(other.resolve("ca.pem"), dir.resolve("ca.pem"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ServerIdentity recreated = ServerIdentities.load(generated(List.of()), dir, Clock.systemUTC());

        assertThat(recreated.caCertificatePem()).isNotEqualTo(original).isEqualTo(Files.readString(dir.resolve("ca.pem")));
    }

    @Test
    void coveredNamesIncludeTheExtrasAndMatchLikeTlsClients() {
        CoveredNames names = ServerIdentities.load(generated(List.of("emulator.test", "::1")), dir, Clock.systemUTC()).names();

        assertThat(names.covers("TitleStorage.XboxLive.com")).isTrue();
        assertThat(names.covers("anything.xboxlive.com")).isTrue();
        assertThat(names.covers("a.b.xboxlive.com")).isFalse();
        assertThat(names.covers("xboxlive.com")).isFalse();
        assertThat(names.covers("emulator.test")).isTrue();
        assertThat(names.covers("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(names.covers("127.0.0.1")).isTrue();
        assertThat(names.covers("example.com")).isFalse();
    }

    @Test
    void anExtraNameThatIsNeitherHostNorAddressIsRejected() {
        assertThatThrownBy(() -> ServerIdentities.load(generated(List.of("bad name")), dir, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xblmock.tls.extra-names: 'bad name'");
    }

    @Test
    void aSuppliedPemCertificateAndKeyAreUsedAndTheirTopCertificateIsWrittenAsCaPem() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("elsewhere"), Clock.systemUTC());
        KeyPair keys = CertificateAuthority.newKeyPair();
        X509Certificate server = ca.issueServerCertificate(keys, CoveredNames.withExtras(List.of("game.example")));
        Path certificate = dir.resolve("server.pem");
        Path key = dir.resolve("server-key.pem");
        Files.writeString(certificate, CertificateAuthority.Pem.write(server) + CertificateAuthority.Pem.write(ca.certificate()));
        Files.writeString(key, CertificateAuthority.Pem.write(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(keys.getPrivate(), null)));
        Path tlsDir = dir.resolve("tls");

        ServerIdentity identity = ServerIdentities.load(
                new TlsProperties(true, 0, tlsDir, List.of(), null, null, certificate, key), tlsDir, Clock.systemUTC());

        assertThat(identity.caCertificatePem()).isEqualTo(CertificateAuthority.Pem.write(ca.certificate()))
                .isEqualTo(Files.readString(tlsDir.resolve("ca.pem")));
        assertThat(identity.names().covers("game.example")).isTrue();
        assertThat(identity.serverContext()).isNotNull();
    }

    @Test
    void aSuppliedPkcs12KeystoreIsUsed() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("elsewhere"), Clock.systemUTC());
        KeyPair keys = CertificateAuthority.newKeyPair();
        X509Certificate server = ca.issueServerCertificate(keys, CoveredNames.withExtras(List.of()));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), "secret".toCharArray(), new X509Certificate[] {server, ca.certificate()});
        Path keystore = dir.resolve("server.p12");
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, "secret".toCharArray());
        }
        Path tlsDir = dir.resolve("tls");

        ServerIdentity identity = ServerIdentities.load(
                new TlsProperties(true, 0, tlsDir, List.of(), keystore, "secret", null, null), tlsDir, Clock.systemUTC());

        assertThat(identity.caCertificatePem()).isEqualTo(CertificateAuthority.Pem.write(ca.certificate()));
        assertThat(identity.names().covers("userstats.xboxlive.com")).isTrue();
        assertThatThrownBy(() -> ServerIdentities.load(
                new TlsProperties(true, 0, tlsDir, List.of(), keystore, "wrong", null, null), tlsDir, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be read as PKCS#12");
    }

    @Test
    void theTlsDirectoryDefaultsFollowTheStorageBackend() {
        TlsProperties unset = generated(List.of());
        assertThat(TlsDirectory.resolve(unset, new MockEnvironment()))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "xblmock-tls"));
        assertThat(TlsDirectory.resolve(unset, new MockEnvironment()
                .withProperty("xblmock.storage.backend", "filesystem").withProperty("xblmock.storage.dir", "/data/xbl")))
                .isEqualTo(Path.of("/data/xbl/tls"));
        assertThat(TlsDirectory.resolve(unset, new MockEnvironment()
                .withProperty("xblmock.storage.backend", "memory").withProperty("xblmock.storage.dir", "/data/xbl")))
                .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "xblmock-tls"));
        assertThat(TlsDirectory.resolve(new TlsProperties(true, 0, Path.of("/certs"), List.of(), null, null, null, null),
                new MockEnvironment())).isEqualTo(Path.of("/certs"));
    }
}
