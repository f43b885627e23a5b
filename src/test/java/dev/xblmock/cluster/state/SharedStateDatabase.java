package dev.xblmock.cluster.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PostgreSQL of the shared-state tests (the branch that adds the cluster engines has its own, fuller helper,
 * which these tests can use as well): one embedded server per test JVM (its binaries come as a Maven
 * dependency), and a fresh database with every migration applied for each caller, so that two "instances" given
 * the same database share everything and tests share nothing. PostgreSQL refuses to run as root: there the tests
 * are skipped, with that reason, unless {@code -Dxblmock-it.cluster-tests=required} makes them fail instead.
 */
public final class SharedStateDatabase {

    private static final String TEMPLATE = "xblmock_migrated";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private SharedStateDatabase() {
    }

    /** A new, migrated database (a copy of one migrated once), pooled like the server's. */
    public static DataSource fresh() {
        EmbeddedPostgres postgres = server();
        String name = "xblmock_test_" + DATABASES.incrementAndGet();
        JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE).update();
        HikariDataSource database = new HikariDataSource();
        database.setJdbcUrl(postgres.getJdbcUrl("postgres", name));
        database.setMaximumPoolSize(8);
        database.setMinimumIdle(0);
        database.setIdleTimeout(10_000); // the tests' many small pools give their connections back soon
        return database;
    }

    private static synchronized EmbeddedPostgres server() {
        if ("root".equals(System.getProperty("user.name"))) {
            String reason = "Cluster tests skipped: embedded PostgreSQL refuses to run as root; "
                    + "run the build as an unprivileged user";
            if ("required".equals(System.getProperty("xblmock-it.cluster-tests"))) {
                Assertions.fail(reason + " (xblmock-it.cluster-tests=required)");
            }
            Assumptions.abort(reason);
        }
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            JdbcClient.create(server.getPostgresDatabase()).sql("CREATE DATABASE " + TEMPLATE).update();
            Flyway.configure().dataSource(server.getDatabase("postgres", TEMPLATE)).locations("classpath:db/migration")
                    .load().migrate();
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is exiting; the server's directory is a temporary one
                }
            }));
        }
        return server;
    }
}
