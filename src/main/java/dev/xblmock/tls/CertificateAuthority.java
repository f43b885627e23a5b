package dev.xblmock.tls;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemGenerationException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local certificate authority: an EC P-256 key and a self-signed CA certificate, created on first use in a
 * directory ({@code ca.pem}, {@code ca-key.pem}) and read back from there on every later start, so a client
 * trusts it once. It signs the server certificate, which is made afresh at each start.
 */
final class CertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(CertificateAuthority.class);

    static final String CERTIFICATE_FILE = "ca.pem";
    static final String KEY_FILE = "ca-key.pem";
    private static final String LOCK_FILE = ".lock";

    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Under the 398 days some clients allow a server certificate. */
    private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
    private static final Duration BACKDATING = Duration.ofDays(1);
    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private CertificateAuthority(X509Certificate certificate, PrivateKey key, Clock clock) {
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /** The CA kept in {@code dir}, created there (with the directory) when it holds none yet. */
    static synchronized CertificateAuthority loadOrCreate(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            // two emulators starting together on one directory must not each write half of a CA (the file lock
            // is per process; synchronized covers two contexts in one JVM, which would otherwise overlap locks)
            try (FileChannel lockFile = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockFile.lock()) {
                return loadOrCreateLocked(dir, clock);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local CA in " + dir, e);
        }
    }

    /** The CA kept in {@code store} (shared by several servers), created there when it holds none yet. */
    static CertificateAuthority loadOrCreate(CertificateAuthorityStore store, Clock clock) {
        CertificateAuthorityStore.StoredAuthority stored = store.loadOrStore(() -> {
            CertificateAuthority created = create(clock);
            try {
                return new CertificateAuthorityStore.StoredAuthority(Pem.write(created.certificate),
                        Pem.write(new JcaPKCS8Generator(created.key, null)));
            } catch (PemGenerationException e) {
                throw new IllegalStateException("cannot encode the local CA's key", e);
            }
        });
        try {
            return new CertificateAuthority(Pem.readCertificate(stored.certificatePem()),
                    Pem.readPrivateKey(stored.privateKeyPem()), clock);
        } catch (IOException e) {
            throw new IllegalStateException("the shared local CA cannot be read: " + e.getMessage(), e);
        }
    }

    private static CertificateAuthority loadOrCreateLocked(Path dir, Clock clock) throws IOException {
        Path certificateFile = dir.resolve(CERTIFICATE_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            X509Certificate certificate = Pem.readCertificate(Files.readString(certificateFile));
            PrivateKey key = Pem.readPrivateKey(Files.readString(keyFile));
            if (belongTogether(certificate, key)) {
                return new CertificateAuthority(certificate, key, clock);
            }
            // ca.pem was overwritten by the trust anchor of a user-supplied certificate (see ServerIdentities)
            log.warn("{} does not belong to {}: creating a new local CA there", certificateFile, keyFile);
        }
        CertificateAuthority created = create(clock);
        writeAtomically(keyFile, Pem.write(new JcaPKCS8Generator(created.key, null)), true);
        writeAtomically(certificateFile, Pem.write(created.certificate), false);
        return created;
    }

    /** A signature made with {@code key} verifies with the certificate's public key. */
    private static boolean belongTogether(X509Certificate certificate, PrivateKey key) {
        byte[] probe = "xblmock".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static CertificateAuthority create(Clock clock) {
        KeyPair keys = newKeyPair();
        Instant now = clock.instant();
        X500Name subject = new X500Name("CN=xblmock local CA,O=xblmock");
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(new SecureRandom()),
                    Date.from(now.minus(BACKDATING)), Date.from(now.plus(CA_VALIDITY)), subject, keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new CertificateAuthority(sign(builder, keys.getPrivate()), keys.getPrivate(), clock);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot create the local CA", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A server certificate for {@code serverKeys} covering {@code names}, signed by this CA. */
    X509Certificate issueServerCertificate(KeyPair serverKeys, CoveredNames names) {
        Instant now = clock.instant();
        List<GeneralName> altNames = new ArrayList<>();
        names.dnsNames().forEach(name -> altNames.add(new GeneralName(GeneralName.dNSName, name)));
        names.ipAddresses().forEach(ip -> altNames.add(new GeneralName(GeneralName.iPAddress, ip)));
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                    Date.from(now.minus(BACKDATING)), Date.from(now.plus(SERVER_VALIDITY)),
                    new X500Name("CN=" + names.dnsNames().get(0) + ",O=xblmock"), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(altNames.toArray(GeneralName[]::new)))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(serverKeys.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
            return sign(builder, key);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue the server certificate", e);
        }
    }

    /** EC P-256: small keys, generated in milliseconds. */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 keys are not available in this JVM", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer) throws GeneralSecurityException {
        try {
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign with " + SIGNATURE_ALGORITHM, e);
        }
    }

    /** A positive 127-bit serial number: unique in practice, within the 20 bytes RFC 5280 allows. */
    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(127, random).add(BigInteger.ONE);
    }

    /** Written beside the target and moved into place, so a crash never leaves half a key or certificate. */
    private static void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                restrictToOwner(temp);
            }
            Files.writeString(temp, content, StandardCharsets.US_ASCII);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own permissions apply
        }
    }

    /** PEM reading and writing through BouncyCastle. */
    static final class Pem {

        private Pem() {
        }

        static String write(Object object) {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(object);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }

        static X509Certificate readCertificate(String pem) throws IOException {
            Object object = readObject(pem);
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IOException("not a PEM certificate");
            }
            try {
                return new JcaX509CertificateConverter().getCertificate(holder);
            } catch (GeneralSecurityException e) {
                throw new IOException("unreadable certificate", e);
            }
        }

        static PrivateKey readPrivateKey(String pem) throws IOException {
            Object object = readObject(pem);
            if (object instanceof PEMKeyPair pair) {
                object = pair.getPrivateKeyInfo();
            }
            if (!(object instanceof PrivateKeyInfo info)) {
                throw new IOException("not an unencrypted PEM private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }

        private static Object readObject(String pem) throws IOException {
            try (PEMParser parser = new PEMParser(new StringReader(pem))) {
                return parser.readObject();
            }
        }
    }
}
