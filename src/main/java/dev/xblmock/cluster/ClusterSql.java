package dev.xblmock.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import dev.xblmock.common.web.StorageFailures;

/**
 * Runs JDBC work on a pooled connection of the cluster database, alone or as one transaction; SQL failures become
 * 500 StorageUnavailable (the cause goes to the log). Shared by the cluster backend's stores.
 */
public final class ClusterSql {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public ClusterSql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** {@code work} in autocommit mode: each statement is its own decision. */
    public <T> T run(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw StorageFailures.clusterUnavailable(action, e);
        }
    }

    /**
     * {@code work} as one transaction (read committed), committed when it returns and rolled back when it throws:
     * a refusal thrown by a guard changes nothing.
     */
    public <T> T transaction(String action, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw StorageFailures.clusterUnavailable(action, e);
        }
    }
}
