package nl.bijstandsportaal.platform.db;

import java.nio.file.Path;

/**
 * A JVM with only the embedded database, as the portal starts it (for {@link EmbeddedDataFolderTest}): prints
 * "READY port mariadb-pid" and waits until it is stopped. Argument: the data folder.
 */
public final class EmbeddedDbMain {

    private EmbeddedDbMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            EmbeddedMariaDb db = EmbeddedMariaDb.shared(Path.of(args[0]), false);
            System.out.println("READY " + db.port() + " " + db.process().orElseThrow().pid());
            System.out.flush();
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.out.flush();
            System.exit(3);
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
