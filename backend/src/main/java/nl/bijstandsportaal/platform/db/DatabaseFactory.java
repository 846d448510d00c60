package nl.bijstandsportaal.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import nl.bijstandsportaal.platform.atrest.AtRestColumns;
import nl.bijstandsportaal.platform.atrest.DataKeys;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.nio.file.Path;

/**
 * The one database: a connection pool (external MySQL/MariaDB when DB_URL is set, else the embedded
 * MariaDB), migrated by Flyway before anything uses it, and a jOOQ {@link DSLContext} over it.
 */
@Factory
class DatabaseFactory {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);

    private static final String PARAMS = "useUnicode=true&characterEncoding=utf8"
            + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
            + "&rewriteBatchedStatements=true&cachePrepStmts=true&useServerPrepStmts=true"
            + "&prepStmtCacheSize=250&prepStmtCacheSqlLimit=2048"
            + "&useLocalSessionState=true&cacheServerConfiguration=true&maintainTimeStats=false&cacheResultSetMetadata=true"
            + "&allowMultiQueries=true"; // for OneRoundTrip: all SQL is built by jOOQ with bind values

    @Singleton
    @Bean(preDestroy = "close")
    HikariDataSource dataSource(DatabaseSettings settings, DataKeys keys) {
        HikariConfig config = new HikariConfig();
        Runnable release = () -> { };
        if (settings.isExternal()) {
            // TLS with the server's certificate checked, or no start (StartupSecrets; a database on this machine may opt out).
            DatabaseTls.problem(settings.getUrl(), settings.getTls()).ifPresent(problem -> {
                throw new IllegalStateException("The portal does not start: " + problem);
            });
            if (DatabaseTls.OPT_OUT.equals(settings.getTls() == null ? "" : settings.getTls().trim())
                    && !settings.getUrl().toLowerCase(java.util.Locale.ROOT).contains("sslmode=verify_")) {
                LOG.warn("The database connection is not encrypted (DB_TLS={}): only for a database on this machine",
                        DatabaseTls.OPT_OUT);
            }
            config.setJdbcUrl(withParams(settings.getUrl()));
            config.setUsername(settings.getUser());
            config.setPassword(settings.getPassword());
        } else {
            EmbeddedMariaDb db = EmbeddedMariaDb.shared(Path.of(settings.getEmbeddedDataDir()), settings.isEmbeddedStartFresh(),
                    settings.getEmbeddedRestartDelay());
            config.setJdbcUrl(withParams(db.jdbcUrl(settings.getEmbeddedDatabase())));
            config.setUsername(db.user());
            config.setPassword(db.password());
            release = db.use();
        }
        config.setPoolName("portal");
        config.setMaximumPoolSize(settings.getMaxPoolSize());
        config.setMinimumIdle(2);
        config.setAutoCommit(true);
        // Fail fast while the database is unreachable: a request waits at most this long for a connection and then
        // gets "try again shortly" (503, see DatabaseUnavailable); the pool keeps trying and recovers by itself.
        long timeout = settings.getConnectionTimeout().toMillis();
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(timeout / 2, 2000)));
        // Opening a connection (TCP, TLS, login) may take longer than a request waits: the pool opens them in the
        // background, so a request is not held up by it. A cold JVM on a busy machine needs seconds for TLS.
        config.addDataSourceProperty("connectTimeout", Long.toString(Math.max(timeout, 10_000)));
        // Hikari also makes the connection timeout the login timeout: the first logins of a cold JVM (TLS) on a busy
        // machine can take longer, so at start-up the pool keeps trying for a minute before the start fails.
        config.setInitializationFailTimeout(60_000);
        // A database that hangs (stopped, or a network that drops packets) must not hold a request: a statement waits at
        // most the socket timeout for its answer, then the connection is given up and the request gets the 503. A
        // connection that sat idle is checked before use (validationTimeout); this bounds the ones in use at that moment.
        String url = config.getJdbcUrl();
        if (!settings.getSocketTimeout().isZero() && !url.contains("socketTimeout=")) {
            config.addDataSourceProperty("socketTimeout", Long.toString(settings.getSocketTimeout().toMillis()));
        }
        // Read committed: a SELECT ... FOR UPDATE of a row that is not there yet takes no gap lock, so two citizens
        // sending their first report of a period at the same moment do not deadlock (docs/adr/0012).
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // The embedded server stops at the JVM's exit only after this pool is closed (the context stopped, requests done).
        Runnable closed = release;
        HikariDataSource dataSource = new HikariDataSource(config) {
            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    closed.run();
                }
            }
        };
        try {
            Flyway.configure()
                    .dataSource(withoutSocketTimeout(dataSource))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            atRest(DSL.using(withoutSocketTimeout(dataSource), SQLDialect.MYSQL), keys);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    /**
     * After the migrations: every key the database uses must be configured (a key removed too early stops the start
     * instead of failing reads later), and what is still plain (a database from before ADR 0042, or rows an older
     * version wrote during an upgrade) is encrypted now, before requests come. Needs the keys, so it is Java, not SQL.
     */
    private static void atRest(DSLContext db, DataKeys keys) {
        java.util.Set<String> unknown = AtRestColumns.unknownKeys(db, keys);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("The portal does not start: the database holds values encrypted with key(s) "
                    + unknown + ", which PORTAL_DATA_KEYS does not have. Add them again (docs/operations.md, \"Keys at rest\").");
        }
        AtRestColumns.sealPlain(db, keys, 500);
    }

    @Singleton
    DSLContext dslContext(DataSource dataSource, TableChanges changes) {
        Settings jooqSettings = new Settings()
                .withRenderSchema(false)
                .withExecuteLogging(false)
                .withRenderCatalog(false);
        return DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.MYSQL)
                .set(jooqSettings)
                .set(new org.jooq.impl.DefaultExecuteListenerProvider(changes))
                .set(new org.jooq.impl.DefaultTransactionListenerProvider(changes)));
    }

    /**
     * The pool for the migrations at start-up: a migration on a large table may take minutes, so its connections wait
     * for the answer as long as it takes. The pool restores the socket timeout when a connection is given back.
     */
    private static DataSource withoutSocketTimeout(HikariDataSource pool) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = pool.getConnection();
                connection.setNetworkTimeout(Runnable::run, 0);
                return connection;
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                throw new SQLFeatureNotSupportedException("the migrations use the pool's account");
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return pool.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                pool.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                pool.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return pool.getLoginTimeout();
            }

            @Override
            public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return pool.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> iface) throws SQLException {
                return pool.unwrap(iface);
            }

            @Override
            public boolean isWrapperFor(Class<?> iface) throws SQLException {
                return pool.isWrapperFor(iface);
            }
        };
    }

    private static String withParams(String url) {
        return url + (url.contains("?") ? "&" : "?") + PARAMS;
    }
}
