package nl.bijstandsportaal.platform.db;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database (demo, development, tests) listens on loopback only and lets nobody in without a password:
 * the portal has an account of its own, root has a password, anonymous accounts are gone (issue 17, ADR 0042).
 */
@Tag("app")
class EmbeddedDatabaseAccessTest {

    @Test
    void onlyOnLoopbackAndOnlyWithAPassword() throws Exception {
        Path dir = Path.of(System.getProperty("portal.db.embedded-data-dir", "target/test-mariadb-data"));
        EmbeddedMariaDb server = EmbeddedMariaDb.shared(dir, true);
        String url = "jdbc:mysql://127.0.0.1:" + server.port() + "/";

        try (Connection c = DriverManager.getConnection(url, server.user(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@bind_address, CURRENT_USER()")) {
            rs.next();
            assertEquals("127.0.0.1", rs.getString(1));
            assertEquals("portal@127.0.0.1", rs.getString(2));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(EmbeddedMariaDb.ACCOUNT_FILE))));

        for (String[] nobody : new String[][]{{"root", ""}, {"", ""}, {server.user(), ""}, {"root", "root"}}) {
            SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, nobody[0], nobody[1]).close(),
                    "'" + nobody[0] + "' with password '" + nobody[1] + "'");
            assertEquals(1045, refused.getErrorCode(), refused.getMessage());
        }

        // Every other address of this machine: nothing listens there.
        List<InetAddress> others = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
        for (InetAddress address : others) {
            try (Socket socket = new Socket()) {
                assertThrows(java.io.IOException.class, () -> socket.connect(new InetSocketAddress(address, server.port()), 2000),
                        "the embedded database answers on " + address.getHostAddress());
            }
        }
        System.out.println("EmbeddedDatabaseAccessTest: other addresses tried: " + others);
        assertTrue(server.port() > 0);
    }
}
