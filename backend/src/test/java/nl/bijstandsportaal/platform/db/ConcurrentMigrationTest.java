package nl.bijstandsportaal.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances starting at the same moment on one empty database both run the migrations as the portal does
 * (DatabaseFactory): Flyway takes a named lock in MariaDB/MySQL (GET_LOCK) around each migration and reads the history
 * again under it, so the two may take turns, but every migration is applied exactly once and both end up migrated.
 */
@Tag("app")
class ConcurrentMigrationTest {

    private static final String DATABASE = "t_concurrentmigration";

    @Test
    void twoInstancesMigrateOneEmptyDatabaseAtOnce() throws Exception {
        EmbeddedMariaDb server = EmbeddedMariaDb.shared(Path.of(System.getProperty("portal.db.embedded-data-dir", "target/test-mariadb-data")), true);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/", server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        CountDownLatch ready = new CountDownLatch(2);
        List<HikariDataSource> pools = new ArrayList<>();
        try {
            List<Future<Integer>> migrations = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                HikariConfig config = new HikariConfig();
                config.setJdbcUrl(server.jdbcUrl(DATABASE));
                config.setUsername(server.user());
                config.setPassword(server.password());
                config.setMaximumPoolSize(3);
                HikariDataSource pool = new HikariDataSource(config);
                pools.add(pool);
                migrations.add(instances.submit(() -> {
                    ready.countDown();
                    ready.await();
                    return Flyway.configure().dataSource(pool).locations("classpath:db/migration").load()
                            .migrate().migrationsExecuted;
                }));
            }
            int first = migrations.get(0).get(5, TimeUnit.MINUTES);
            int second = migrations.get(1).get(5, TimeUnit.MINUTES);
            int known = Flyway.configure().dataSource(pools.get(0)).locations("classpath:db/migration").load()
                    .info().all().length;
            assertEquals(known, first + second, "between them the two applied every migration once: " + first + " + " + second);

            try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version), SUM(success = 0)"
                         + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
                rs.next();
                assertEquals(first + second, rs.getInt(1), "each migration recorded once");
                assertEquals(rs.getInt(1), rs.getInt(2), "no version twice");
                assertEquals(0, rs.getInt(3), "none failed");
            }
        } finally {
            instances.shutdownNow();
            pools.forEach(HikariDataSource::close);
            try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + server.port() + "/", server.user(), server.password());
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            }
        }
    }
}
