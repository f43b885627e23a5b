package dev.xblmock.cluster;

import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

/** For store tests: a new database of the {@link ClusterEngines}, migrated as at a start, and a new bucket. */
public record ClusterDatabase(HikariDataSource dataSource, String bucket) implements AutoCloseable {

    /** Skips the calling test (an assumption) where the engines cannot run. */
    public static ClusterDatabase create() {
        ClusterEngines.unavailable().ifPresent(reason -> Assumptions.abort(reason));
        Map<String, Object> properties = ClusterEngines.get().newClusterProperties();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl((String) properties.get("xblmock.cluster.jdbc-url"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        HikariDataSource dataSource = new HikariDataSource(config);
        ClusterConfiguration.migrate(dataSource);
        return new ClusterDatabase(dataSource, (String) properties.get("xblmock.cluster.s3.bucket"));
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
