package dev.xblmock.userstats.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

import dev.xblmock.cluster.ClusterSql;
import dev.xblmock.common.error.ErrorCode;
import dev.xblmock.common.error.XblException;
import dev.xblmock.common.identity.Xuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster backend's {@link StatsRepository}: one row per user in PostgreSQL holding the same document the
 * filesystem backend writes ({@link StatsFile}), shared by every instance. A read is one SELECT; an update is
 * one short transaction that locks the user's row (creating it if needed, so two first writers also serialise),
 * applies the change and writes the new snapshot, so concurrent writers on any instances never lose an update.
 */
public class ClusterStatsRepository implements StatsRepository {

    private final ClusterSql sql;

    public ClusterStatsRepository(DataSource dataSource) {
        this.sql = new ClusterSql(dataSource);
    }

    @Override
    public UserStats find(Xuid xuid) {
        return sql.run("read the user's stats", connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT document FROM user_stats WHERE xuid = ?")) {
                select.setLong(1, xuid.value());
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? decode(xuid, row.getBytes(1)) : UserStats.EMPTY;
                }
            }
        });
    }

    @Override
    public UserStats update(Xuid xuid, UnaryOperator<UserStats> change) {
        return sql.transaction("write the user's stats", connection -> {
            UserStats current;
            try (PreparedStatement lock = connection.prepareStatement("INSERT INTO user_stats (xuid) VALUES (?) "
                    + "ON CONFLICT (xuid) DO UPDATE SET xuid = EXCLUDED.xuid RETURNING document")) {
                lock.setLong(1, xuid.value());
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    current = decode(xuid, row.getBytes(1));
                }
            }
            UserStats next = change.apply(current);
            if (next.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_stats WHERE xuid = ?")) {
                    delete.setLong(1, xuid.value());
                    delete.executeUpdate();
                }
                return UserStats.EMPTY;
            }
            try (PreparedStatement write = connection.prepareStatement(
                    "UPDATE user_stats SET document = ? WHERE xuid = ?")) {
                write.setBytes(1, StatsFile.encode(xuid, next));
                write.setLong(2, xuid.value());
                write.executeUpdate();
            }
            return next;
        });
    }

    @Override
    public void delete(Xuid xuid) {
        sql.run("delete the user's stats", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_stats WHERE xuid = ?")) {
                delete.setLong(1, xuid.value());
                return delete.executeUpdate();
            }
        });
    }

    @Override
    public List<Xuid> users() {
        return sql.run("list the users", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT xuid FROM user_stats WHERE document IS NOT NULL");
                 ResultSet row = select.executeQuery()) {
                List<Xuid> users = new ArrayList<>();
                while (row.next()) {
                    users.add(new Xuid(row.getLong(1)));
                }
                return users;
            }
        });
    }

    @Override
    public void reset() {
        sql.run("reset the stats", connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM user_stats")) {
                return delete.executeUpdate();
            }
        });
    }

    private static UserStats decode(Xuid xuid, byte[] document) {
        return document == null ? UserStats.EMPTY : StatsFile.decode(StatsFile.fileName(xuid), document).user();
    }
}
