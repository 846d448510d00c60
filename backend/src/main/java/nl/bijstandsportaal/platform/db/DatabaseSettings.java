package nl.bijstandsportaal.platform.db;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;

/**
 * Where the database is. Without {@code url} (env DB_URL) the portal starts an embedded MariaDB whose
 * data lives in {@code embeddedDataDir} (env PORTAL_DATA_DIR).
 */
@ConfigurationProperties("portal.db")
public class DatabaseSettings {

    @Nullable
    private String url;
    @Nullable
    private String user;
    @Nullable
    private String password;
    private String embeddedDataDir = "data/mariadb";
    private boolean embeddedStartFresh;
    private String embeddedDatabase = "portal";
    private int maxPoolSize = 20;
    private Duration connectionTimeout = Duration.ofSeconds(3);
    private Duration embeddedRestartDelay = Duration.ofSeconds(1);
    private Duration socketTimeout = Duration.ofSeconds(10);
    @Nullable
    private String tls;

    public boolean isExternal() {
        return url != null && !url.isBlank();
    }

    @Nullable
    public String getUrl() {
        return url;
    }

    public void setUrl(@Nullable String url) {
        this.url = url;
    }

    @Nullable
    public String getUser() {
        return user;
    }

    public void setUser(@Nullable String user) {
        this.user = user;
    }

    @Nullable
    public String getPassword() {
        return password;
    }

    public void setPassword(@Nullable String password) {
        this.password = password;
    }

    public String getEmbeddedDataDir() {
        return embeddedDataDir;
    }

    public void setEmbeddedDataDir(String embeddedDataDir) {
        this.embeddedDataDir = embeddedDataDir;
    }

    public boolean isEmbeddedStartFresh() {
        return embeddedStartFresh;
    }

    public void setEmbeddedStartFresh(boolean embeddedStartFresh) {
        this.embeddedStartFresh = embeddedStartFresh;
    }

    /** The database (schema) on the embedded server; tests give each application context its own. */
    public String getEmbeddedDatabase() {
        return embeddedDatabase;
    }

    public void setEmbeddedDatabase(String embeddedDatabase) {
        this.embeddedDatabase = embeddedDatabase;
    }

    public int getMaxPoolSize() {
        return maxPoolSize;
    }

    public void setMaxPoolSize(int maxPoolSize) {
        this.maxPoolSize = maxPoolSize;
    }

    /**
     * How long a request waits for a database connection before it gets "try again shortly" (503). Also the time a
     * new connection may take to open. Env DB_CONNECTION_TIMEOUT.
     */
    public Duration getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(Duration connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    /**
     * How long a statement may wait for the database's answer before the connection is given up and the request gets
     * "try again shortly" (503): a database that hangs (stopped, or a network that drops packets) never holds a
     * request longer. Zero: wait forever. Migrations at start-up are not bound by it. Env DB_SOCKET_TIMEOUT.
     */
    public Duration getSocketTimeout() {
        return socketTimeout;
    }

    public void setSocketTimeout(Duration socketTimeout) {
        this.socketTimeout = socketTimeout;
    }

    /** How long the watchdog waits before it starts the embedded MariaDB again after its process died. */
    public Duration getEmbeddedRestartDelay() {
        return embeddedRestartDelay;
    }

    public void setEmbeddedRestartDelay(Duration embeddedRestartDelay) {
        this.embeddedRestartDelay = embeddedRestartDelay;
    }

    /** Empty: DB_URL must require TLS with a checked certificate; {@code off-on-this-host}: not for a local database (DatabaseTls). Env DB_TLS. */
    @Nullable
    public String getTls() {
        return tls;
    }

    public void setTls(@Nullable String tls) {
        this.tls = tls;
    }
}
