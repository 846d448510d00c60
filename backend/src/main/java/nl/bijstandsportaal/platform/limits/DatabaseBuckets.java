package nl.bijstandsportaal.platform.limits;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Bucket4j's buckets in the database, so a limit holds across instances (ADR 0045): Bucket4j's own "select for update"
 * proxy manager (its algorithm, its serialized state), with the table {@code rate_limit_bucket} as its store. The same
 * shape as Bucket4j's MySQL module, which is not in the Maven repository this project can reach.
 */
final class DatabaseBuckets extends AbstractSelectForUpdateBasedProxyManager<String> {

    private final DataSource dataSource;
    private final java.time.Clock wall;

    DatabaseBuckets(DataSource dataSource, java.time.Clock wall) {
        super(ClientSideConfig.getDefault());
        this.dataSource = dataSource;
        this.wall = wall;
    }

    /** Rows of buckets that are full again. */
    int removeExpired(long nowMillis) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM rate_limit_bucket WHERE verloopt_op < ? LIMIT 10000")) {
            s.setLong(1, nowMillis);
            return s.executeUpdate();
        }
    }

    @Override
    public void removeProxy(String key) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM rate_limit_bucket WHERE sleutel = ?")) {
            s.setString(1, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("Rate limits: no database connection", e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement s = connection.prepareStatement("SELECT toestand FROM rate_limit_bucket WHERE sleutel = ? FOR UPDATE")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement s = connection.prepareStatement("INSERT IGNORE INTO rate_limit_bucket (sleutel, toestand, verloopt_op) VALUES (?, NULL, NULL)")) {
                    applyTimeout(s, timeout);
                    s.setString(1, key);
                    s.executeUpdate();
                    return true;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState state, Optional<Long> timeout) {
                long now = wall.millis();
                long full = state.calculateFullRefillingTime(now * 1_000_000L) / 1_000_000L;
                try (PreparedStatement s = connection.prepareStatement("UPDATE rate_limit_bucket SET toestand = ?, verloopt_op = ? WHERE sleutel = ?")) {
                    applyTimeout(s, timeout);
                    s.setBytes(1, data);
                    s.setLong(2, now + full + 1000);
                    s.setString(3, key);
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(connection::commit);
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void release() {
                run(() -> {
                    connection.setAutoCommit(true);
                    connection.close();
                });
            }
        };
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void run(Sql sql) {
        try {
            sql.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
